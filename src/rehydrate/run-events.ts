/**
 * Restarting a run as far as the facts allow — shared by `cccc reset` (no usable journal) and `cccc update`
 * (an original-skill workspace, which has no journal at all). Pure. Only events whose guard facts are computed
 * now are sent: `task.started`, and `discovery.submitted` when every discovery doc is written. When the run had
 * got further (a plan approved, milestones passed) that history cannot be replayed, so the run pauses for the
 * human: from `CLAUDE_PLANNING_REVIEW` with an `ask_human` self-review carrying the question (so it lands in the
 * context and `cccc answer` can record the answer), else with a `pause.requested` whose reason holds it. A pause
 * kept from an older record (`pause`) is entered instead when it is not a human pause: `UNSAFE` stays `UNSAFE`.
 */
import { DISCOVERY_DOCS, unfilledDiscoveryDocs } from '../../machines/guards.js';
import { PAUSE_KIND_STATUS, type PauseKind, type Status } from '../../machines/status-table.js';
import type { DocState, HumanQuestion, Milestone } from '../../machines/types.js';
import type { EventPayload } from '../state/rebuild.js';

/** What {@link restartRunEvents} needs. */
export interface RunRestart {
  task: string;
  /** States of (at least) the discovery docs. */
  docs: Record<string, DocState>;
  /** When set, the run pauses for the human with this question. */
  question: HumanQuestion | null;
  /** Who rebuilt the run and what it found, e.g. `cccc reset: plan approved; …` (the pause's summary). */
  summary: string;
  /** Details shown with the question (the self-review's concerns). */
  concerns: string[];
  /** The plan to attach to the pausing self-review (milestones.yaml, when valid) and its errors. */
  milestones: Milestone[];
  milestoneErrors: string[];
  /** `pause.requested` code when pausing from discovery. */
  code: string;
  /** Submit discovery when the docs are written (default true; false keeps the run in discovery). */
  submitDiscovery?: boolean;
  /** A pause the run must end in (kept from an older record), with its reason; null for none. */
  pause?: { kind: PauseKind; reason: string } | null;
}

/** The events and the status they reach. */
export function restartRunEvents(r: RunRestart): { events: EventPayload[]; status: Status } {
  const events: EventPayload[] = [{ type: 'task.started', task: r.task }];
  let status: Status = 'DISCOVER_EXISTING_PROJECT';
  const discovery = Object.fromEntries(DISCOVERY_DOCS.map((d) => [d, r.docs[d] ?? 'missing']));
  if (r.submitDiscovery !== false && unfilledDiscoveryDocs(discovery).length === 0) {
    events.push({ type: 'discovery.submitted', docs: discovery });
    status = 'CLAUDE_PLANNING_REVIEW';
  }
  const pause = r.pause ?? null;
  if (!r.question && !pause) return { events, status };
  // The machine refuses a pause request while paused, so the run pauses exactly once: with the self-review
  // question when the pause is (or may be) for a human, else with the kept pause and the question in its reason.
  if (r.question && status === 'CLAUDE_PLANNING_REVIEW' && (!pause || pause.kind === 'human')) {
    const concerns = pause ? [...r.concerns, pause.reason] : r.concerns;
    const selfReview = { verdict: 'ask_human' as const, summary: r.summary, concerns, questions: [r.question] };
    events.push({ type: 'plan.submitted', selfReview, milestones: r.milestones, milestoneErrors: r.milestoneErrors });
    return { events, status: 'PAUSED_FOR_HUMAN' };
  }
  const kind = pause?.kind ?? 'human';
  const asked = r.question ? `${r.summary} — ${r.question.question}${status === 'DISCOVER_EXISTING_PROJECT' ? ' Fill the discovery docs, then resume.' : ''}` : null;
  const reason = [pause?.reason, asked].filter(Boolean).join(' — ');
  events.push({ type: 'pause.requested', kind, reason, code: r.code });
  return { events, status: PAUSE_KIND_STATUS[kind] };
}

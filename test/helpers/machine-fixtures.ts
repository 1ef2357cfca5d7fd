/**
 * Ways to reach every workflow status by replaying real events (no hand-built contexts), plus the event
 * builders the machine tables share. Builds on `./events.ts`.
 *
 * The plan has two milestones, M001 and M002. Milestone-level pauses are reached while M001 is in progress, so
 * `recommended` has somewhere to return to and `skip` has a milestone to skip.
 */
import {
  applyEvent,
  replay,
  type BudgetLimits,
  type DocImpact,
  statusOfSnapshot,
  type GateName,
  type Limits,
  type Milestone,
  type PauseKind,
  type ResumeStrategy,
  type Status,
  type VerdictFacts,
  type WorkflowEvent,
  type WorkflowSnapshot,
} from '../../machines/index.js';
import { ev, filledDocs, milestone, record, selfReview, verdictFacts } from './events.js';

/** The plan most scenarios use. */
export const TWO_MILESTONES: Milestone[] = [milestone('M001'), milestone('M002')];

type Extra = { limits?: Partial<Limits> };

export const start = (task = 'add rate limiting', extra: Extra = {}) => ev('task.started', { task }, extra);
export const discovery = (extra: Extra = {}) => ev('discovery.submitted', { docs: filledDocs() }, extra);
export const plan = (milestones: Milestone[] = TWO_MILESTONES, verdict: Parameters<typeof selfReview>[0] = 'ok', extra: Extra = {}) =>
  ev('plan.submitted', { selfReview: selfReview(verdict), milestones, milestoneErrors: [] }, extra);
export const implemented = (lines = 40, files = 3, verdict: Parameters<typeof selfReview>[0] = 'ok', extra: Extra = {}) =>
  ev('milestone.submitted', { selfReview: selfReview(verdict), diffStat: { lines, files } }, extra);
export const fixed = (verdict: Parameters<typeof selfReview>[0] = 'ok', extra: Extra = {}) =>
  ev('fix.submitted', { selfReview: selfReview(verdict) }, extra);
export const failed = (gate: GateName, reason = 'timeout', extra: Extra = {}) =>
  ev('review.failed', { gate, reason, message: `codex ${reason}` }, extra);
export const wroteFiles = (gate: GateName, extra: Extra = {}) =>
  ev('review.unsafe', { gate, paths: ['src/index.ts'], message: 'the reviewer changed src/index.ts' }, extra);
export const pauseReq = (kind: PauseKind, extra: Extra = {}) => ev('pause.requested', { kind, reason: `pause ${kind}` }, extra);
export const answer = (questionId: string, option: string | null = 'A') =>
  ev('question.answered', { answer: { questionId, option, text: null } });
export const resume = (strategy: ResumeStrategy, confirm = false, extra: Extra = {}) =>
  ev('resume', { strategy, confirm, reason: null }, extra);

/** A `review.verdict` whose status is any string (unknown statuses included) with findings and questions. */
export function verdict(
  gate: GateName,
  status: string,
  findings: VerdictFacts['findings'] = [],
  questions: VerdictFacts['humanQuestions'] = [],
  extra: Extra = {},
): WorkflowEvent {
  const facts = verdictFacts(status as VerdictFacts['status'], findings, questions);
  return ev('review.verdict', { gate, verdict: facts, record: record(gate, status, false) }, extra);
}

/** Events from a fresh workspace to M001's `IMPLEMENT_MILESTONE`. */
export const TO_IMPLEMENT: WorkflowEvent[] = [start(), discovery(), plan(), verdict('plan', 'approved')];
/** Events from a fresh workspace to M001's `CODEX_MILESTONE_REVIEW`. */
export const TO_MILESTONE_REVIEW: WorkflowEvent[] = [...TO_IMPLEMENT, implemented()];
/** Events from a fresh workspace to `CODEX_FINAL_REVIEW` (both milestones passed). */
export const TO_FINAL_REVIEW: WorkflowEvent[] = [
  ...TO_MILESTONE_REVIEW,
  verdict('milestone', 'pass'),
  implemented(),
  verdict('milestone', 'pass'),
];

/**
 * One event path per status. Pause paths go through the natural route where there is one; the comment names
 * the status each pause interrupted (where `resume --strategy recommended` returns).
 */
export const PATHS: Record<Status, WorkflowEvent[]> = {
  SETUP_COMPLETE: [],
  DISCOVER_EXISTING_PROJECT: [start()],
  CLAUDE_PLANNING_REVIEW: [start(), discovery()],
  CODEX_ADVERSARIAL_PLAN_REVIEW: [start(), discovery(), plan()],
  CLAUDE_REVISE_PLAN: [start(), discovery(), plan(), verdict('plan', 'rejected_fixable')],
  IMPLEMENT_MILESTONE: TO_IMPLEMENT,
  CODEX_MILESTONE_REVIEW: TO_MILESTONE_REVIEW,
  CLAUDE_FIX: [...TO_MILESTONE_REVIEW, verdict('milestone', 'fail_fixable')],
  CODEX_FINAL_REVIEW: TO_FINAL_REVIEW,
  DONE: [...TO_FINAL_REVIEW, verdict('final', 'pass')],
  // interrupted CODEX_MILESTONE_REVIEW
  PAUSED_FOR_HUMAN: [...TO_MILESTONE_REVIEW, verdict('milestone', 'needs_human')],
  // interrupted IMPLEMENT_MILESTONE
  NEEDS_SECRET: [...TO_IMPLEMENT, pauseReq('secret')],
  // interrupted CODEX_MILESTONE_REVIEW
  SENSITIVE_OPERATION: [...TO_MILESTONE_REVIEW, verdict('milestone', 'sensitive_operation')],
  // interrupted CODEX_MILESTONE_REVIEW
  UNSAFE: [...TO_MILESTONE_REVIEW, wroteFiles('milestone')],
  // interrupted CODEX_MILESTONE_REVIEW
  PAUSED_FOR_CODEX: [...TO_MILESTONE_REVIEW, failed('milestone')],
  // interrupted IMPLEMENT_MILESTONE
  PAUSED_FOR_SYSTEM: [...TO_IMPLEMENT, pauseReq('system')],
  // interrupted CODEX_MILESTONE_REVIEW
  FAIL_UNCLEAR: [...TO_MILESTONE_REVIEW, verdict('milestone', 'fail_unclear')],
  // interrupted CLAUDE_FIX (three Codex reviews of M001 under the default limits)
  REVIEW_THRESHOLD_EXCEEDED: [
    ...TO_MILESTONE_REVIEW,
    verdict('milestone', 'fail_fixable'),
    fixed(),
    verdict('milestone', 'fail_fixable'),
    fixed(),
    verdict('milestone', 'fail_fixable'),
  ],
  // interrupted IMPLEMENT_MILESTONE
  NEEDS_REPLAN: [...TO_IMPLEMENT, implemented(40, 3, 'revise_plan')],
};

/** Replay `events` from a fresh workspace; throws when one is refused (a broken fixture, not a test result). */
export function replayAll(events: readonly WorkflowEvent[]): WorkflowSnapshot {
  const { snapshot, refusedAt } = replay(events);
  if (refusedAt !== null) {
    throw new Error(`fixture event ${refusedAt} (${events[refusedAt]!.type}) was refused in ${statusOfSnapshot(snapshot)}`);
  }
  return snapshot;
}

/** The snapshot reached by {@link PATHS}[status]; throws when the path ends elsewhere. */
export function reach(status: Status): WorkflowSnapshot {
  const snapshot = replayAll(PATHS[status]);
  if (statusOfSnapshot(snapshot) !== status) throw new Error(`PATHS.${status} ends in ${statusOfSnapshot(snapshot)}`);
  return snapshot;
}

/** Apply `events` one by one from `snapshot`; throws when one is refused. */
export function applyAll(snapshot: WorkflowSnapshot, events: readonly WorkflowEvent[]): WorkflowSnapshot {
  let s = snapshot;
  for (const e of events) {
    const r = applyEvent(s, e);
    if (!r.changed) throw new Error(`${e.type} was refused in ${statusOfSnapshot(s)}`);
    s = r.snapshot;
  }
  return s;
}

/** The recommended preset's `codex_review_policy.budget`, in the machine's words (issue #6). */
export const BUDGET: BudgetLimits = { maxCallsPerRun: 30, maxCallsPerPhase: 12, maxCallsPerMilestone: 4, warnWhenRemainingCallsLte: 2 };
/** `review.budget_exhausted` for `gate`; by default with a run limit of 0, so the machine finds it exhausted. */
export const budgetOut = (gate: GateName, budget: BudgetLimits = { ...BUDGET, maxCallsPerRun: 0 }, extra: Extra = {}) =>
  ev('review.budget_exhausted', { gate, budget }, extra);
/** A `recheck.verdict` of a bypassed gate. */
export const recheck = (gate: GateName, milestoneId: string | null, status: string, extra: Extra = {}) =>
  ev('recheck.verdict', { gate, milestone: milestoneId, verdict: verdictFacts(status as VerdictFacts['status']), record: record(gate, status, false, milestoneId) }, extra);
/** A `recheck.failed` (Codex unavailable during a recheck). */
export const recheckFailed = (gate: GateName, milestoneId: string | null, extra: Extra = {}) =>
  ev('recheck.failed', { gate, milestone: milestoneId, reason: 'timeout', message: 'codex timeout' }, extra);
/** `replan.requested` (`cccc replan`). */
export const replanRequested = (extra: Extra = {}) => ev('replan.requested', { reason: 'the plan no longer fits' }, extra);
/** `docs.synced` with one changed doc of `impact`. */
export const docsSynced = (impact: DocImpact, doc = 'architecture.md', extra: Extra = {}) =>
  ev('docs.synced', { docs: { [doc]: 'b'.repeat(64) }, changes: [{ doc, change: 'modified', impact, why: 'test' }] }, extra);

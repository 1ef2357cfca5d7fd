/**
 * Pure context updates used by the machine's `assign` actions. Each returns a partial context; none reads a
 * clock or does I/O — times come from the event (`event.at`).
 */
import { initialPolicyContext } from './policy-updates.js';
import { nextOpenMilestoneIndex, openQuestions, statusAfterMilestone } from './resume.js';
import { PAUSE_KIND_STATUS, type PauseKind, type Status } from './status-table.js';
import type { HumanQuestion, Milestone, PauseInfo, WorkflowContext, WorkflowEvent } from './types.js';

/** The context of a freshly set-up workspace (`SETUP_COMPLETE`, no task). */
export function initialContext(): WorkflowContext {
  return {
    run: 0,
    task: null,
    milestones: [],
    milestoneIndex: null,
    planRound: 0,
    reviewRound: 0,
    fixAttempts: 0,
    extraRounds: 0,
    milestonesThisRun: 0,
    diffLimitWaivedFor: null,
    planApproved: false,
    fixReturnTo: null,
    outcomes: [],
    gates: [],
    lastFindings: [],
    lastVerdictSummary: null,
    questions: [],
    answers: [],
    pause: null,
    lowerAssurance: false,
    lastSelfReview: null,
    selfReviews: 0,
    runBase: null,
    milestoneBase: null,
    ...initialPolicyContext(),
  };
}

/** Add questions, renaming an id that is already taken (Codex numbers its questions from Q1 every time). */
export function withQuestions(context: WorkflowContext, questions: readonly HumanQuestion[]): HumanQuestion[] {
  const all = [...context.questions];
  const taken = new Set(all.map((q) => q.id));
  for (const q of questions) {
    let id = q.id;
    for (let n = 2; taken.has(id); n++) id = `${q.id}-${n}`;
    taken.add(id);
    all.push({ ...q, id, recommended: q.recommended });
  }
  return all;
}

/**
 * Enter a pause of `kind`. When already paused, the original interrupted status is kept, so `recommended`
 * still returns to the work that was going on.
 */
export function pauseUpdate(
  context: WorkflowContext,
  from: Status,
  kind: PauseKind,
  reason: string,
  code: string | null,
  at: string,
  questions: readonly HumanQuestion[] = [],
): Partial<WorkflowContext> {
  const interrupted = context.pause?.interrupted ?? from;
  const pause: PauseInfo = { kind, status: PAUSE_KIND_STATUS[kind], reason, interrupted, code, at };
  return { pause, questions: withQuestions(context, questions) };
}

/** Start a run: a fresh context for `task`, keeping only the run counter. */
export function startRun(context: WorkflowContext, task: string): WorkflowContext {
  return { ...initialContext(), run: context.run + 1, task };
}

/** Index of the first milestone not yet passed or skipped in this run, or `milestones.length` when none is left. */
export function firstOpenMilestone(milestones: readonly Milestone[], context: WorkflowContext): number {
  const done = new Set(context.outcomes.map((o) => o.id));
  const i = milestones.findIndex((m) => !done.has(m.id));
  return i === -1 ? milestones.length : i;
}

/** Counters reset for a new gate (a new milestone, or the final review). */
export function freshGateCounters(): Pick<WorkflowContext, 'reviewRound' | 'fixAttempts' | 'extraRounds' | 'lastFindings' | 'lastVerdictSummary'> {
  return { reviewRound: 0, fixAttempts: 0, extraRounds: 0, lastFindings: [], lastVerdictSummary: null };
}

/**
 * Record the current milestone as passed, skipped or accepted pending Codex (`pending_codex`, issue #6) and move
 * the index to the next one. `lowerAssurance` is the outcome's assurance (default: the run's).
 */
export function leaveMilestone(
  context: WorkflowContext,
  outcome: 'passed' | 'skipped' | 'pending_codex',
  at: string,
  tree: string | null = null,
  lowerAssurance: boolean = context.lowerAssurance,
): Partial<WorkflowContext> {
  const index = context.milestoneIndex ?? 0;
  const milestone = context.milestones[index];
  const outcomes = milestone
    ? [...context.outcomes.filter((o) => o.id !== milestone.id), { id: milestone.id, outcome, lowerAssurance, at }]
    : context.outcomes;
  const next = statusAfterMilestone(context);
  return {
    outcomes,
    // Past the last milestone the index is `milestones.length`: there is no current milestone in the final gate.
    milestoneIndex: next === 'IMPLEMENT_MILESTONE' ? nextOpenMilestoneIndex(context) : context.milestones.length,
    milestonesThisRun: outcome === 'skipped' ? context.milestonesThisRun : context.milestonesThisRun + 1,
    diffLimitWaivedFor: null,
    fixReturnTo: null,
    milestoneBase: tree,
    ...freshGateCounters(),
    // The final gate's first round starts as soon as the last milestone is left.
    reviewRound: next === 'CODEX_FINAL_REVIEW' ? 1 : 0,
  };
}

/** True when the event's pause request would change something (a different pause status than the current one). */
export function pauseChanges(status: Status, event: WorkflowEvent): boolean {
  return event.type === 'pause.requested' && PAUSE_KIND_STATUS[event.kind] !== status;
}

/** The open questions of a context, re-exported for `next` and the hook. */
export { openQuestions };

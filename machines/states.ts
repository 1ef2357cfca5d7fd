/**
 * The workflow machine's transitions, keyed by status (issue #2 §2; issue #6 for batching, budget, bypass
 * rechecks, docs sync and replan). Guards and actions are referenced by name; `workflow.ts` implements them.
 * Plain objects: xstate's config types cannot follow a map generated from the status table, so `workflow.ts`
 * casts the assembled state map.
 */
import { and } from 'xstate';
import { PAUSE_KIND_STATUS, STATUSES, STATUS_TABLE, type PauseKind, type Status } from './status-table.js';
import type { GateName, WorkflowContext } from './types.js';

const PAUSE_KINDS = Object.keys(PAUSE_KIND_STATUS) as PauseKind[];

/** The statuses of an approved plan's implementation, where `replan` and high-impact docs changes apply. */
export const IMPLEMENTATION_STATUSES = ['IMPLEMENT_MILESTONE', 'CODEX_MILESTONE_REVIEW', 'CLAUDE_FIX', 'CODEX_FINAL_REVIEW'] as const satisfies readonly Status[];

const pauseOn = (from: Status, kind: PauseKind, code?: string) => ({
  type: 'pause' as const,
  params: code ? { from, kind, code } : { from, kind },
});
const gate = (g: GateName) => ({ type: 'gateIs' as const, params: { gate: g } });
const verdict = (status: string) => ({ type: 'verdictIs' as const, params: { status } });
const selfReview = (v: string) => ({ type: 'selfReviewIs' as const, params: { verdict: v } });
const threshold = (interrupted: Status, what: string, returnTo: WorkflowContext['fixReturnTo'] = null) => ({
  type: 'pauseThreshold' as const,
  params: { interrupted, what, returnTo },
});
const startFix = (returnTo: 'CODEX_MILESTONE_REVIEW' | 'CODEX_FINAL_REVIEW') => ({ type: 'startFix' as const, params: { returnTo } });

/** Verdict transitions all three gates share: needs_human, unsafe, and fail-closed for anything unknown. */
function verdictFallbacks(from: Status, g: GateName) {
  return [
    { guard: and([gate(g), verdict('needs_human')]), target: 'PAUSED_FOR_HUMAN', actions: ['recordGate', pauseOn(from, 'human')] },
    { guard: and([gate(g), verdict('unsafe')]), target: 'UNSAFE', actions: ['recordGate', pauseOn(from, 'unsafe')] },
    // Fail closed: a status the gate does not know (src/ validates first; checked again here) never passes.
    { guard: gate(g), target: 'PAUSED_FOR_CODEX', actions: ['recordGate', pauseOn(from, 'codex', 'codex:invalid_verdict')] },
  ];
}

/**
 * Transitions every review status shares: a Codex failure, a reviewer that wrote to the tree (both record the
 * call in the ledger), and an exhausted budget found before the call (issue #6), which pauses for Codex.
 */
function reviewFailures(from: Status, g: GateName) {
  return {
    'review.failed': { guard: gate(g), target: 'PAUSED_FOR_CODEX', actions: ['recordUsage', pauseOn(from, 'codex')] },
    'review.unsafe': { guard: gate(g), target: 'UNSAFE', actions: ['recordUsage', pauseOn(from, 'unsafe')] },
    'review.budget_exhausted': { guard: and([gate(g), 'budgetExhausted']), target: 'PAUSED_FOR_CODEX', actions: pauseOn(from, 'codex', 'budget_exhausted') },
  };
}

/** `plan.submitted` in a planning status: to Codex when ready, else the self-review's detour. */
function planSubmitted(from: Status) {
  return [
    { guard: 'planReady', target: 'CODEX_ADVERSARIAL_PLAN_REVIEW', actions: ['recordSelfReview', 'acceptPlanForReview'] },
    { guard: selfReview('revise_plan'), target: from, actions: 'recordSelfReview' },
    { guard: selfReview('read_more_project'), target: 'DISCOVER_EXISTING_PROJECT', actions: 'recordSelfReview' },
    { guard: selfReview('ask_human'), target: 'PAUSED_FOR_HUMAN', actions: ['recordSelfReview', pauseOn(from, 'human', 'self_review')] },
  ];
}

/**
 * `recheck.verdict` / `recheck.failed` (issue #6, `cccc recheck`): accepted in every active status and in
 * `PAUSED_FOR_CODEX` for a pending recheck. A pass clears the bypass's lower assurance and stays; a failure
 * reopens what the bypass covered and pauses in `NEEDS_REPLAN`; a Codex failure only records the call.
 */
function rechecks(from: Status) {
  return {
    'recheck.verdict': [
      { guard: and(['recheckIsFor', 'recheckPassed']), actions: 'applyRecheckPass' },
      { guard: 'recheckIsFor', target: 'NEEDS_REPLAN', actions: ['applyRecheckFail', pauseOn(from, 'replan', 'recheck_failed')] },
    ],
    'recheck.failed': { guard: 'recheckIsFor', actions: 'recordUsage' },
  };
}

/** `replan.requested` (`cccc replan`) and a high-impact `docs.synced` while an approved plan is being implemented. */
function implementation(from: Status) {
  return {
    'replan.requested': { target: 'CLAUDE_PLANNING_REVIEW', actions: 'replanRun' },
    'docs.synced': { guard: 'docsHighImpact', target: 'NEEDS_REPLAN', actions: ['syncDocs', pauseOn(from, 'replan', 'docs_changed')] },
  };
}

/**
 * `pause.requested` in every active status, `resume` in every pause (guarded by `decideResume`). A pause
 * is left only by `resume` (issue #2 §2: pauses "leave on `resume`"), so a pause request while paused is
 * refused: otherwise `UNSAFE` → `pause --kind human` → `resume` would skip the `replan --confirm` that is the
 * only way out of `UNSAFE`, and any pause could shed the `--confirm` its row requires.
 */
export function common(from: Status) {
  const kind = STATUS_TABLE[from].kind;
  if (kind === 'active') {
    return {
      'pause.requested': PAUSE_KINDS.map((k) => ({
        guard: { type: 'pauseKindIs' as const, params: { kind: k } },
        target: PAUSE_KIND_STATUS[k],
        actions: pauseOn(from, k),
      })),
      ...rechecks(from),
      ...((IMPLEMENTATION_STATUSES as readonly Status[]).includes(from) ? implementation(from) : {}),
    };
  }
  if (kind !== 'paused') return {};
  return {
    resume: STATUSES.filter((s) => STATUS_TABLE[s].kind === 'active').map((target) => ({
      guard: { type: 'resumeLeadsTo' as const, params: { from, target } },
      target,
      actions: 'resume' as const,
    })),
    ...(from === 'PAUSED_FOR_CODEX' ? rechecks(from) : {}),
  };
}

/** The machine's own transitions per status; each gets {@link common} merged into its `on`. */
export const STATES: Record<Status, Record<string, unknown>> = {
  SETUP_COMPLETE: { 'task.started': { target: 'DISCOVER_EXISTING_PROJECT', actions: 'startRun' } },
  DISCOVER_EXISTING_PROJECT: { 'discovery.submitted': { guard: 'discoveryComplete', target: 'CLAUDE_PLANNING_REVIEW' } },
  CLAUDE_PLANNING_REVIEW: { 'plan.submitted': planSubmitted('CLAUDE_PLANNING_REVIEW') },
  CODEX_ADVERSARIAL_PLAN_REVIEW: {
    'review.verdict': [
      { guard: and([gate('plan'), 'verdictPassed', 'openMilestoneLeft']), target: 'IMPLEMENT_MILESTONE', actions: ['recordGate', 'approvePlan'] },
      // A replan that keeps every milestone already passed goes straight to the final gate.
      { guard: and([gate('plan'), 'verdictPassed']), target: 'CODEX_FINAL_REVIEW', actions: ['recordGate', 'approvePlan', 'startFinal'] },
      {
        guard: and([gate('plan'), 'verdictNeedsFix', 'planRoundsExhausted']),
        target: 'REVIEW_THRESHOLD_EXCEEDED',
        actions: ['recordGate', threshold('CLAUDE_REVISE_PLAN', 'planning.max_plan_review_rounds')],
      },
      { guard: and([gate('plan'), 'verdictNeedsFix']), target: 'CLAUDE_REVISE_PLAN', actions: 'recordGate' },
      { guard: and([gate('plan'), verdict('insufficient_context')]), target: 'DISCOVER_EXISTING_PROJECT', actions: 'recordGate' },
      ...verdictFallbacks('CODEX_ADVERSARIAL_PLAN_REVIEW', 'plan'),
    ],
    ...reviewFailures('CODEX_ADVERSARIAL_PLAN_REVIEW', 'plan'),
  },
  CLAUDE_REVISE_PLAN: { 'plan.submitted': planSubmitted('CLAUDE_REVISE_PLAN') },
  IMPLEMENT_MILESTONE: {
    'milestone.submitted': [
      { guard: 'diffOverLimit', target: 'PAUSED_FOR_HUMAN', actions: ['recordSelfReview', pauseOn('IMPLEMENT_MILESTONE', 'human', 'diff_limit')] },
      { guard: selfReview('ask_human'), target: 'PAUSED_FOR_HUMAN', actions: ['recordSelfReview', pauseOn('IMPLEMENT_MILESTONE', 'human', 'self_review')] },
      // Batched by the review policy (issue #6): accepted pending Codex; the next milestone review covers it.
      {
        guard: and([selfReview('ok'), 'milestoneBatched', 'runCapReached']),
        target: 'PAUSED_FOR_HUMAN',
        actions: ['recordSelfReview', 'pauseAfterRunCap', 'batchMilestone'],
      },
      { guard: and([selfReview('ok'), 'milestoneBatched']), target: 'IMPLEMENT_MILESTONE', actions: ['recordSelfReview', 'batchMilestone'] },
      { guard: selfReview('ok'), target: 'CODEX_MILESTONE_REVIEW', actions: ['recordSelfReview', 'startMilestoneReview'] },
      // revise_plan / read_more_project while implementing: the plan itself is in question.
      { target: 'NEEDS_REPLAN', actions: ['recordSelfReview', pauseOn('IMPLEMENT_MILESTONE', 'replan', 'self_review')] },
    ],
  },
  CODEX_MILESTONE_REVIEW: {
    'review.verdict': [
      {
        guard: and([gate('milestone'), 'verdictPassed', 'hasNextMilestone', 'runCapReached']),
        target: 'PAUSED_FOR_HUMAN',
        actions: ['recordGate', 'pauseAfterRunCap', 'passMilestone'],
      },
      { guard: and([gate('milestone'), 'verdictPassed', 'hasNextMilestone']), target: 'IMPLEMENT_MILESTONE', actions: ['recordGate', 'passMilestone'] },
      { guard: and([gate('milestone'), 'verdictPassed']), target: 'CODEX_FINAL_REVIEW', actions: ['recordGate', 'passMilestone', 'startFinal'] },
      {
        guard: and([gate('milestone'), 'verdictNeedsFix', 'fixBudgetExhausted']),
        target: 'REVIEW_THRESHOLD_EXCEEDED',
        actions: ['recordGate', threshold('CLAUDE_FIX', 'review.max_review_rounds_per_milestone / max_fix_attempts_per_milestone', 'CODEX_MILESTONE_REVIEW')],
      },
      { guard: and([gate('milestone'), 'verdictNeedsFix']), target: 'CLAUDE_FIX', actions: ['recordGate', startFix('CODEX_MILESTONE_REVIEW')] },
      { guard: and([gate('milestone'), verdict('fail_unclear')]), target: 'FAIL_UNCLEAR', actions: ['recordGate', pauseOn('CODEX_MILESTONE_REVIEW', 'unclear')] },
      {
        guard: and([gate('milestone'), verdict('sensitive_operation')]),
        target: 'SENSITIVE_OPERATION',
        actions: ['recordGate', pauseOn('CODEX_MILESTONE_REVIEW', 'sensitive')],
      },
      ...verdictFallbacks('CODEX_MILESTONE_REVIEW', 'milestone'),
    ],
    ...reviewFailures('CODEX_MILESTONE_REVIEW', 'milestone'),
  },
  CLAUDE_FIX: {
    'fix.submitted': [
      { guard: selfReview('ask_human'), target: 'PAUSED_FOR_HUMAN', actions: ['recordSelfReview', pauseOn('CLAUDE_FIX', 'human', 'self_review')] },
      // revise_plan / read_more_project while fixing: the plan itself is in question, as in IMPLEMENT_MILESTONE.
      { guard: selfReview('revise_plan'), target: 'NEEDS_REPLAN', actions: ['recordSelfReview', pauseOn('CLAUDE_FIX', 'replan', 'self_review')] },
      { guard: selfReview('read_more_project'), target: 'NEEDS_REPLAN', actions: ['recordSelfReview', pauseOn('CLAUDE_FIX', 'replan', 'self_review')] },
      { guard: { type: 'fixReturnsTo', params: { status: 'CODEX_FINAL_REVIEW' } }, target: 'CODEX_FINAL_REVIEW', actions: ['recordSelfReview', 'nextReviewRound'] },
      { target: 'CODEX_MILESTONE_REVIEW', actions: ['recordSelfReview', 'nextReviewRound'] },
    ],
  },
  CODEX_FINAL_REVIEW: {
    'review.verdict': [
      { guard: and([gate('final'), 'verdictPassed', 'noPendingRechecks']), target: 'DONE', actions: ['recordGate', 'resolveBatchAtFinal'] },
      // Issue #6: the final gate cannot pass while a bypassed gate's Codex recheck is pending.
      { guard: and([gate('final'), 'verdictPassed']), target: 'PAUSED_FOR_CODEX', actions: ['recordGate', pauseOn('CODEX_FINAL_REVIEW', 'codex', 'recheck_pending')] },
      {
        guard: and([gate('final'), 'verdictNeedsFix', 'fixBudgetExhausted']),
        target: 'REVIEW_THRESHOLD_EXCEEDED',
        actions: ['recordGate', threshold('CLAUDE_FIX', 'review.max_review_rounds_per_milestone / max_fix_attempts_per_milestone (final gate)', 'CODEX_FINAL_REVIEW')],
      },
      { guard: and([gate('final'), 'verdictNeedsFix']), target: 'CLAUDE_FIX', actions: ['recordGate', startFix('CODEX_FINAL_REVIEW')] },
      ...verdictFallbacks('CODEX_FINAL_REVIEW', 'final'),
    ],
    ...reviewFailures('CODEX_FINAL_REVIEW', 'final'),
  },
  DONE: { 'task.started': { target: 'DISCOVER_EXISTING_PROJECT', actions: 'startRun' } },
  PAUSED_FOR_HUMAN: {},
  NEEDS_SECRET: {},
  SENSITIVE_OPERATION: {},
  UNSAFE: {},
  PAUSED_FOR_CODEX: {},
  PAUSED_FOR_SYSTEM: {},
  FAIL_UNCLEAR: {},
  REVIEW_THRESHOLD_EXCEEDED: {},
  NEEDS_REPLAN: {},
};

/**
 * Events every status accepts (the machine's root `on`): an answer, and a context-only docs sync while a plan is
 * approved (it only moves the docs baseline, so `next` stops reporting the change as unsynced).
 */
export const ROOT_ON = {
  'question.answered': { actions: 'recordAnswer' },
  'docs.synced': { guard: 'docsContextOnly', actions: 'syncDocs' },
};

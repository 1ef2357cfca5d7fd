/**
 * The cccc workflow machine (XState v5): discovery → Claude planning self-review → Codex adversarial plan
 * gate → per milestone implement → Codex milestone gate → fix loop → Codex final gate → DONE, with pause
 * states and guarded resume. Transitions and targets follow issue #2 §2; severity blocking and thresholds
 * come from the `limits` each event carries (`src/` reads them from `docs/cccc/config.json`).
 *
 * Thresholds are checked when Codex rejects (not when Claude resubmits), so Claude never does a fix or a plan
 * revision that no review round is left to judge: `max_review_rounds_per_milestone: 3` means at most three
 * Codex reviews of one milestone.
 *
 * Pure: no I/O, clock or randomness. `src/` computes facts, sends events, and persists the snapshot.
 */
import { and, assign, setup } from 'xstate';
import {
  diffOverLimit,
  discoveryComplete,
  fixBudgetExhausted,
  gateIs,
  hasNextMilestone,
  planReady,
  planRoundsExhausted,
  runCapReached,
  verdictIs,
  verdictNeedsFix,
  verdictPassed,
} from './guards.js';
import { decideResume } from './resume.js';
import { PAUSE_KIND_STATUS, STATUSES, STATUS_TABLE, type PauseKind, type Status } from './status-table.js';
import type { EventOf, GateName, WorkflowContext, WorkflowEvent } from './types.js';
import { firstOpenMilestone, freshGateCounters, initialContext, leaveMilestone, pauseUpdate, startRun } from './updates.js';

/** Bumped whenever a change to the machine would make an old journal replay differently. */
export const MACHINE_VERSION = 1;

type Ctx = WorkflowContext;
type Ev = WorkflowEvent;

const PAUSE_KINDS = Object.keys(PAUSE_KIND_STATUS) as PauseKind[];

const machineSetup = setup({
  types: {
    context: {} as Ctx,
    events: {} as Ev,
  },
  guards: {
    discoveryComplete: ({ event }) => event.type === 'discovery.submitted' && discoveryComplete(event),
    planReady: ({ event }) => event.type === 'plan.submitted' && planReady(event),
    selfReviewIs: ({ event }, params: { verdict: string }) =>
      'selfReview' in event && event.selfReview.verdict === params.verdict,
    diffOverLimit: ({ context, event }) => event.type === 'milestone.submitted' && diffOverLimit(context, event),
    gateIs: ({ event }, params: { gate: GateName }) => gateIs(event, params.gate),
    verdictPassed: ({ event }) => verdictPassed(event),
    verdictNeedsFix: ({ event }) => verdictNeedsFix(event),
    verdictIs: ({ event }, params: { status: string }) => verdictIs(event, params.status),
    planRoundsExhausted: ({ context, event }) => planRoundsExhausted(context, event.limits),
    fixBudgetExhausted: ({ context, event }) => fixBudgetExhausted(context, event.limits),
    hasNextMilestone: ({ context }) => hasNextMilestone(context),
    openMilestoneLeft: ({ context }) => firstOpenMilestone(context.milestones, context) < context.milestones.length,
    runCapReached: ({ context, event }) => runCapReached(context, event.limits),
    fixReturnsTo: ({ context }, params: { status: Status }) => context.fixReturnTo === params.status,
    pauseKindIs: ({ event }, params: { kind: PauseKind }) => event.type === 'pause.requested' && event.kind === params.kind,
    resumeLeadsTo: ({ context, event }, params: { from: Status; target: Status }) => {
      if (event.type !== 'resume') return false;
      const decision = decideResume(params.from, context, event);
      return decision.ok && decision.target === params.target;
    },
  },
  actions: {
    startRun: assign(({ context, event }) => (event.type === 'task.started' ? startRun(context, event.task) : {})),
    recordSelfReview: assign(({ context, event }) =>
      'selfReview' in event ? { lastSelfReview: event.selfReview, selfReviews: context.selfReviews + 1 } : {},
    ),
    acceptPlanForReview: assign(({ context, event }) => {
      const e = event as EventOf<'plan.submitted'>;
      return { milestones: e.milestones, planRound: context.planRound + 1, planApproved: false };
    }),
    approvePlan: assign(({ context, event }) => ({
      planApproved: true,
      runBase: context.runBase ?? event.tree ?? null,
      milestoneBase: event.tree ?? null,
      milestoneIndex: firstOpenMilestone(context.milestones, context),
      fixReturnTo: null,
      ...freshGateCounters(),
    })),
    startMilestoneReview: assign(() => ({ reviewRound: 1 })),
    recordGate: assign(({ context, event }) => {
      const e = event as EventOf<'review.verdict'>;
      // The record's `passed` is the machine's decision (severity rules included), whatever the sender claimed.
      const record = { ...e.record, passed: verdictPassed(e) };
      return { gates: [...context.gates, record], lastFindings: e.verdict.findings, lastVerdictSummary: e.verdict.summary };
    }),
    startFix: assign(({ context }, params: { returnTo: 'CODEX_MILESTONE_REVIEW' | 'CODEX_FINAL_REVIEW' }) => ({
      fixAttempts: context.fixAttempts + 1,
      fixReturnTo: params.returnTo,
    })),
    nextReviewRound: assign(({ context }) => ({ reviewRound: context.reviewRound + 1 })),
    passMilestone: assign(({ context, event }) => leaveMilestone(context, 'passed', event.at, event.tree ?? null)),
    startFinal: assign(() => ({ ...freshGateCounters(), reviewRound: 1, fixReturnTo: null })),
    recordAnswer: assign(({ context, event }) =>
      event.type === 'question.answered' ? { answers: [...context.answers, event.answer] } : {},
    ),
    pause: assign(({ context, event }, params: { from: Status; kind: PauseKind; code?: string }) => {
      const from = params.from;
      const code = params.code ?? null;
      switch (event.type) {
        case 'pause.requested':
          return pauseUpdate(context, from, event.kind, event.reason, event.code ?? null, event.at);
        case 'review.verdict':
          return pauseUpdate(
            context,
            from,
            params.kind,
            `Codex ${event.gate} review: ${event.verdict.status} — ${event.verdict.summary}`,
            code ?? `verdict:${event.verdict.status}`,
            event.at,
            event.verdict.humanQuestions,
          );
        case 'review.failed':
          return pauseUpdate(context, from, 'codex', event.message, `codex:${event.reason}`, event.at);
        case 'review.unsafe':
          return pauseUpdate(context, from, 'unsafe', event.message, 'codex:wrote_files', event.at);
        case 'milestone.submitted':
          if (code === 'diff_limit') {
            const l = event.limits;
            const reason =
              `The milestone diff (${event.diffStat.lines} lines, ${event.diffStat.files} files) is over the limit ` +
              `(${l.maxDiffLinesPerMilestone} lines, ${l.maxChangedFilesPerMilestone} files). ` +
              'Split the milestone, or resume --confirm to accept it.';
            return pauseUpdate(context, from, 'human', reason, code, event.at);
          }
          return pauseUpdate(context, from, params.kind, `Self-review: ${event.selfReview.summary}`, code, event.at, event.selfReview.questions);
        case 'plan.submitted':
        case 'fix.submitted':
          return pauseUpdate(context, from, params.kind, `Self-review: ${event.selfReview.summary}`, code, event.at, event.selfReview.questions);
        default:
          return pauseUpdate(context, from, params.kind, code ?? 'paused', code, event.at);
      }
    }),
    pauseAfterRunCap: assign(({ context, event }) =>
      pauseUpdate(
        context,
        'IMPLEMENT_MILESTONE',
        'human',
        `milestones.max_milestones_per_run (${event.limits.maxMilestonesPerRun}) reached; resume to continue with the next milestone.`,
        'max_milestones_per_run',
        event.at,
      ),
    ),
    // `returnTo` is where the CLAUDE_FIX this pause interrupted goes back to: set here too, because a threshold
    // on a gate's first round is reached before any startFix recorded it.
    pauseThreshold: assign(
      ({ context, event }, params: { interrupted: Status; what: string; returnTo: Ctx['fixReturnTo'] }) => ({
        ...pauseUpdate(
          { ...context, pause: null },
          params.interrupted,
          'threshold',
          `${params.what} reached; resume --strategy extend-review for one more round, or skip / replan.`,
          'review_threshold',
          event.at,
        ),
        ...(params.returnTo === null ? {} : { fixReturnTo: params.returnTo }),
      }),
    ),
    resume: assign(({ context, event }) => {
      if (event.type !== 'resume' || context.pause === null) return {};
      const base: Partial<Ctx> = { pause: null, milestonesThisRun: 0 };
      switch (event.strategy) {
        case 'recommended':
          if (context.pause.code === 'diff_limit' && event.confirm) {
            return { ...base, diffLimitWaivedFor: context.milestones[context.milestoneIndex ?? -1]?.id ?? null };
          }
          return base;
        case 'extend-review':
          return { ...base, extraRounds: context.extraRounds + 1 };
        case 'mock':
        case 'bypass-codex':
          return { ...base, lowerAssurance: true };
        case 'replan':
          return { ...base, planApproved: false, planRound: 0, milestoneIndex: null, fixReturnTo: null, ...freshGateCounters() };
        case 'skip':
          // base last: leaveMilestone carries the old milestonesThisRun, but every resume restarts the count.
          return { ...leaveMilestone(context, 'skipped', event.at, event.tree ?? null), ...base };
      }
    }),
  },
});

const pauseOn = (from: Status, kind: PauseKind, code?: string) => ({
  type: 'pause' as const,
  params: code ? { from, kind, code } : { from, kind },
});
const gate = (g: GateName) => ({ type: 'gateIs' as const, params: { gate: g } });
const verdict = (status: string) => ({ type: 'verdictIs' as const, params: { status } });
const selfReview = (v: string) => ({ type: 'selfReviewIs' as const, params: { verdict: v } });
const threshold = (interrupted: Status, what: string, returnTo: Ctx['fixReturnTo'] = null) => ({
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

/** Transitions every review status shares: a Codex failure, or a reviewer that wrote to the tree. */
function reviewFailures(from: Status, g: GateName) {
  return {
    'review.failed': { guard: gate(g), target: 'PAUSED_FOR_CODEX', actions: pauseOn(from, 'codex') },
    'review.unsafe': { guard: gate(g), target: 'UNSAFE', actions: pauseOn(from, 'unsafe') },
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
 * `pause.requested` in every active status, `resume` in every pause (guarded by {@link decideResume}). A pause
 * is left only by `resume` (issue #2 §2: pauses "leave on `resume`"), so a pause request while paused is
 * refused: otherwise `UNSAFE` → `pause --kind human` → `resume` would skip the `replan --confirm` that is the
 * only way out of `UNSAFE`, and any pause could shed the `--confirm` its row requires.
 */
function common(from: Status) {
  const kind = STATUS_TABLE[from].kind;
  if (kind === 'active') {
    return {
      'pause.requested': PAUSE_KINDS.map((k) => ({
        guard: { type: 'pauseKindIs' as const, params: { kind: k } },
        target: PAUSE_KIND_STATUS[k],
        actions: pauseOn(from, k),
      })),
    };
  }
  if (kind !== 'paused') return {};
  return {
    resume: STATUSES.filter((s) => STATUS_TABLE[s].kind === 'active').map((target) => ({
      guard: { type: 'resumeLeadsTo' as const, params: { from, target } },
      target,
      actions: 'resume' as const,
    })),
  };
}

/** The machine's states, keyed by status; each gets {@link common} merged into its `on`. */
const STATES: Record<Status, Record<string, unknown>> = {
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
      { guard: and([gate('final'), 'verdictPassed']), target: 'DONE', actions: 'recordGate' },
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

/** The workflow machine. Run it with xstate's pure `transition` / `initialTransition` (see `./run.ts`). */
export const workflowMachine = machineSetup.createMachine({
  id: 'cccc',
  initial: 'SETUP_COMPLETE',
  context: initialContext(),
  on: { 'question.answered': { actions: 'recordAnswer' } },
  // The state map is generated from the status table; xstate's config types cannot follow that, so it is cast.
  states: Object.fromEntries(
    STATUSES.map((status) => [status, { on: { ...STATES[status], ...common(status) } }]),
  ) as never,
});

/**
 * The cccc workflow machine (XState v5): discovery → Claude planning self-review → Codex adversarial plan
 * gate → per milestone implement → Codex milestone gate → fix loop → Codex final gate → DONE, with pause
 * states and guarded resume. Transitions and targets follow issue #2 §2 (the transition map is `./states.ts`);
 * severity blocking and thresholds come from the `limits` each event carries (`src/` reads them from
 * `docs/cccc/config.json`). Issue #6 adds the budget ledger, review batching, the review cache's trust check,
 * the policy-checked bypass with its recheck, docs sync and replan — each decided here from event facts.
 *
 * Thresholds are checked when Codex rejects (not when Claude resubmits), so Claude never does a fix or a plan
 * revision that no review round is left to judge: `max_review_rounds_per_milestone: 3` means at most three
 * Codex reviews of one milestone.
 *
 * Pure: no I/O, clock or randomness. `src/` computes facts, sends events, and persists the snapshot.
 */
import { assign, setup } from 'xstate';
import { decideBypass } from './bypass.js';
import {
  currentMilestoneId,
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
  verdictSourceTrusted,
} from './guards.js';
import { checkBudget } from './ledger.js';
import {
  afterCodexPass,
  applyRecheck,
  bypassRecords,
  docsChangeReason,
  emptyBatch,
  highImpact,
  joinBatch,
  ledgerAfter,
  lowerAssuranceOf,
  pendingRechecks,
  recheckTarget,
  recordReviewDecision,
  reopenBatch,
  resolveBatch,
  withAssurance,
} from './policy-updates.js';
import { decideResume, statusAfterPlan } from './resume.js';
import { decideMilestoneReview } from './review-policy.js';
import { verdictPasses } from './severity.js';
import { ROOT_ON, STATES, common } from './states.js';
import { STATUSES, type PauseKind, type Status } from './status-table.js';
import type { EventOf, GateName, WorkflowContext, WorkflowEvent } from './types.js';
import { firstOpenMilestone, freshGateCounters, initialContext, leaveMilestone, pauseUpdate, startRun } from './updates.js';

/** Bumped whenever a change to the machine would make an old journal replay differently. */
export const MACHINE_VERSION = 1;

type Ctx = WorkflowContext;
type Ev = WorkflowEvent;

/** Context updates of a replan: the plan approval goes, passed milestones stay (issue #2 §2, issue #6). */
function replanUpdate(): Partial<Ctx> {
  return { planApproved: false, planRound: 0, milestoneIndex: null, fixReturnTo: null, ...freshGateCounters() };
}

/** Pass the current milestone: a pending batch is resolved first (the review covered it), then leave it. */
function passMilestoneUpdate(context: Ctx, at: string, tree: string | null): Partial<Ctx> {
  const lower = lowerAssuranceOf({ ...context, batch: emptyBatch() });
  const resolved = { ...context, ...resolveBatch(context, lower) };
  return withAssurance(context, { ...resolveBatch(context, lower), ...leaveMilestone(resolved, 'passed', at, tree, lower) });
}

/** Apply an allowed `bypass-codex` resume: a bypass gate record, the bypass, and the gate's way forward. */
function bypassUpdate(context: Ctx, event: EventOf<'resume'>): Partial<Ctx> {
  const decision = decideBypass(context, event.bypass, event.limits);
  if (!decision.ok || !event.bypass) return {};
  const records = bypassRecords(context, event.bypass, decision, event.at);
  const recorded: Partial<Ctx> = {
    gates: [...context.gates, records.gate],
    bypasses: [...context.bypasses, records.bypass],
    consecutiveBypasses: context.consecutiveBypasses + 1,
  };
  const tree = event.tree ?? null;
  if (decision.gate === 'plan') {
    return withAssurance(context, {
      ...recorded,
      planApproved: true,
      runBase: context.runBase ?? tree,
      milestoneBase: tree,
      milestoneIndex: firstOpenMilestone(context.milestones, context),
      fixReturnTo: null,
      docsBaseline: event.bypass.docs ?? context.docsBaseline,
      ...freshGateCounters(),
      ...(statusAfterPlan(context) === 'CODEX_FINAL_REVIEW' ? { reviewRound: 1 } : {}),
    });
  }
  const patched = { ...context, ...recorded, ...resolveBatch(context, true) };
  return withAssurance(context, { ...recorded, ...resolveBatch(context, true), ...leaveMilestone(patched, 'passed', event.at, tree, true) });
}

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
    gateIs: ({ context, event }, params: { gate: GateName }) => gateIs(event, params.gate) && verdictSourceTrusted(context, event),
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
    milestoneBatched: ({ context, event }) => event.type === 'milestone.submitted' && !decideMilestoneReview(context, event).review,
    budgetExhausted: ({ context, event }) =>
      event.type === 'review.budget_exhausted' && !checkBudget(context.ledger, event.gate, currentMilestoneId(context), event.budget).ok,
    noPendingRechecks: ({ context }) => pendingRechecks(context).length === 0,
    recheckIsFor: ({ context, event }) => recheckTarget(context, event) !== undefined,
    recheckPassed: ({ event }) =>
      event.type === 'recheck.verdict' && verdictPasses(event.verdict.status, event.verdict.findings, event.limits, event.gate === 'plan' ? 'approved' : 'pass'),
    docsHighImpact: ({ context, event }) => event.type === 'docs.synced' && context.planApproved && highImpact(event.changes),
    docsContextOnly: ({ context, event }) => event.type === 'docs.synced' && context.planApproved && !highImpact(event.changes),
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
      docsBaseline: (event.type === 'review.verdict' ? event.docs : undefined) ?? context.docsBaseline,
      ...freshGateCounters(),
    })),
    startMilestoneReview: assign(({ context, event }) => ({
      reviewRound: 1,
      ...(event.type === 'milestone.submitted' && event.policy ? recordReviewDecision(context, decideMilestoneReview(context, event), event.at) : {}),
    })),
    batchMilestone: assign(({ context, event }) => {
      const e = event as EventOf<'milestone.submitted'>;
      const decided = { ...context, ...recordReviewDecision(context, decideMilestoneReview(context, e), e.at), ...joinBatch(context) };
      return withAssurance(context, {
        reviewDecisions: decided.reviewDecisions,
        batch: decided.batch,
        ...leaveMilestone(decided, 'pending_codex', e.at, e.tree ?? null, true),
      });
    }),
    recordGate: assign(({ context, event }) => {
      const e = event as EventOf<'review.verdict'>;
      // The record's `passed` is the machine's decision (severity rules included), whatever the sender claimed.
      const record = { ...e.record, passed: verdictPassed(e) };
      return withAssurance(context, {
        gates: [...context.gates, record],
        lastFindings: e.verdict.findings,
        lastVerdictSummary: e.verdict.summary,
        ...ledgerAfter(context, e),
        ...afterCodexPass(context, record),
        ...(record.passed ? {} : reopenBatch(context, e)),
      });
    }),
    recordUsage: assign(({ context, event }) => ledgerAfter(context, event)),
    startFix: assign(({ context }, params: { returnTo: 'CODEX_MILESTONE_REVIEW' | 'CODEX_FINAL_REVIEW' }) => ({
      fixAttempts: context.fixAttempts + 1,
      fixReturnTo: params.returnTo,
    })),
    nextReviewRound: assign(({ context }) => ({ reviewRound: context.reviewRound + 1 })),
    passMilestone: assign(({ context, event }) => passMilestoneUpdate(context, event.at, event.tree ?? null)),
    resolveBatchAtFinal: assign(({ context }) => withAssurance(context, resolveBatch(context, lowerAssuranceOf({ ...context, batch: emptyBatch() })))),
    startFinal: assign(() => ({ ...freshGateCounters(), reviewRound: 1, fixReturnTo: null })),
    recordAnswer: assign(({ context, event }) =>
      event.type === 'question.answered' ? { answers: [...context.answers, event.answer] } : {},
    ),
    applyRecheckPass: assign(({ context, event }) => applyRecheck(context, event as EventOf<'recheck.verdict'>, true)),
    applyRecheckFail: assign(({ context, event }) => applyRecheck(context, event as EventOf<'recheck.verdict'>, false)),
    replanRun: assign(() => replanUpdate()),
    syncDocs: assign(({ event }) => {
      const e = event as EventOf<'docs.synced'>;
      return { docsBaseline: e.docs, ...(highImpact(e.changes) ? { planApproved: false } : {}) };
    }),
    pause: assign(({ context, event }, params: { from: Status; kind: PauseKind; code?: string }) => {
      const from = params.from;
      const code = params.code ?? null;
      switch (event.type) {
        case 'pause.requested':
          return pauseUpdate(context, from, event.kind, event.reason, event.code ?? null, event.at);
        case 'review.verdict': {
          if (code === 'recheck_pending') {
            const pending = pendingRechecks(context).map((b) => b.milestone ?? b.gate);
            const reason = `Codex passed the final review, but the final gate cannot pass while ${pending.length} Codex recheck(s) of bypassed gates are pending (${pending.join(', ')}): run cccc recheck, then cccc resume --strategy recommended.`;
            return pauseUpdate(context, from, params.kind, reason, code, event.at);
          }
          return pauseUpdate(
            context,
            from,
            params.kind,
            `Codex ${event.gate} review: ${event.verdict.status} — ${event.verdict.summary}`,
            code ?? `verdict:${event.verdict.status}`,
            event.at,
            event.verdict.humanQuestions,
          );
        }
        case 'review.failed':
          return pauseUpdate(context, from, 'codex', event.message, `codex:${event.reason}`, event.at);
        case 'review.unsafe':
          return pauseUpdate(context, from, 'unsafe', event.message, 'codex:wrote_files', event.at);
        case 'review.budget_exhausted': {
          const check = checkBudget(context.ledger, event.gate, currentMilestoneId(context), event.budget);
          const reason = `${check.message} Raise the limit in docs/cccc/config.json and resume --strategy recommended, or resume --strategy bypass-codex --reason quota_exhausted --confirm if the bypass policy allows it.`;
          return pauseUpdate(context, from, 'codex', reason, 'budget_exhausted', event.at);
        }
        case 'recheck.verdict': {
          const what = event.gate === 'plan' ? 'the plan approval is invalidated' : `${recheckTarget(context, event)?.covers.join(', ') || event.milestone} reopened`;
          const reason = `Codex recheck of the bypassed ${event.gate} gate${event.milestone ? ` of ${event.milestone}` : ''}: ${event.verdict.status} — ${event.verdict.summary}. ${what}; replan.`;
          return pauseUpdate(context, from, 'replan', reason, code, event.at);
        }
        case 'docs.synced':
          return pauseUpdate(context, from, 'replan', docsChangeReason(event.changes), code, event.at);
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
          return { ...base, mockSecrets: true, lowerAssurance: true };
        case 'bypass-codex':
          // base last: leaving the milestone carries the old milestonesThisRun, but every resume restarts the count.
          return { ...bypassUpdate(context, event), ...base };
        case 'replan':
          return { ...base, ...replanUpdate() };
        case 'skip':
          // base last: leaveMilestone carries the old milestonesThisRun, but every resume restarts the count.
          return { ...leaveMilestone(context, 'skipped', event.at, event.tree ?? null), ...base };
      }
    }),
  },
});

/** The workflow machine. Run it with xstate's pure `transition` / `initialTransition` (see `./run.ts`). */
export const workflowMachine = machineSetup.createMachine({
  id: 'cccc',
  initial: 'SETUP_COMPLETE',
  context: initialContext(),
  on: ROOT_ON as never,
  // The state map is generated from the status table; xstate's config types cannot follow that, so it is cast.
  states: Object.fromEntries(
    STATUSES.map((status) => [status, { on: { ...STATES[status], ...common(status) } }]),
  ) as never,
});

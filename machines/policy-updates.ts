/**
 * Pure context updates of the review policy (issue #6): the ledger from review events, batching a milestone
 * and resolving the batch, applying a policy-checked bypass, a recheck's result, and docs-sync baselines. Each
 * returns a partial context; times come from events.
 */
import type { BypassDecision } from './bypass.js';
import { emptyLedger, recordCall } from './ledger.js';
import type { BatchState, BypassFacts, BypassRecord, DocChange } from './policy-types.js';
import type { MilestoneReviewDecision } from './review-policy.js';
import type { EventOf, GateRecord, WorkflowContext, WorkflowEvent } from './types.js';

/** The policy part of a fresh run's context. */
export function initialPolicyContext(): Pick<
  WorkflowContext,
  'ledger' | 'batch' | 'reviewDecisions' | 'bypasses' | 'consecutiveBypasses' | 'mockSecrets' | 'docsBaseline'
> {
  return { ledger: emptyLedger(), batch: emptyBatch(), reviewDecisions: [], bypasses: [], consecutiveBypasses: 0, mockSecrets: false, docsBaseline: null };
}

/** No pending batch. */
export function emptyBatch(): BatchState {
  return { milestones: [], base: null, reopened: [] };
}

/** Bypasses whose Codex recheck is still owed. */
export function pendingRechecks(context: Pick<WorkflowContext, 'bypasses'>): BypassRecord[] {
  return context.bypasses.filter((b) => b.recheck === 'pending');
}

/**
 * Whether the run stands under lower assurance: mock secrets, a bypassed gate Codex has not rechecked (pending or
 * not required), or milestones pending a batch review.
 */
export function lowerAssuranceOf(context: Pick<WorkflowContext, 'mockSecrets' | 'bypasses' | 'batch'>): boolean {
  return context.mockSecrets || context.batch.milestones.length > 0 || context.bypasses.some((b) => b.recheck === 'pending' || b.recheck === 'not_required');
}

/** `context` with `patch` applied and `lowerAssurance` recomputed. */
function settle(context: WorkflowContext, patch: Partial<WorkflowContext>): Partial<WorkflowContext> {
  const next = { ...context, ...patch };
  return { ...patch, lowerAssurance: lowerAssuranceOf(next) };
}

/** The current milestone's id, or null. */
function currentId(context: WorkflowContext): string | null {
  return context.milestoneIndex === null ? null : (context.milestones[context.milestoneIndex]?.id ?? null);
}

/**
 * The ledger after a review event: a Codex call when it carries `usage`, a cache hit when its record's source is
 * `cache`, unchanged otherwise (an old journal without usage replays as it did).
 */
export function ledgerAfter(context: WorkflowContext, event: WorkflowEvent): Pick<WorkflowContext, 'ledger'> | Record<string, never> {
  if (!('gate' in event) || event.type === 'review.budget_exhausted') return {};
  const milestone = 'milestone' in event ? event.milestone : currentId(context);
  if ('usage' in event && event.usage) return { ledger: recordCall(context.ledger, event.gate, milestone, event.usage) };
  if (event.type === 'review.verdict' && event.record.source === 'cache') return { ledger: recordCall(context.ledger, event.gate, milestone, null) };
  return {};
}

/** Journal the policy's decision about the current milestone. */
export function recordReviewDecision(context: WorkflowContext, decision: MilestoneReviewDecision, at: string): Pick<WorkflowContext, 'reviewDecisions'> {
  const milestone = currentId(context) ?? '?';
  return { reviewDecisions: [...context.reviewDecisions, { milestone, review: decision.review, reason: decision.reason, batch: decision.covers, at }] };
}

/** Add the current milestone to the pending batch (its base becomes the batch base when the batch is new). */
export function joinBatch(context: WorkflowContext): Pick<WorkflowContext, 'batch'> {
  const id = currentId(context);
  const milestones = id && !context.batch.milestones.includes(id) ? [...context.batch.milestones, id] : context.batch.milestones;
  return { batch: { milestones, base: context.batch.base ?? context.milestoneBase, reopened: [] } };
}

/** The batch milestones' outcomes become `passed` (a Codex review covered them); the batch is emptied. */
export function resolveBatch(context: WorkflowContext, lowerAssurance: boolean): Partial<WorkflowContext> {
  if (context.batch.milestones.length === 0) return {};
  const inBatch = new Set(context.batch.milestones);
  const outcomes = context.outcomes.map((o) => (inBatch.has(o.id) && o.outcome === 'pending_codex' ? { ...o, outcome: 'passed' as const, lowerAssurance } : o));
  return { outcomes, batch: emptyBatch() };
}

/** A failing batch review reopens the batch milestones its verdict names (all of them when it names none). */
export function reopenBatch(context: WorkflowContext, event: WorkflowEvent): Pick<WorkflowContext, 'batch'> | Record<string, never> {
  if (event.type !== 'review.verdict' || event.gate !== 'milestone' || context.batch.milestones.length === 0) return {};
  const named = (event.namedMilestones ?? []).filter((m) => context.batch.milestones.includes(m));
  return { batch: { ...context.batch, reopened: named.length > 0 ? named : [...context.batch.milestones] } };
}

/** Codex passed a gate: the count of consecutive bypasses restarts. */
export function afterCodexPass(context: WorkflowContext, record: GateRecord): Pick<WorkflowContext, 'consecutiveBypasses'> | Record<string, never> {
  return record.passed && record.source !== 'bypass' ? { consecutiveBypasses: 0 } : {};
}

/** The gate record and bypass record of an allowed bypass (never a Codex-looking record: source `bypass`). */
export function bypassRecords(context: WorkflowContext, facts: BypassFacts, decision: Extract<BypassDecision, { ok: true }>, at: string): { gate: GateRecord; bypass: BypassRecord } {
  const round = decision.gate === 'plan' ? context.planRound : context.reviewRound;
  return {
    gate: {
      gate: decision.gate,
      milestone: decision.milestone,
      round,
      verdict: 'bypassed',
      passed: false,
      artifact: facts.artifact,
      artifactSha256: facts.artifactSha256,
      fingerprint: '',
      at,
      source: 'bypass',
    },
    bypass: {
      gate: decision.gate,
      milestone: decision.milestone,
      reason: facts.reason,
      risk: decision.risk,
      artifact: facts.artifact,
      artifactSha256: facts.artifactSha256,
      base: decision.gate === 'milestone' ? (context.batch.base ?? context.milestoneBase) : null,
      covers: decision.covers,
      recheck: facts.policy.requireLaterCodexRecheck ? 'pending' : 'not_required',
      at,
    },
  };
}

/** The bypass a recheck event is about (pending, same gate and milestone), or undefined. */
export function recheckTarget(context: WorkflowContext, event: WorkflowEvent): BypassRecord | undefined {
  if (event.type !== 'recheck.verdict' && event.type !== 'recheck.failed') return undefined;
  return pendingRechecks(context).find((b) => b.gate === event.gate && b.milestone === event.milestone);
}

/**
 * A recheck's verdict: a pass clears the bypass's lower assurance (its milestones' outcomes too); anything else
 * marks the recheck failed and reopens what the bypass covered (the milestones leave `outcomes`, the plan
 * loses its approval) — the caller pauses in `NEEDS_REPLAN`.
 */
export function applyRecheck(context: WorkflowContext, event: EventOf<'recheck.verdict'>, passed: boolean): Partial<WorkflowContext> {
  const target = recheckTarget(context, event);
  const record = { ...event.record, passed };
  const bypasses = context.bypasses.map((b) => (b === target ? { ...b, recheck: passed ? ('passed' as const) : ('failed' as const) } : b));
  const base: Partial<WorkflowContext> = { gates: [...context.gates, record], bypasses, ...ledgerAfter(context, event) };
  const covers = new Set(target?.covers ?? []);
  if (passed) {
    // "The gate and everything after it" were lower assurance because of this bypass: recompute each passed
    // milestone against the bypasses still open (and mock secrets, which last the run).
    const open = bypasses.filter((b) => b.recheck === 'pending' || b.recheck === 'not_required');
    const outcomes = context.outcomes.map((o) =>
      o.outcome === 'passed' && (covers.has(o.id) || (target !== undefined && o.at >= target.at))
        ? { ...o, lowerAssurance: context.mockSecrets || open.some((b) => b.at <= o.at) }
        : o,
    );
    return settle(context, { ...base, outcomes, consecutiveBypasses: 0 });
  }
  if (target?.gate === 'plan') return settle(context, { ...base, planApproved: false, lastFindings: event.verdict.findings });
  return settle(context, { ...base, outcomes: context.outcomes.filter((o) => !covers.has(o.id)), lastFindings: event.verdict.findings });
}

/** True when any change of a `docs.synced` event invalidates the approved plan (not context-only). */
export function highImpact(changes: readonly DocChange[]): boolean {
  return changes.some((c) => c.impact !== 'context');
}

/** The pause reason of a high-impact docs change. */
export function docsChangeReason(changes: readonly DocChange[]): string {
  const high = changes.filter((c) => c.impact !== 'context');
  return `Planning docs changed since the plan was approved: ${high.map((c) => `${c.doc} (${c.change}, ${c.impact})`).join(', ')}. The plan approval is invalidated: cccc resume --strategy replan.`;
}

/** Recompute assurance after any patch (exported for the machine's actions). */
export { settle as withAssurance };

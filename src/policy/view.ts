/**
 * Read-only views of the review policy's state for `cccc status`, `cccc gates` and `cccc budget` (issue #6):
 * the assurance level and why, the budget ledger against its limits, pending rechecks and the pending batch.
 * Pure: they read the machine context and the config's limits.
 */
import { checkBudget } from '../../machines/ledger.js';
import type { BudgetLimits, Phase, UsageTotals } from '../../machines/policy-types.js';
import { pendingRechecks } from '../../machines/policy-updates.js';
import { currentMilestoneId } from '../../machines/guards.js';
import { STATUS_TABLE, type Status } from '../../machines/status-table.js';
import type { GateRecord, WorkflowContext } from '../../machines/types.js';

/** The run's assurance: `lower` while mock secrets, an unrechecked bypass or a pending batch stand. */
export interface AssuranceView {
  level: 'full' | 'lower';
  reasons: string[];
}

/** Why the run stands under lower assurance (empty: full assurance). */
export function assuranceView(context: WorkflowContext): AssuranceView {
  const reasons: string[] = [];
  if (context.mockSecrets) reasons.push('mock secrets were accepted in this run (resume --strategy mock)');
  for (const b of context.bypasses) {
    const what = `the ${b.gate} gate${b.milestone ? ` of ${b.milestone}` : ''} was bypassed (${b.reason})`;
    if (b.recheck === 'pending') reasons.push(`${what}; its Codex recheck is pending (cccc recheck)`);
    if (b.recheck === 'not_required') reasons.push(`${what}; no Codex recheck is required by the config`);
  }
  if (context.batch.milestones.length > 0) reasons.push(`${context.batch.milestones.join(', ')} accepted pending Codex (batched into the next milestone review)`);
  // A state written before issue #6 may carry lowerAssurance without a recorded cause.
  if (reasons.length === 0 && context.lowerAssurance) reasons.push('accepted under lower assurance earlier in this run');
  return { level: reasons.length > 0 ? 'lower' : 'full', reasons };
}

/**
 * The assurance of one gate record: `lower` for a bypass not yet rechecked by Codex, and for any record made after a
 * bypass whose recheck is still owed ("the gate and everything after it", issue #6).
 */
export function gateAssurance(context: WorkflowContext, record: GateRecord): 'full' | 'lower' {
  const open = context.bypasses.filter((b) => b.recheck === 'pending' || b.recheck === 'not_required');
  if (record.source === 'bypass') {
    const b = context.bypasses.find((x) => x.artifact === record.artifact);
    return b && b.recheck === 'passed' ? 'full' : 'lower';
  }
  return open.some((b) => b.at <= record.at) ? 'lower' : 'full';
}

/** A pending recheck, as shown to people. */
export interface RecheckView {
  gate: string;
  milestone: string | null;
  reason: string;
  risk: string;
  artifact: string;
  covers: string[];
  at: string;
}

/** The bypassed gates whose Codex recheck is pending. */
export function pendingRecheckViews(context: WorkflowContext): RecheckView[] {
  return pendingRechecks(context).map((b) => ({ gate: b.gate, milestone: b.milestone, reason: b.reason, risk: b.risk, artifact: b.artifact, covers: b.covers, at: b.at }));
}

/** Totals of one scope with its limit and the calls that remain. */
export type ScopeView = UsageTotals & { limit: number; remaining: number };

/** The `cccc budget --json` document (and the `budget` field of status/gates). */
export interface BudgetView {
  run: ScopeView;
  phases: Record<Phase, ScopeView>;
  milestones: Record<string, ScopeView>;
  warnWhenRemainingCallsLte: number;
  /** The check the next review of the current status would run (null outside review statuses). */
  next: { gate: string; ok: boolean; warn: boolean; message: string } | null;
}

const scope = (totals: UsageTotals, limit: number): ScopeView => ({ ...totals, limit, remaining: Math.max(0, limit - totals.calls) });

/** The ledger against `limits`; `status` decides which gate `next` is about. */
export function budgetView(context: WorkflowContext, limits: BudgetLimits, status: Status): BudgetView {
  const l = context.ledger;
  const gate = STATUS_TABLE[status].gate;
  const check = gate ? checkBudget(l, gate, currentMilestoneId(context), limits) : null;
  return {
    run: scope(l.run, limits.maxCallsPerRun),
    phases: {
      planning: scope(l.phases.planning, limits.maxCallsPerPhase),
      implementation: scope(l.phases.implementation, limits.maxCallsPerPhase),
      final: scope(l.phases.final, limits.maxCallsPerPhase),
    },
    milestones: Object.fromEntries(Object.entries(l.milestones).map(([id, t]) => [id, scope(t, limits.maxCallsPerMilestone)])),
    warnWhenRemainingCallsLte: limits.warnWhenRemainingCallsLte,
    next: gate && check ? { gate, ok: check.ok, warn: check.warn, message: check.message } : null,
  };
}

/**
 * The passing Codex record that covered a milestone accepted pending Codex: the batch review of a later milestone
 * whose journaled decision lists it (issue #6). Null when no batch review passed for it.
 */
export function coveringRecord(context: WorkflowContext, milestone: string): GateRecord | null {
  const decisions = context.reviewDecisions.filter((d) => d.review && d.milestone !== milestone && d.batch.includes(milestone));
  for (const d of [...decisions].reverse()) {
    const record = [...context.gates].reverse().find((g) => g.gate === 'milestone' && g.milestone === d.milestone && g.passed && g.source !== 'bypass');
    if (record) return record;
  }
  return null;
}

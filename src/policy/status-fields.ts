/**
 * The issue #6 fields of `cccc status --json` and `cccc gates --json` — assurance level and reasons, the budget
 * ledger against its limits, pending rechecks, the pending batch — and their human lines.
 */
import type { Status } from '../../machines/status-table.js';
import type { WorkflowContext } from '../../machines/types.js';
import { budgetLimitsFromConfig } from '../config/policy.js';
import type { CcccConfig } from '../config/schema.js';
import { assuranceView, budgetView, pendingRecheckViews, type AssuranceView, type BudgetView, type RecheckView } from './view.js';

/** The policy fields of the status and gates documents. */
export interface PolicyStatus {
  assurance: AssuranceView;
  budget: BudgetView;
  pendingRechecks: RecheckView[];
  /** Milestones accepted pending Codex, the batch review's diff base, and the ones a failing batch review reopened. */
  batch: { milestones: string[]; base: string | null; reopened: string[] };
}

/** Collect the policy fields for a workflow in `status`. */
export function policyStatus(status: Status, context: WorkflowContext, config: CcccConfig): PolicyStatus {
  return {
    assurance: assuranceView(context),
    budget: budgetView(context, budgetLimitsFromConfig(config), status),
    pendingRechecks: pendingRecheckViews(context),
    batch: { ...context.batch },
  };
}

/** Human lines for the policy fields (English; JSON keys are the contract). */
export function policyStatusLines(p: PolicyStatus): string[] {
  const b = p.budget;
  const lines = [`Codex calls: ${b.run.calls}/${b.run.limit} this run (cache hits ${b.run.cacheHits}, ${b.run.inputTokens + b.run.outputTokens} tokens)`];
  if (p.assurance.level === 'lower') lines.push(...p.assurance.reasons.map((r) => `  lower assurance: ${r}`));
  if (p.pendingRechecks.length > 0) lines.push(`Pending Codex rechecks: ${p.pendingRechecks.map((r) => r.milestone ?? r.gate).join(', ')} (cccc recheck)`);
  if (p.batch.milestones.length > 0) lines.push(`Accepted pending Codex: ${p.batch.milestones.join(', ')}${p.batch.reopened.length ? ` (reopened: ${p.batch.reopened.join(', ')})` : ''}`);
  return lines;
}

/**
 * `cccc budget [--json]` (issue #6): the Codex budget ledger of this run — calls, cache hits, tokens (input,
 * cached, output, reasoning), wall time and rate-limit events, per run, phase and milestone — against
 * `codex_review_policy.budget`, and what the next review's budget check would say. Read-only.
 */
import { budgetLimitsFromConfig } from '../config/policy.js';
import { budgetView, type BudgetView, type ScopeView } from '../policy/view.js';
import { readState } from '../state/store.js';
import { openWorkspace, type CommandDeps } from './workspace.js';

/** The `cccc budget --json` document. */
export interface BudgetResult extends BudgetView {
  status: string;
  mode: string;
}

/** Read the ledger. */
export async function runBudget(deps: Pick<CommandDeps, 'cwd'>): Promise<BudgetResult> {
  const { paths, config } = await openWorkspace(deps);
  const state = await readState(paths);
  return { status: state.status, mode: config.codex_review_policy.mode, ...budgetView(state.snapshot.context, budgetLimitsFromConfig(config), state.status) };
}

function row(name: string, s: ScopeView): string {
  const tokens = `in ${s.inputTokens} (cached ${s.cachedInputTokens}), out ${s.outputTokens} (reasoning ${s.reasoningOutputTokens})`;
  return `  ${name.padEnd(16)} ${`${s.calls}/${s.limit}`.padEnd(7)} left ${String(s.remaining).padEnd(4)} cache ${String(s.cacheHits).padEnd(3)} ${tokens}, ${Math.round(s.wallMs / 1000)} s, rate limits ${s.rateLimitEvents}`;
}

/** Human rendering of {@link BudgetResult}. */
export function formatBudget(r: BudgetResult): string {
  const lines = [`Codex budget (review policy ${r.mode}; warn at ≤ ${r.warnWhenRemainingCallsLte} calls left)`, '  scope            calls   left      cache tokens', row('run', r.run)];
  for (const [phase, s] of Object.entries(r.phases)) lines.push(row(`phase ${phase}`, s));
  for (const [id, s] of Object.entries(r.milestones)) lines.push(row(`milestone ${id}`, s));
  if (r.next) lines.push(`Next ${r.next.gate} review: ${r.next.message}`);
  return lines.join('\n');
}

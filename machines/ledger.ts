/**
 * The Codex budget ledger (issue #6): one ledger per run, with totals per phase and per milestone, updated
 * from the usage facts review events carry — the original declared `codex_budget` counters that nothing ever
 * wrote (inventory §5.3). {@link checkBudget} is the pure check `cccc review` runs before a call and the
 * machine re-runs as the guard of `review.budget_exhausted`.
 */
import type { BudgetLedger, BudgetLimits, CodexCallFacts, Phase, UsageTotals } from './policy-types.js';
import type { GateName } from './types.js';

/** Empty totals. */
export function emptyTotals(): UsageTotals {
  return { calls: 0, cacheHits: 0, inputTokens: 0, cachedInputTokens: 0, outputTokens: 0, reasoningOutputTokens: 0, wallMs: 0, rateLimitEvents: 0 };
}

/** An empty ledger (a new run). */
export function emptyLedger(): BudgetLedger {
  return { run: emptyTotals(), phases: { planning: emptyTotals(), implementation: emptyTotals(), final: emptyTotals() }, milestones: {} };
}

/** The phase a gate's calls are spent in. */
export function phaseOf(gate: GateName): Phase {
  return gate === 'plan' ? 'planning' : gate === 'milestone' ? 'implementation' : 'final';
}

function add(totals: UsageTotals, usage: CodexCallFacts | null): UsageTotals {
  if (usage === null) return { ...totals, cacheHits: totals.cacheHits + 1 };
  return {
    calls: totals.calls + 1,
    cacheHits: totals.cacheHits,
    inputTokens: totals.inputTokens + usage.inputTokens,
    cachedInputTokens: totals.cachedInputTokens + usage.cachedInputTokens,
    outputTokens: totals.outputTokens + usage.outputTokens,
    reasoningOutputTokens: totals.reasoningOutputTokens + usage.reasoningOutputTokens,
    wallMs: totals.wallMs + usage.wallMs,
    rateLimitEvents: totals.rateLimitEvents + usage.rateLimitEvents,
  };
}

/**
 * Record one Codex call (`usage`) or one cache hit (`null`) of `gate` (for `milestone`, when it is a milestone
 * gate) in the run, phase and milestone totals.
 */
export function recordCall(ledger: BudgetLedger, gate: GateName, milestone: string | null, usage: CodexCallFacts | null): BudgetLedger {
  const phase = phaseOf(gate);
  const milestones = { ...ledger.milestones };
  if (gate === 'milestone' && milestone !== null) milestones[milestone] = add(milestones[milestone] ?? emptyTotals(), usage);
  return { run: add(ledger.run, usage), phases: { ...ledger.phases, [phase]: add(ledger.phases[phase], usage) }, milestones };
}

/** One budget scope's numbers: calls used, the limit and what remains (never negative). */
export interface BudgetScope {
  scope: 'run' | 'phase' | 'milestone';
  /** `run`, the phase name, or the milestone id. */
  name: string;
  used: number;
  limit: number;
  remaining: number;
  /** The config key of the limit, for messages. */
  key: string;
}

/** Result of {@link checkBudget}: every scope, the first exhausted one, and whether to warn. */
export interface BudgetCheck {
  ok: boolean;
  scopes: BudgetScope[];
  /** The first scope in which one more call would exceed its limit, or null. */
  exhausted: BudgetScope | null;
  /** True when a call is allowed but the fewest remaining calls are ≤ `warnWhenRemainingCallsLte`. */
  warn: boolean;
  /** One sentence with the numbers (for the pause reason, the warning and `cccc budget`). */
  message: string;
}

/**
 * May one more Codex call of `gate` (on `milestone`) be made? Exhausted when any scope has `used + 1 > limit`:
 * the check runs BEFORE the call that would exceed, so a limit of N allows exactly N calls.
 */
export function checkBudget(ledger: BudgetLedger, gate: GateName, milestone: string | null, limits: BudgetLimits): BudgetCheck {
  const phase = phaseOf(gate);
  const scope = (s: BudgetScope['scope'], name: string, used: number, limit: number, key: string): BudgetScope => ({
    scope: s,
    name,
    used,
    limit,
    remaining: Math.max(0, limit - used),
    key: `codex_review_policy.budget.${key}`,
  });
  const scopes = [
    scope('run', 'run', ledger.run.calls, limits.maxCallsPerRun, 'max_codex_calls_per_run'),
    scope('phase', phase, ledger.phases[phase].calls, limits.maxCallsPerPhase, 'max_codex_calls_per_phase'),
  ];
  if (gate === 'milestone' && milestone !== null) {
    scopes.push(scope('milestone', milestone, ledger.milestones[milestone]?.calls ?? 0, limits.maxCallsPerMilestone, 'max_codex_calls_per_milestone'));
  }
  const exhausted = scopes.find((s) => s.used + 1 > s.limit) ?? null;
  const label = (s: BudgetScope) => (s.scope === 'run' ? 'this run' : s.scope === 'phase' ? `the ${s.name} phase` : `milestone ${s.name}`);
  if (exhausted) {
    return {
      ok: false,
      scopes,
      exhausted,
      warn: false,
      message: `Codex budget exhausted: ${label(exhausted)} used ${exhausted.used} of ${exhausted.limit} calls (${exhausted.key}); another ${gate} review would exceed it.`,
    };
  }
  const tightest = scopes.reduce((a, b) => (b.remaining < a.remaining ? b : a));
  const after = tightest.remaining - 1;
  return {
    ok: true,
    scopes,
    exhausted: null,
    warn: after <= limits.warnWhenRemainingCallsLte,
    message: `Codex budget: ${label(tightest)} has ${tightest.remaining} of ${tightest.limit} calls left (${tightest.key}); ${after} after this review.`,
  };
}

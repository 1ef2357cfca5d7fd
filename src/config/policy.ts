/**
 * The review-policy sections of `docs/cccc/config.json` (`codex_review_policy`, `codex.bypass`,
 * `codex.unavailable_policy`) in the machine's words (issue #6). `src/` puts these in the events whose
 * transitions depend on them, so a journal replay decides as the live run did — like `limitsFromConfig`.
 */
import type { BudgetLimits, BypassPolicy, ReviewPolicy } from '../../machines/policy-types.js';
import type { CcccConfig } from './schema.js';

/** `codex_review_policy` → the machine's {@link ReviewPolicy}. */
export function reviewPolicyFromConfig(config: CcccConfig): ReviewPolicy {
  const p = config.codex_review_policy;
  const f = p.review_frequency;
  const t = p.review_triggers;
  return {
    mode: p.mode,
    frequency: {
      low: f.low_risk_every_n_milestones,
      medium: f.medium_risk_every_n_milestones,
      high: f.high_risk_every_n_milestones,
      critical: f.critical_risk_every_n_milestones,
    },
    batching: { enabled: p.batching.enabled, maxMilestones: p.batching.max_milestones_per_codex_review },
    triggers: {
      architecture: t.review_on_architecture_change,
      stack: t.review_on_stack_change,
      security: t.review_on_security_change,
      largeDiff: t.review_on_large_diff,
      largeDiffLines: t.large_diff_lines,
      largeChangedFiles: t.large_changed_files,
    },
  };
}

/** `codex_review_policy.budget` → the machine's {@link BudgetLimits}. */
export function budgetLimitsFromConfig(config: CcccConfig): BudgetLimits {
  const b = config.codex_review_policy.budget;
  return {
    maxCallsPerRun: b.max_codex_calls_per_run,
    maxCallsPerPhase: b.max_codex_calls_per_phase,
    maxCallsPerMilestone: b.max_codex_calls_per_milestone,
    warnWhenRemainingCallsLte: b.warn_when_remaining_calls_lte,
  };
}

/**
 * `codex.bypass` + `codex.unavailable_policy` → the machine's {@link BypassPolicy}. High risk is allowed only when
 * `allow_for_high_risk` is true (`block_bypass_for_high_risk_by_default` names that default); critical never is.
 */
export function bypassPolicyFromConfig(config: CcccConfig): BypassPolicy {
  const b = config.codex.bypass;
  return {
    enabled: b.enabled,
    unavailablePolicy: config.codex.unavailable_policy,
    mode: b.mode,
    allowedReasons: [...b.allowed_reasons],
    allowForRisk: {
      low: b.allow_for_low_risk,
      medium: b.allow_for_medium_risk,
      high: b.allow_for_high_risk,
      critical: false,
    },
    maxConsecutiveBypassedGates: b.max_consecutive_bypassed_gates,
    requireLaterCodexRecheck: b.require_later_codex_recheck,
  };
}

/**
 * Config presets (issue #2 §4). Values are the original's `cccc-setup.sh` presets (inventory §3.1), except
 * that `recommended` is complete: every section is present, `codex.unavailable_policy` is `strict_pause` and
 * the bypass is disabled (the original left them out, and `update` later switched them on silently — §4.2).
 */
import type { CcccConfig } from './schema.js';
import { CONFIG_VERSION } from './schema.js';

/** Preset names accepted by `cccc setup --preset`. */
export type PresetName = 'recommended' | 'strict';

const TRACKED_DOCUMENTS = [
  'project-brief.md',
  'project-map.md',
  'current-state.md',
  'architecture.md',
  'test-strategy.md',
  'roadmap.md',
  'milestones.yaml',
  'decision-log.md',
  'risk-register.md',
  'open-questions.md',
];

/** The recommended preset: supervised-auto, 3 review rounds, 1200 diff lines, 20 files, P1 blocks, P2 allowed. */
export function recommendedConfig(): CcccConfig {
  return {
    version: CONFIG_VERSION,
    preset: 'recommended',
    language: { user_language: 'auto', auto_detect: true },
    workspace: { root: 'docs/cccc', commit_planning_docs: true, ignore_logs_and_runtime: true },
    mode: 'supervised-auto',
    planning: {
      require_claude_self_review: true,
      require_codex_adversarial_review: true,
      max_plan_review_rounds: 3,
      ask_human_on_ambiguity: true,
      brainstorm_questions: true,
    },
    milestones: {
      max_milestones_per_run: 5,
      max_diff_lines_per_milestone: 1200,
      max_changed_files_per_milestone: 20,
      prefer_small_milestones: true,
    },
    review: {
      max_review_rounds_per_milestone: 3,
      max_fix_attempts_per_milestone: 3,
      block_on_p0: true,
      block_on_p1: true,
      allow_continue_with_p2: true,
    },
    automation: { stop_hook_loop_enabled: false, max_stop_hook_continuations: 10, max_no_progress_blocks: 2 },
    safety: {
      pause_on_real_secrets: true,
      pause_on_wallet_private_keys: true,
      pause_on_production_access: true,
      pause_on_real_money: true,
      pause_on_destructive_commands: true,
    },
    codex: {
      enabled: true,
      required: true,
      fail_closed: true,
      cli_command: 'codex',
      extra_args: [],
      sandbox: 'read-only',
      timeout_ms: 15 * 60 * 1000,
      idle_timeout_ms: 5 * 60 * 1000,
      max_context_bytes: 200_000,
      require_context_bundle: true,
      allow_direct_repo_inspection: true,
      require_plan_review_before_implementation: true,
      require_milestone_review_before_pass: true,
      require_final_review_before_done: true,
      unavailable_policy: 'strict_pause',
      bypass: {
        enabled: false,
        mode: 'once_per_gate',
        require_human_confirmation: true,
        allowed_reasons: ['quota_exhausted', 'codex_cli_unavailable', 'codex_auth_unavailable', 'codex_api_error', 'user_explicit_override'],
        default_scope: 'current_gate_only',
        max_consecutive_bypassed_gates: 1,
        record_in_decision_log: true,
        mark_outputs_as_lower_assurance: true,
        block_bypass_for_critical_risk: true,
        block_bypass_for_high_risk_by_default: true,
        allow_for_low_risk: true,
        allow_for_medium_risk: true,
        allow_for_high_risk: false,
        allow_for_critical_risk: false,
        require_later_codex_recheck: true,
      },
    },
    docs_sync: {
      enabled: true,
      track_hashes: true,
      require_user_decision_on_high_impact_changes: true,
      invalidate_plan_on_architecture_change: true,
      invalidate_plan_on_stack_change: true,
      invalidate_plan_on_roadmap_change: true,
      allow_context_only_for_low_impact_changes: true,
      tracked_documents: [...TRACKED_DOCUMENTS],
    },
    codex_review_policy: {
      mode: 'strict',
      review_frequency: {
        low_risk_every_n_milestones: 1,
        medium_risk_every_n_milestones: 1,
        high_risk_every_n_milestones: 1,
        critical_risk_every_n_milestones: 1,
      },
      review_triggers: {
        always_review_plan: true,
        always_review_final: true,
        review_on_phase_boundary: true,
        review_on_architecture_change: true,
        review_on_stack_change: true,
        review_on_security_change: true,
        review_on_large_diff: true,
        large_diff_lines: 800,
        large_changed_files: 12,
      },
      budget: {
        max_codex_calls_per_run: 30,
        max_codex_calls_per_milestone: 4,
        max_codex_calls_per_phase: 12,
        warn_when_remaining_calls_lte: 2,
      },
      batching: { enabled: false, max_milestones_per_codex_review: 3, require_codex_at_phase_boundary: true },
      fallback: {
        use_claude_adversarial_between_codex_reviews: true,
        mark_lower_assurance_until_codex_review: true,
        require_codex_recheck_later: true,
      },
      cache: {
        enabled: true,
        reuse_review_when_fingerprint_matches: true,
        fingerprint_includes_diff: true,
        fingerprint_includes_acceptance_criteria: true,
      },
      checkpoint: {
        enabled: true,
        prefer_review_since_last_codex_approved_commit: true,
        suggest_git_commit_after_codex_pass: true,
        auto_commit: false,
      },
    },
    curation: {
      enabled: true,
      inbox_path: 'docs/cccc/inbox',
      canonical_path: 'docs/cccc/canonical',
      product_path: 'docs/cccc/product',
      archive_path: 'docs/cccc/archive',
      max_file_bytes: 1_048_576,
      require_human_confirmation_for_conflicts: true,
      auto_archive_irrelevant: true,
      source_of_truth: 'canonical',
    },
  };
}

/**
 * The strict preset (inventory §3.1): 4 plan rounds, 3 milestones per run, 600 diff lines, 10 files,
 * 4 review rounds, 2 fix attempts, P2 also blocks, 6 stop-hook continuations. The original's strict preset
 * also enabled `ask_or_bypass_once` with the bypass block; here that is kept, still needing `--confirm`.
 */
export function strictConfig(): CcccConfig {
  const c = recommendedConfig();
  return {
    ...c,
    preset: 'strict',
    planning: { ...c.planning, max_plan_review_rounds: 4 },
    milestones: { ...c.milestones, max_milestones_per_run: 3, max_diff_lines_per_milestone: 600, max_changed_files_per_milestone: 10 },
    review: { ...c.review, max_review_rounds_per_milestone: 4, max_fix_attempts_per_milestone: 2, allow_continue_with_p2: false },
    automation: { ...c.automation, max_stop_hook_continuations: 6 },
    codex: { ...c.codex, unavailable_policy: 'ask_or_bypass_once', bypass: { ...c.codex.bypass, enabled: true } },
  };
}

/** The preset called `name`. */
export function presetConfig(name: PresetName): CcccConfig {
  return name === 'strict' ? strictConfig() : recommendedConfig();
}

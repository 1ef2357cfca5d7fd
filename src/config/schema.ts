/**
 * The zod schema of `docs/cccc/config.json`, covering every section of the original skill (inventory §3:
 * language, workspace, mode, planning, milestones, review, automation, safety, codex incl. bypass, docs_sync,
 * codex_review_policy, curation). Key names are the original's snake_case so existing configs read as-is.
 * Objects are strict: an unknown key is an error naming its path (a typo must not be silently ignored).
 */
import { z } from 'zod';

const positiveInt = z.number().int().positive();
const nonNegativeInt = z.number().int().nonnegative();

/** `mode` (inventory §2.4): manual pauses after each phase; full-auto-safe is required for the Stop-hook loop. */
export const MODES = ['manual', 'supervised-auto', 'full-auto-safe'] as const;
/** `codex.unavailable_policy` values (inventory §3.1). */
export const UNAVAILABLE_POLICIES = ['strict_pause', 'ask_or_bypass_once', 'auto_bypass_low_medium', 'always_ask', 'custom'] as const;
/** `codex.bypass.allowed_reasons` values (inventory §3.1). */
export const BYPASS_REASONS = ['quota_exhausted', 'codex_cli_unavailable', 'codex_auth_unavailable', 'codex_api_error', 'user_explicit_override'] as const;
/** `codex_review_policy.mode` values (issue #6). */
export const REVIEW_POLICY_MODES = ['strict', 'balanced', 'budget', 'manual', 'custom'] as const;

export const LanguageSchema = z.strictObject({
  user_language: z.string().min(1).describe('auto, en, zh-CN (any BCP-47 tag is kept; messages exist for en and zh-CN)'),
  auto_detect: z.boolean(),
});

export const WorkspaceSchema = z.strictObject({
  root: z.literal('docs/cccc'),
  commit_planning_docs: z.boolean(),
  ignore_logs_and_runtime: z.boolean(),
});

export const PlanningSchema = z.strictObject({
  require_claude_self_review: z.boolean(),
  require_codex_adversarial_review: z.literal(true),
  max_plan_review_rounds: positiveInt,
  ask_human_on_ambiguity: z.boolean(),
  brainstorm_questions: z.boolean(),
});

export const MilestonesSchema = z.strictObject({
  max_milestones_per_run: positiveInt,
  max_diff_lines_per_milestone: positiveInt,
  max_changed_files_per_milestone: positiveInt,
  prefer_small_milestones: z.boolean(),
});

export const ReviewSchema = z.strictObject({
  max_review_rounds_per_milestone: positiveInt,
  max_fix_attempts_per_milestone: positiveInt,
  block_on_p0: z.literal(true).describe('P0 always blocks; false is not allowed'),
  block_on_p1: z.boolean(),
  allow_continue_with_p2: z.boolean(),
});

export const AutomationSchema = z.strictObject({
  stop_hook_loop_enabled: z.boolean(),
  max_stop_hook_continuations: positiveInt,
  max_no_progress_blocks: positiveInt,
});

export const SafetySchema = z.strictObject({
  pause_on_real_secrets: z.boolean(),
  pause_on_wallet_private_keys: z.boolean(),
  pause_on_production_access: z.boolean(),
  pause_on_real_money: z.boolean(),
  pause_on_destructive_commands: z.boolean(),
});

export const BypassSchema = z.strictObject({
  enabled: z.boolean(),
  mode: z.enum(['once_per_gate', 'auto_low_medium']),
  require_human_confirmation: z.boolean(),
  allowed_reasons: z.array(z.enum(BYPASS_REASONS)),
  default_scope: z.literal('current_gate_only'),
  max_consecutive_bypassed_gates: nonNegativeInt,
  record_in_decision_log: z.literal(true),
  mark_outputs_as_lower_assurance: z.literal(true),
  block_bypass_for_critical_risk: z.literal(true),
  block_bypass_for_high_risk_by_default: z.boolean(),
  allow_for_low_risk: z.boolean(),
  allow_for_medium_risk: z.boolean(),
  allow_for_high_risk: z.boolean(),
  allow_for_critical_risk: z.literal(false),
  require_later_codex_recheck: z.boolean(),
});

export const CodexSchema = z.strictObject({
  enabled: z.literal(true),
  required: z.literal(true),
  fail_closed: z.literal(true),
  cli_command: z.string().min(1),
  extra_args: z.array(z.string()),
  sandbox: z.literal('read-only'),
  timeout_ms: positiveInt,
  idle_timeout_ms: positiveInt,
  max_context_bytes: z.number().int().min(16_384, "must be at least 16384 bytes (the bundle needs room for its fixed sections)"),
  require_context_bundle: z.literal(true),
  allow_direct_repo_inspection: z.boolean(),
  require_plan_review_before_implementation: z.literal(true),
  require_milestone_review_before_pass: z.literal(true),
  require_final_review_before_done: z.literal(true),
  unavailable_policy: z.enum(UNAVAILABLE_POLICIES),
  bypass: BypassSchema,
});

export const DocsSyncSchema = z.strictObject({
  enabled: z.boolean(),
  track_hashes: z.boolean(),
  require_user_decision_on_high_impact_changes: z.boolean(),
  invalidate_plan_on_architecture_change: z.boolean(),
  invalidate_plan_on_stack_change: z.boolean(),
  invalidate_plan_on_roadmap_change: z.boolean(),
  allow_context_only_for_low_impact_changes: z.boolean(),
  tracked_documents: z.array(z.string().min(1)),
});

export const ReviewPolicySchema = z.strictObject({
  mode: z.enum(REVIEW_POLICY_MODES),
  review_frequency: z.strictObject({
    low_risk_every_n_milestones: positiveInt,
    medium_risk_every_n_milestones: positiveInt,
    high_risk_every_n_milestones: positiveInt,
    critical_risk_every_n_milestones: z.literal(1),
  }),
  review_triggers: z.strictObject({
    always_review_plan: z.literal(true),
    always_review_final: z.literal(true),
    review_on_phase_boundary: z.boolean(),
    review_on_architecture_change: z.boolean(),
    review_on_stack_change: z.boolean(),
    review_on_security_change: z.boolean(),
    review_on_large_diff: z.boolean(),
    large_diff_lines: positiveInt,
    large_changed_files: positiveInt,
  }),
  budget: z.strictObject({
    max_codex_calls_per_run: positiveInt,
    max_codex_calls_per_milestone: positiveInt,
    max_codex_calls_per_phase: positiveInt,
    warn_when_remaining_calls_lte: nonNegativeInt,
  }),
  batching: z.strictObject({
    enabled: z.boolean(),
    max_milestones_per_codex_review: positiveInt,
    require_codex_at_phase_boundary: z.boolean(),
  }),
  fallback: z.strictObject({
    use_claude_adversarial_between_codex_reviews: z.boolean(),
    mark_lower_assurance_until_codex_review: z.literal(true),
    require_codex_recheck_later: z.boolean(),
  }),
  cache: z.strictObject({
    enabled: z.boolean(),
    reuse_review_when_fingerprint_matches: z.boolean(),
    fingerprint_includes_diff: z.literal(true),
    fingerprint_includes_acceptance_criteria: z.literal(true),
  }),
  checkpoint: z.strictObject({
    enabled: z.boolean(),
    prefer_review_since_last_codex_approved_commit: z.boolean(),
    suggest_git_commit_after_codex_pass: z.boolean(),
    auto_commit: z.boolean(),
  }),
});

export const CurationSchema = z.strictObject({
  enabled: z.boolean(),
  inbox_path: z.string().min(1),
  canonical_path: z.string().min(1),
  product_path: z.string().min(1),
  archive_path: z.string().min(1),
  max_file_bytes: positiveInt,
  require_human_confirmation_for_conflicts: z.boolean(),
  auto_archive_irrelevant: z.boolean(),
  source_of_truth: z.enum(['canonical', 'inbox']),
});

/** The whole `docs/cccc/config.json`. `version` is the config schema version (migrations key on it). */
export const ConfigSchema = z.strictObject({
  version: z.literal(1),
  preset: z.enum(['recommended', 'strict', 'custom']),
  language: LanguageSchema,
  workspace: WorkspaceSchema,
  mode: z.enum(MODES),
  planning: PlanningSchema,
  milestones: MilestonesSchema,
  review: ReviewSchema,
  automation: AutomationSchema,
  safety: SafetySchema,
  codex: CodexSchema,
  docs_sync: DocsSyncSchema,
  codex_review_policy: ReviewPolicySchema,
  curation: CurationSchema,
});

/** A validated `docs/cccc/config.json`. */
export type CcccConfig = z.infer<typeof ConfigSchema>;

/** The config schema version this build writes and reads. */
export const CONFIG_VERSION = 1;

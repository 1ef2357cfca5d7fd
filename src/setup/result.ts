/**
 * What `cccc setup` did, as data ({@link SetupResult}), and its rendering ({@link printSetupResult}): `--json` prints
 * the object only; otherwise a short human report like the original's `===SETUP_RESULT===` block (inventory §1.2:
 * GENERATED / PRESERVED / NOT_ENABLED / CONFIG_SUMMARY), in English.
 */
import type { CcccConfig } from '../config/schema.js';

/** How setup treated `config.json`. */
export type ConfigAction = 'created' | 'kept' | 'rebuilt' | 'updated';

/** The config fields a user checks after setup (the original's CONFIG_SUMMARY, plus the P1/P2 rules). */
export interface ConfigSummary {
  action: ConfigAction;
  preset: CcccConfig['preset'];
  mode: CcccConfig['mode'];
  /** `language.user_language` (`auto` = detected from the conversation). */
  language: string;
  max_plan_review_rounds: number;
  max_milestones_per_run: number;
  max_diff_lines_per_milestone: number;
  max_changed_files_per_milestone: number;
  max_review_rounds_per_milestone: number;
  max_fix_attempts_per_milestone: number;
  block_on_p1: boolean;
  allow_continue_with_p2: boolean;
  codex_unavailable_policy: CcccConfig['codex']['unavailable_policy'];
  codex_bypass_enabled: boolean;
  stop_hook_loop_enabled: boolean;
}

/**
 * The result of `runSetup`. Paths are relative to the repository root with `/` separators.
 * - `generated`: files created (or, for `config.json`, rewritten) by this run;
 * - `updated`: slash-command files that were cccc's unedited output of an older template and were refreshed;
 * - `preserved`: files that existed and were left untouched (docs, state, unchanged or user-edited commands);
 * - `userEdited`: user-edited command files (also in `preserved`) and the `<name>.new` written beside each;
 * - `backedUp`: the config backup made before rewriting, or null;
 * - `config`: the config now in effect (null when cancelled);
 * - `notEnabled`: what setup deliberately does not do; `warnings`: ignored flags and the like; `tips`: next steps.
 */
export interface SetupResult {
  cancelled: boolean;
  root: string;
  generated: string[];
  updated: string[];
  preserved: string[];
  userEdited: { file: string; proposed: string }[];
  backedUp: string | null;
  config: ConfigSummary | null;
  notEnabled: string[];
  warnings: string[];
  tips: string[];
}

/** The {@link ConfigSummary} of a config. */
export function summarizeConfig(config: CcccConfig, action: ConfigAction): ConfigSummary {
  return {
    action,
    preset: config.preset,
    mode: config.mode,
    language: config.language.user_language,
    max_plan_review_rounds: config.planning.max_plan_review_rounds,
    max_milestones_per_run: config.milestones.max_milestones_per_run,
    max_diff_lines_per_milestone: config.milestones.max_diff_lines_per_milestone,
    max_changed_files_per_milestone: config.milestones.max_changed_files_per_milestone,
    max_review_rounds_per_milestone: config.review.max_review_rounds_per_milestone,
    max_fix_attempts_per_milestone: config.review.max_fix_attempts_per_milestone,
    block_on_p1: config.review.block_on_p1,
    allow_continue_with_p2: config.review.allow_continue_with_p2,
    codex_unavailable_policy: config.codex.unavailable_policy,
    codex_bypass_enabled: config.codex.bypass.enabled,
    stop_hook_loop_enabled: config.automation.stop_hook_loop_enabled,
  };
}

function section(title: string, items: string[]): string[] {
  return items.length === 0 ? [] : [`${title}:`, ...items.map((item) => `  ${item}`)];
}

/** The human report (several lines, trailing newline) or, with `json`, the JSON object (pretty, one document). */
export function formatSetupResult(result: SetupResult, options: { json?: boolean } = {}): string {
  if (options.json) return `${JSON.stringify(result, null, 2)}\n`;
  if (result.cancelled) return 'Setup cancelled; nothing was changed.\n';
  const c = result.config;
  const lines = [
    `cccc setup — ${result.root}`,
    ...section('Generated', result.generated),
    ...section('Updated (cccc-generated, refreshed)', result.updated),
    ...section('Preserved (left as they were)', result.preserved),
    ...section('Not overwritten because you edited them (new version written beside)', result.userEdited.map((u) => `${u.file} → ${u.proposed}`)),
    ...(result.backedUp ? [`Config backup: ${result.backedUp}`] : []),
    ...section('Not enabled', result.notEnabled),
    ...section('Warnings', result.warnings),
    ...(c
      ? [
          `Config (${c.action}): preset=${c.preset} mode=${c.mode} language=${c.language}`,
          `  plan review rounds=${c.max_plan_review_rounds} milestones per run=${c.max_milestones_per_run} diff lines=${c.max_diff_lines_per_milestone} changed files=${c.max_changed_files_per_milestone}`,
          `  review rounds=${c.max_review_rounds_per_milestone} fix attempts=${c.max_fix_attempts_per_milestone} P1 blocks=${c.block_on_p1} continue with P2=${c.allow_continue_with_p2}`,
          `  codex unavailable policy=${c.codex_unavailable_policy} bypass enabled=${c.codex_bypass_enabled} stop-hook loop=${c.stop_hook_loop_enabled}`,
        ]
      : []),
    ...section('Next', result.tips),
  ];
  return `${lines.join('\n')}\n`;
}

/** Write {@link formatSetupResult} to `out` (stdout by default). */
export function printSetupResult(result: SetupResult, options: { json?: boolean } = {}, out: NodeJS.WritableStream = process.stdout): void {
  out.write(formatSetupResult(result, options));
}

/**
 * Config schema 0 → 1: the original skill's `docs/cccc/config.json` (inventory §3: `version: "0.1.x"`, no
 * `preset`, sections present or not depending on preset and history) into cccc's schema. Pure.
 *
 * Rules (issue #5 update):
 * - every key the user set and cccc knows keeps its value ({@link overlayConfig}); missing ones come from the
 *   recommended preset, so an absent `codex.unavailable_policy` is `strict_pause` and an absent `codex.bypass`
 *   is disabled — what the original's readers did (§3.1);
 * - `version` becomes 1; `skill` (the original's install record) and the deprecated top-level `thresholds` are
 *   dropped with a note (both stay in the backup);
 * - `preset` is `recommended`/`strict` when the result equals that preset (language aside), else `custom`;
 * - the policy the original's own `update` injected (`ask_or_bypass_once` + the template bypass block, §4.2 and
 *   §10 #19) is kept — it is in the file — but flagged, since the user may never have chosen it.
 * A value cccc cannot hold (e.g. `codex.enabled: false`) is not "fixed": validation fails and `update` stops.
 */
import { isDeepStrictEqual } from 'node:util';
import { recommendedConfig, strictConfig } from '../../config/presets.js';
import { isJsonObject, type JsonObject, type MigrationNote } from '../note.js';
import { overlayConfig } from './overlay.js';

/** The bypass block of the original's config template and `update.sh` (inventory §3.1), as it injected it. */
export const ORIGINAL_TEMPLATE_BYPASS = {
  enabled: true,
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
};

const OWN_KEYS = ['version', 'preset', 'skill', 'thresholds'];

function presetOf(config: JsonObject): 'recommended' | 'strict' | 'custom' {
  const same = (preset: JsonObject) => isDeepStrictEqual({ ...config, preset: null, language: null }, { ...preset, preset: null, language: null });
  if (same(recommendedConfig() as unknown as JsonObject)) return 'recommended';
  if (same(strictConfig() as unknown as JsonObject)) return 'strict';
  return 'custom';
}

function codexNotes(user: JsonObject, notes: MigrationNote[]): void {
  const codex = isJsonObject(user.codex) ? user.codex : {};
  if (!('unavailable_policy' in codex)) {
    notes.push({ level: 'info', path: 'codex.unavailable_policy', message: 'not set: strict_pause (what the original did when it was absent)' });
  }
  if (!('bypass' in codex)) notes.push({ level: 'info', path: 'codex.bypass', message: 'not set: the Codex bypass stays disabled' });
  const injected = 'skill' in user && codex.unavailable_policy === 'ask_or_bypass_once' && isDeepStrictEqual(codex.bypass, ORIGINAL_TEMPLATE_BYPASS);
  if (injected) {
    notes.push({
      level: 'warn',
      path: 'codex.unavailable_policy',
      message:
        "kept ask_or_bypass_once with the bypass enabled, exactly as the original's `update` injected them (it merged its template over every config). If you never chose this, set codex.unavailable_policy to strict_pause and codex.bypass.enabled to false.",
    });
  }
}

/** Migrate an original (schema 0) config object. Returns the new config (not yet validated) and notes. */
export function migrateOriginalConfig(user: JsonObject): { config: JsonObject; notes: MigrationNote[] } {
  const notes: MigrationNote[] = [];
  const version = typeof user.version === 'string' ? user.version : 'unknown';
  notes.push({ level: 'info', path: 'version', message: `original skill config (version ${version}) → cccc config schema 1` });
  if ('skill' in user) notes.push({ level: 'info', path: 'skill', message: "the original's install record: dropped (cccc versions its files itself)" });
  if ('thresholds' in user) notes.push({ level: 'warn', path: 'thresholds', message: 'deprecated since the original 0.1.x (nothing read it): dropped; the limits live in planning, milestones and review' });
  codexNotes(user, notes);
  const base = recommendedConfig() as unknown as JsonObject;
  const sections = Object.fromEntries(Object.entries(user).filter(([k]) => !OWN_KEYS.includes(k)));
  const config: JsonObject = { ...overlayConfig(base, { ...sections, version: 1, preset: 'custom' }, notes), version: 1 };
  config.preset = presetOf(config);
  notes.push({ level: 'info', path: 'preset', message: `${config.preset} (${config.preset === 'custom' ? 'differs from both presets' : 'equal to that preset'})` });
  const tracked = isJsonObject(config.docs_sync) ? config.docs_sync.tracked_documents : undefined;
  if (Array.isArray(tracked) && tracked.includes('milestone-backlog.md') && !tracked.includes('milestones.yaml')) {
    notes.push({ level: 'warn', path: 'docs_sync.tracked_documents', message: 'kept as set; it lists milestone-backlog.md but cccc plans in milestones.yaml — add it to track plan changes' });
  }
  return { config, notes };
}

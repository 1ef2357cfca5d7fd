/**
 * Re-pointing enabled hooks at the installed entry (issue #5 `cccc update`: "enabled hooks re-pointed at the
 * installed entry"; the original rewrote its hook commands to `${CLAUDE_PROJECT_DIR}/.claude/hooks/…`, inventory
 * §4.2). Only hooks that are already registered are refreshed — update never registers one that is not (that
 * would enable something that was off). Edits go through `src/claude/settings.ts` (cccc's handlers are found by
 * structure and replaced in place; everything else in the file is kept) and `applySettingsPlan` (backup + atomic
 * write). The original skill's shell-script hooks are only reported: they write the old state format.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadHookRegistrations } from '../claude/hook-template.js';
import { applySettingsPlan } from '../claude/settings-file.js';
import { findHookRegistrations, planHookRegistration, type HookRegistrations } from '../claude/settings.js';
import { CcccError } from '../errors.js';
import type { MigrationNote } from '../migrations/note.js';
import type { WorkspacePaths } from '../workspace/paths.js';

/** The settings files Claude Code reads per project (external-interfaces, Claude Code settings). */
export const SETTINGS_FILES = ['settings.json', 'settings.local.json'] as const;

/** What happened in one settings file. */
export interface HookRepoint {
  /** Repo-relative settings file. */
  file: string;
  /** cccc hook names registered there (`stop`, `stop-failure`, `guard`). */
  hooks: string[];
  changed: boolean;
  /** Backup written by `applySettingsPlan`, repo-relative, or null. */
  backup: string | null;
}

/** The registrations of `all` restricted to the hook names in `keep` (so nothing new is registered). */
export function onlyRegistered(all: HookRegistrations, keep: ReadonlySet<string>): HookRegistrations {
  const out: HookRegistrations = {};
  for (const [event, groups] of Object.entries(all)) {
    const kept = groups.map((g) => ({ ...g, hooks: g.hooks.filter((h) => keep.has(String(h.args?.[2]))) })).filter((g) => g.hooks.length);
    if (kept.length) out[event] = kept;
  }
  return out;
}

/** True when a settings text registers the original skill's hook scripts (`.claude/hooks/cccc-*.sh`). */
export function hasOriginalHookScripts(text: string | null): boolean {
  return text !== null && /\.claude\/hooks\/cccc-[a-z-]+\.sh/.test(text);
}

/**
 * Refresh cccc's registered hooks in `.claude/settings.json` and `.claude/settings.local.json` to run `entry` with
 * `node`. A settings file that is not valid JSON is left alone with a note (Claude Code cannot load it either).
 */
export async function repointHooks(paths: WorkspacePaths, entry: string, node: string, now: Date, notes: MigrationNote[]): Promise<HookRepoint[]> {
  const results: HookRepoint[] = [];
  for (const name of SETTINGS_FILES) {
    const file = path.join(paths.claudeDir, name);
    const rel = paths.rel(file);
    const text = await readFile(file, 'utf8').catch(() => null);
    if (hasOriginalHookScripts(text)) {
      notes.push({ level: 'warn', path: rel, message: "registers the original skill's hook scripts (.claude/hooks/cccc-*.sh), which write the old state format: remove those entries, then enable cccc's loop again" });
    }
    try {
      const found = findHookRegistrations(text, undefined, { file: rel });
      if (found.length === 0) continue;
      const names = new Set(found.map((f) => f.hookName));
      const plan = planHookRegistration(text, onlyRegistered(await loadHookRegistrations({ node, entry }), names), { file: rel });
      const written = await applySettingsPlan(file, plan, { now });
      results.push({ file: rel, hooks: [...names].sort(), changed: written.written, backup: written.backupPath && paths.rel(written.backupPath) });
    } catch (error) {
      if (!(error instanceof CcccError)) throw error;
      notes.push({ level: 'warn', path: rel, message: `${error.message} Hooks there were not re-pointed.` });
    }
  }
  return results;
}

/**
 * Settings files (repo-relative) with a cccc hook that does not run `node entry` — what {@link repointHooks} would
 * change. Files that are missing or not valid JSON are not counted (the run reports them).
 */
export async function staleHookFiles(paths: WorkspacePaths, entry: string, node: string): Promise<string[]> {
  const stale: string[] = [];
  for (const name of SETTINGS_FILES) {
    const file = path.join(paths.claudeDir, name);
    const text = await readFile(file, 'utf8').catch(() => null);
    let found;
    try {
      found = findHookRegistrations(text);
    } catch {
      continue;
    }
    if (found.some((f) => f.args[0] !== entry || f.command !== node)) stale.push(paths.rel(file));
  }
  return stale;
}

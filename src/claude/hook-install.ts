/**
 * Where cccc's hooks are registered and what they run (issue #4 §2).
 *
 * The handler runs `process.execPath` — the absolute path of the node running `cccc loop start` — with the
 * absolute path of this package's `dist/src/bin.js` in `args` (exec form, no shell: spaces in paths work,
 * external-interfaces D5). An absolute node is chosen over `"node"` because Claude Code starts hooks with the
 * PATH of the session, which under nvm/volta/asdf or a GUI launch may not find the node cccc was installed
 * with (a missing command exits 127 and fails open silently, D3). After a node upgrade the old path may vanish:
 * `cccc loop status` reports `commandExists: false` and `cccc loop start` re-registers in place (our entries are
 * recognised by structure, settings.ts).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { packageRoot } from '../workspace/package-root.js';
import type { WorkspacePaths } from '../workspace/paths.js';
import { loadHookRegistrations, type HookTemplateValues } from './hook-template.js';
import { findHookRegistrations, type FoundRegistration, type HookRegistrations } from './settings.js';

/** The two project settings files cccc may register in, repo-relative. */
export const SETTINGS_FILES = { shared: '.claude/settings.json', local: '.claude/settings.local.json' } as const;

/** The values for hooks-template/hooks.json: this node and this package's built entry. */
export function installedHookValues(): HookTemplateValues {
  return { node: process.execPath, entry: path.join(packageRoot(), 'dist', 'src', 'bin.js') };
}

/** The filled `hooks` object to merge into a settings file. */
export function ccccHookRegistrations(values: HookTemplateValues = installedHookValues()): Promise<HookRegistrations> {
  return loadHookRegistrations(values, path.join(packageRoot(), 'hooks-template', 'hooks.json'));
}

/** Absolute path of a settings file (`local` picks `.claude/settings.local.json`). */
export function settingsPath(paths: WorkspacePaths, local: boolean): string {
  return path.join(paths.root, local ? SETTINGS_FILES.local : SETTINGS_FILES.shared);
}

/** A settings file's text, or null when it does not exist. Other read errors are thrown. */
export async function readSettingsText(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** One of our registrations, with whether its command and entry still exist on disk. */
export interface RegistrationCheck extends FoundRegistration {
  commandExists: boolean;
  entryExists: boolean;
}

/** What one settings file holds of ours. `error` is set (and `hooks` empty) when it is not valid JSON. */
export interface SettingsRegistrations {
  file: string;
  exists: boolean;
  error: string | null;
  hooks: RegistrationCheck[];
}

/** Our registrations in the settings file `rel` under `root`. Never throws on bad JSON (reports it). */
export async function settingsRegistrations(root: string, rel: string): Promise<SettingsRegistrations> {
  const text = await readSettingsText(path.join(root, rel));
  if (text === null) return { file: rel, exists: false, error: null, hooks: [] };
  try {
    const hooks = findHookRegistrations(text, undefined, { file: rel }).map((h) => ({
      ...h,
      commandExists: h.command === null || !path.isAbsolute(h.command) || existsSync(h.command),
      entryExists: existsSync(h.args[0] ?? ''),
    }));
    return { file: rel, exists: true, error: null, hooks };
  } catch (error) {
    return { file: rel, exists: true, error: (error as Error).message, hooks: [] };
  }
}

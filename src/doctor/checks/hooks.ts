/**
 * Doctor check of cccc's hook registrations in `.claude/settings.json` and `.claude/settings.local.json`
 * (issue #5: "hooks registered in settings iff the loop is enabled, pointing at an existing entry"). The files
 * are parsed read-only with the hook module's own recogniser (`findHookRegistrations`, `CCCC_HOOK_MARKER`:
 * `args = [<…/dist/src/bin.js>, "hook", <name>]`), so doctor and `cccc loop` agree on what is ours.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { findHookRegistrations, type FoundRegistration } from '../../claude/settings.js';
import { packageRoot } from '../../workspace/package-root.js';
import type { Translate } from '../../i18n/catalogue.js';
import type { DoctorFacts } from '../facts.js';
import { line, type DoctorCheck, type DoctorCheckFn } from '../types.js';

/** The settings files Claude Code reads for a project, repo-relative. */
export const SETTINGS_FILES = ['.claude/settings.json', '.claude/settings.local.json'] as const;

/** Hook events the loop registers, with the hook name each runs; a missing `Stop` is a FAIL, the others WARN. */
export const LOOP_HOOKS: readonly { event: string; hookName: string; required: boolean }[] = [
  { event: 'Stop', hookName: 'stop', required: true },
  { event: 'StopFailure', hookName: 'stop-failure', required: false },
  { event: 'PreToolUse', hookName: 'guard', required: false },
];

/** This installation's entry file (`<package>/dist/src/bin.js`). */
export function installedEntry(facts: DoctorFacts): string {
  return facts.deps.installedEntry ?? path.join(packageRoot(), 'dist', 'src', 'bin.js');
}

/** `automation.stop_hook_loop_enabled` from the valid config, else read leniently from the raw text. */
async function loopEnabled(facts: DoctorFacts): Promise<boolean> {
  const config = await facts.validConfig();
  if (config) return config.automation.stop_hook_loop_enabled;
  try {
    return (JSON.parse(facts.configText ?? '{}') as { automation?: { stop_hook_loop_enabled?: unknown } }).automation?.stop_hook_loop_enabled === true;
  } catch {
    return false;
  }
}

/** Problems with one registration's program and entry file. */
function entryProblems(found: FoundRegistration, file: string, facts: DoctorFacts, t: Translate): DoctorCheck[] {
  const title = t('doctor.hooks.title');
  const lines: DoctorCheck[] = [];
  const command = found.command;
  if (command && path.isAbsolute(command) && !existsSync(command)) {
    lines.push(line('hooks', 'FAIL', title, t('doctor.hooks.noCommand', { file, event: found.event, command }), t('doctor.hooks.moved.hint')));
  }
  const entry = found.args[0] ?? '';
  if (entry.includes('${')) return lines; // a plugin placeholder Claude Code fills in
  const absolute = path.resolve(facts.root, entry);
  const installed = installedEntry(facts);
  if (!existsSync(absolute)) {
    lines.push(line('hooks', 'FAIL', title, t('doctor.hooks.moved', { file, event: found.event, entry }), t('doctor.hooks.moved.hint')));
  } else if (path.resolve(absolute) !== path.resolve(installed)) {
    lines.push(line('hooks', 'WARN', title, t('doctor.hooks.other', { file, event: found.event, entry, installed }), t('doctor.hooks.other.hint')));
  }
  return lines;
}

/** Registrations agree with `automation.stop_hook_loop_enabled` and point at files that exist. */
export const checkHooks: DoctorCheckFn = async (facts, t) => {
  if ((await facts.config()).kind === 'missing') return [];
  const title = t('doctor.hooks.title');
  const lines: DoctorCheck[] = [];
  const found: { file: string; registration: FoundRegistration }[] = [];
  for (const file of SETTINGS_FILES) {
    const text = await readFile(path.join(facts.root, file), 'utf8').catch(() => null);
    try {
      for (const registration of findHookRegistrations(text, undefined, { file })) found.push({ file, registration });
    } catch {
      const message = (() => {
        try {
          JSON.parse(text ?? '');
          return 'not a JSON object';
        } catch (error) {
          return (error as Error).message;
        }
      })();
      lines.push(line('hooks', 'FAIL', title, t('doctor.hooks.invalid', { file, message }), t('doctor.hooks.invalid.hint', { file })));
    }
  }
  const enabled = await loopEnabled(facts);
  const names = new Set(found.map((f) => f.registration.hookName));
  if (enabled) {
    const missing = LOOP_HOOKS.filter((h) => !names.has(h.hookName));
    if (missing.length) {
      const level = missing.some((h) => h.required) ? 'FAIL' : 'WARN';
      lines.push(line('hooks', level, title, t('doctor.hooks.unregistered', { events: missing.map((h) => h.event).join(', ') }), t('doctor.hooks.unregistered.hint')));
    }
  } else if (found.length) {
    const files = [...new Set(found.map((f) => f.file))].join(', ');
    lines.push(line('hooks', 'WARN', title, t('doctor.hooks.stray', { files }), t('doctor.hooks.stray.hint')));
  }
  for (const f of found) lines.push(...entryProblems(f.registration, f.file, facts, t));
  if (lines.length) return lines;
  return enabled
    ? line('hooks', 'PASS', title, t('doctor.hooks.ok.on', { events: [...new Set(found.map((f) => f.registration.event))].join(', ') }))
    : line('hooks', 'PASS', title, t('doctor.hooks.ok.off'));
};

/**
 * `cccc loop start [--session-id ID] [--local]` and `cccc loop stop` (issue #4 §2): opt in to (and out of) the
 * Stop-hook loop. `loop status` is in loop-status.ts.
 *
 * start: sets `mode: full-auto-safe` and `automation.stop_hook_loop_enabled: true` (config backed up to
 * `docs/cccc/backups/` first, written atomically), registers the Stop, StopFailure and guard hooks from
 * `hooks-template/` in `.claude/settings.json` (or `.claude/settings.local.json` with `--local`; ours are removed
 * from the other file so no hook runs twice per stop), and writes the loop record with the previous mode. The
 * settings files are parsed before anything is written: one that is not valid JSON is refused and nothing
 * changes. Twice = once: an active, uncapped loop for the same (or no new) session keeps its counters.
 *
 * stop: removes only our entries from both settings files, sets `stop_hook_loop_enabled: false`, restores the
 * mode `start` replaced (unless the user changed it since), and marks the loop inactive, keeping its counters.
 */
import { STATUS_TABLE, type StatusKind } from '../../machines/status-table.js';
import { applySettingsPlan } from '../claude/settings-file.js';
import { planHookRegistration, planHookRemoval, type SettingsPlan } from '../claude/settings.js';
import { ccccHookRegistrations, readSettingsText, settingsPath, SETTINGS_FILES } from '../claude/hook-install.js';
import type { CcccConfig } from '../config/schema.js';
import { readLoopFile, withLoopLock, writeLoopFile, type LoopFile } from '../hooks/loop-record.js';
import { backupConfig, writeConfig } from '../setup/config-file.js';
import { readState } from '../state/store.js';
import type { WorkspacePaths } from '../workspace/paths.js';
import { openWorkspace, type CommandDeps } from './workspace.js';

/** What to do after `loop start`, from the status table kind of the current status. */
export type LoopNext = 'continue' | 'needs-task' | 'needs-resume';

/** A settings file `start`/`stop` looked at. */
export interface SettingsChange {
  file: string;
  changed: boolean;
  backup: string | null;
}

/** The `cccc loop start --json` document. */
export interface LoopStartResult {
  settings: SettingsChange[];
  config: { changed: boolean; backup: string | null; mode: string; previousMode: string | null };
  loop: LoopFile;
  /** True when an active loop was kept as it was (idempotent re-run). */
  kept: boolean;
  workflow: { status: string; kind: StatusKind; revision: number };
  next: LoopNext;
}

/** Start (or refresh) the loop. Throws SETTINGS_INVALID (nothing changed), CONFIG_MISSING/INVALID, STATE_MISSING. */
export async function runLoopStart(options: { sessionId?: string; local?: boolean }, deps: CommandDeps): Promise<LoopStartResult> {
  const { paths, config } = await openWorkspace(deps);
  const state = await readState(paths);
  const local = options.local === true;
  const target = settingsPath(paths, local);
  const other = settingsPath(paths, !local);
  const registrations = await ccccHookRegistrations();
  const targetRel = local ? SETTINGS_FILES.local : SETTINGS_FILES.shared;
  const otherRel = local ? SETTINGS_FILES.shared : SETTINGS_FILES.local;
  // Plan both edits before writing anything: invalid JSON in either file throws here.
  const plans: [string, SettingsPlan][] = [
    [target, planHookRegistration(await readSettingsText(target), registrations, { file: targetRel })],
    [other, planHookRemoval(await readSettingsText(other), undefined, { file: otherRel })],
  ];
  const now = deps.now();
  const settings = await applyPlans(paths, plans, now);

  const sessionId = options.sessionId?.trim() ? options.sessionId : null;
  const configEdit = await setLoopConfig(paths, config, { mode: 'full-auto-safe', enabled: true }, now);
  const { loop, kept } = withLoopLock(paths.loopDir, () => {
    const existing = readLoopFile(paths.loopDir);
    const same = existing !== null && existing.active && !existing.capped && (sessionId === null || existing.ownerSessionId === null || existing.ownerSessionId === sessionId);
    if (same && existing !== null) {
      const refreshed: LoopFile = { ...existing, ownerSessionId: existing.ownerSessionId ?? sessionId, settingsFile: targetRel, maxContinuations: config.automation.max_stop_hook_continuations };
      const changed = JSON.stringify(refreshed) !== JSON.stringify(existing);
      const record = changed ? { ...refreshed, updatedAt: now.toISOString() } : existing;
      if (changed) writeLoopFile(paths.loopDir, record);
      return { loop: record, kept: true };
    }
    // A new loop. Replacing an active one (capped, or another session's) keeps the mode it replaced.
    const inherit = existing !== null && existing.active;
    const record: LoopFile = {
      schemaVersion: 1,
      active: true,
      ownerSessionId: sessionId,
      capped: false,
      continuations: 0,
      lastBlockedRevision: null,
      noProgressBlocks: 0,
      startedAt: now.toISOString(),
      stoppedAt: null,
      updatedAt: now.toISOString(),
      maxContinuations: config.automation.max_stop_hook_continuations,
      previousMode: inherit ? existing.previousMode : config.mode,
      previousLoopEnabled: inherit ? existing.previousLoopEnabled : config.automation.stop_hook_loop_enabled,
      settingsFile: targetRel,
      lastDecision: null,
    };
    writeLoopFile(paths.loopDir, record);
    return { loop: record, kept: false };
  });
  const kind = STATUS_TABLE[state.status].kind;
  return {
    settings,
    config: { changed: configEdit.changed, backup: configEdit.backup, mode: 'full-auto-safe', previousMode: loop.previousMode },
    loop,
    kept,
    workflow: { status: state.status, kind, revision: state.revision },
    next: kind === 'active' ? 'continue' : kind === 'paused' ? 'needs-resume' : 'needs-task',
  };
}

/** The `cccc loop stop --json` document. */
export interface LoopStopResult {
  settings: SettingsChange[];
  config: { changed: boolean; backup: string | null; mode: string };
  /** The record after stopping (null when no loop was ever started). */
  loop: LoopFile | null;
}

/** Stop the loop. Throws SETTINGS_INVALID (nothing changed) when a settings file is not valid JSON. */
export async function runLoopStop(deps: CommandDeps): Promise<LoopStopResult> {
  const { paths, config } = await openWorkspace(deps);
  const plans: [string, SettingsPlan][] = [];
  for (const [local, rel] of [[false, SETTINGS_FILES.shared], [true, SETTINGS_FILES.local]] as const) {
    const file = settingsPath(paths, local);
    plans.push([file, planHookRemoval(await readSettingsText(file), undefined, { file: rel })]);
  }
  const now = deps.now();
  const settings = await applyPlans(paths, plans, now);
  const record = readLoopFile(paths.loopDir);
  // Restore the mode only when `start` set it and nobody changed it since.
  const restore = record?.previousMode && record.previousMode !== 'full-auto-safe' && config.mode === 'full-auto-safe' ? record.previousMode : config.mode;
  const configEdit = await setLoopConfig(paths, config, { mode: restore as CcccConfig['mode'], enabled: false }, now);
  const loop = withLoopLock(paths.loopDir, () => {
    const current = readLoopFile(paths.loopDir);
    if (current === null || !current.active) return current;
    const stopped: LoopFile = { ...current, active: false, stoppedAt: now.toISOString(), updatedAt: now.toISOString() };
    writeLoopFile(paths.loopDir, stopped);
    return stopped;
  });
  return { settings, config: { changed: configEdit.changed, backup: configEdit.backup, mode: restore }, loop };
}

async function applyPlans(paths: WorkspacePaths, plans: [string, SettingsPlan][], now: Date): Promise<SettingsChange[]> {
  const out: SettingsChange[] = [];
  for (const [file, plan] of plans) {
    const write = await applySettingsPlan(file, plan, { now });
    out.push({ file: plan.file, changed: write.written, backup: write.backupPath === null ? null : paths.rel(write.backupPath) });
  }
  return out;
}

/** Set `mode` and the loop flag; back up and write only when something changes. */
async function setLoopConfig(
  paths: WorkspacePaths,
  config: CcccConfig,
  want: { mode: CcccConfig['mode']; enabled: boolean },
  now: Date,
): Promise<{ changed: boolean; backup: string | null }> {
  if (config.mode === want.mode && config.automation.stop_hook_loop_enabled === want.enabled) return { changed: false, backup: null };
  const backup = await backupConfig(paths, now);
  await writeConfig(paths, { ...config, mode: want.mode, automation: { ...config.automation, stop_hook_loop_enabled: want.enabled } });
  return { changed: true, backup: paths.rel(backup) };
}

/** Human rendering of {@link LoopStartResult}: what changed, then what to do next. */
export function formatLoopStart(r: LoopStartResult): string {
  const lines = [
    r.kept ? 'The Stop-hook loop is already active (counters kept).' : 'The Stop-hook loop is active.',
    `Owner:     ${r.loop.ownerSessionId ?? '(the first Claude Code session that stops claims it)'}`,
    `Budget:    ${r.loop.continuations}/${r.loop.maxContinuations} continuations used`,
    `Config:    mode full-auto-safe, automation.stop_hook_loop_enabled true${r.config.backup ? ` (backup: ${r.config.backup})` : ''}`,
    ...r.settings.map((s) => `Settings:  ${s.file} ${s.changed ? `updated${s.backup ? ` (backup: ${s.backup})` : ''}` : 'unchanged'}`),
    `Workflow:  ${r.workflow.status} (${r.workflow.kind}, revision ${r.workflow.revision})`,
    '',
  ];
  if (r.next === 'continue') lines.push('Next: continue now — run `cccc next`, do that step, submit it, and repeat. The Stop hook keeps the session going until a Codex gate, a pause or DONE.');
  else if (r.next === 'needs-resume') lines.push('Next: needs resume — the workflow is paused; a human chooses a strategy (`cccc next` lists them, then `cccc resume --strategy …`). The hook never continues a pause.');
  else lines.push('Next: needs a task — start one with `cccc start "<task>"` (or /cc-codex-collaborate "<task>").');
  lines.push('Stop it any time with `cccc loop stop`; `cccc loop status` shows the counters.');
  return lines.join('\n');
}

/** Human rendering of {@link LoopStopResult}. */
export function formatLoopStop(r: LoopStopResult): string {
  return [
    'The Stop-hook loop is stopped.',
    ...r.settings.map((s) => `Settings:  ${s.file} ${s.changed ? `cccc hooks removed${s.backup ? ` (backup: ${s.backup})` : ''}` : 'unchanged'}`),
    `Config:    mode ${r.config.mode}, automation.stop_hook_loop_enabled false${r.config.backup ? ` (backup: ${r.config.backup})` : ''}`,
    r.loop ? `Loop:      inactive; ${r.loop.continuations} continuation(s) used${r.loop.capped ? ', capped' : ''}` : 'Loop:      none was started',
  ].join('\n');
}

/**
 * `cccc loop status [--json]` (issue #4 §2): everything that decides whether the Stop hook will continue a
 * session — config, hook registration in both project settings files, ownership, counters, capped or not, the
 * workflow status — plus Claude Code's own block cap. Read-only.
 */
import { STATUS_TABLE } from '../../machines/status-table.js';
import { settingsRegistrations, SETTINGS_FILES, type SettingsRegistrations } from '../claude/hook-install.js';
import { readLoopFile, type LoopFile } from '../hooks/loop-record.js';
import { readState } from '../state/store.js';
import { openWorkspace, type CommandDeps } from './workspace.js';

/** Claude Code's default block cap (≥ 2.1.143, external-interfaces B4/D1). */
export const CLAUDE_CODE_BLOCK_CAP = 8;

/** The `cccc loop status --json` document. */
export interface LoopStatusResult {
  /** True when a Stop in the owning (or a claiming) session would be continued, workflow permitting. */
  ready: boolean;
  /** Why not, when `ready` is false (one line each). */
  problems: string[];
  config: { mode: string; loopEnabled: boolean; maxContinuations: number; maxNoProgressBlocks: number };
  registrations: SettingsRegistrations[];
  loop: LoopFile | null;
  budget: { used: number; max: number; remaining: number } | null;
  workflow: { status: string; kind: string; revision: number } | null;
  blockCap: { consecutiveBlocks: number; env: 'CLAUDE_CODE_STOP_HOOK_BLOCK_CAP'; fromEnv: boolean; note: string };
}

/** Gather the loop status for the workspace at `deps.cwd`. */
export async function runLoopStatus(deps: Pick<CommandDeps, 'cwd'>, env: Record<string, string | undefined> = process.env): Promise<LoopStatusResult> {
  const { paths, config } = await openWorkspace(deps);
  const registrations = [await settingsRegistrations(paths.root, SETTINGS_FILES.shared), await settingsRegistrations(paths.root, SETTINGS_FILES.local)];
  const loop = readLoopFile(paths.loopDir);
  const state = await readState(paths).catch(() => null);
  const max = config.automation.max_stop_hook_continuations;
  const stopHooks = registrations.flatMap((r) => r.hooks).filter((h) => h.event === 'Stop' && h.hookName === 'stop');
  const problems = [
    config.mode !== 'full-auto-safe' ? `mode is ${config.mode}, not full-auto-safe` : null,
    !config.automation.stop_hook_loop_enabled ? 'automation.stop_hook_loop_enabled is false' : null,
    stopHooks.length === 0 ? 'no cccc Stop hook is registered in .claude/settings.json or .claude/settings.local.json' : null,
    stopHooks.some((h) => !h.commandExists || !h.entryExists) ? 'a registered cccc hook points to a missing node or entry file (run `cccc loop start` again)' : null,
    stopHooks.length > 1 ? 'the cccc Stop hook is registered more than once (run `cccc loop start` again)' : null,
    loop === null ? 'no loop was started (`cccc loop start`)' : !loop.active ? 'the loop was stopped' : null,
    loop?.capped ? `the loop is capped: its ${loop.continuations} continuations are spent (\`cccc loop start\` begins a new loop)` : null,
    ...registrations.filter((r) => r.error !== null).map((r) => `${r.file} is not valid JSON: ${r.error}`),
  ].filter((p): p is string => p !== null);
  const capEnv = env.CLAUDE_CODE_STOP_HOOK_BLOCK_CAP;
  const capFromEnv = capEnv !== undefined && capEnv.trim() !== '' && Number.isFinite(Number(capEnv));
  const cap = capFromEnv ? Number(capEnv) : CLAUDE_CODE_BLOCK_CAP;
  return {
    ready: problems.length === 0,
    problems,
    config: {
      mode: config.mode,
      loopEnabled: config.automation.stop_hook_loop_enabled,
      maxContinuations: max,
      maxNoProgressBlocks: config.automation.max_no_progress_blocks,
    },
    registrations,
    loop,
    budget: loop === null ? null : { used: loop.continuations, max, remaining: Math.max(0, max - loop.continuations) },
    workflow: state === null ? null : { status: state.status, kind: STATUS_TABLE[state.status].kind, revision: state.revision },
    blockCap: {
      consecutiveBlocks: cap,
      env: 'CLAUDE_CODE_STOP_HOOK_BLOCK_CAP',
      fromEnv: capFromEnv,
      note:
        `Claude Code ends a turn after ${cap} consecutive Stop-hook blocks in which Claude ran no tool (CLAUDE_CODE_STOP_HOOK_BLOCK_CAP; ≤ 0 disables it). ` +
        'Continuations that run tools reset that count, so a loop making progress is not cut; cccc never relies on the cap (its own budget and no-progress rule stop first).',
    },
  };
}

/** Human rendering of {@link LoopStatusResult}. */
export function formatLoopStatus(r: LoopStatusResult): string {
  const lines = [
    `Loop:       ${r.ready ? 'ready (the Stop hook will continue the owning session while the workflow is active)' : 'not continuing'}`,
    ...r.problems.map((p) => `  - ${p}`),
    `Config:     mode ${r.config.mode}; stop_hook_loop_enabled ${r.config.loopEnabled}; max ${r.config.maxContinuations} continuations, ${r.config.maxNoProgressBlocks} without progress`,
  ];
  for (const s of r.registrations) {
    const hooks = s.hooks.map((h) => `${h.event}${h.matcher ? `(${h.matcher})` : ''}→${h.hookName}${h.commandExists && h.entryExists ? '' : ' [missing file]'}`);
    lines.push(`Settings:   ${s.file}: ${!s.exists ? 'absent' : s.error ? `INVALID JSON (${s.error})` : hooks.length ? hooks.join(', ') : 'no cccc hooks'}`);
  }
  if (r.loop) {
    lines.push(
      `Owner:      ${r.loop.ownerSessionId ?? '(unclaimed: the first session that stops claims it)'}`,
      `Active:     ${r.loop.active}${r.loop.capped ? ' — CAPPED (budget spent)' : ''}; started ${r.loop.startedAt}${r.loop.stoppedAt ? `, stopped ${r.loop.stoppedAt}` : ''}`,
      `Counters:   ${r.budget?.used}/${r.budget?.max} continuations; ${r.loop.noProgressBlocks} block(s) without progress; last decision ${r.loop.lastDecision ?? '—'}`,
    );
  }
  lines.push(`Workflow:   ${r.workflow ? `${r.workflow.status} (${r.workflow.kind}, revision ${r.workflow.revision})` : 'state unreadable'}`);
  lines.push(`Block cap:  ${r.blockCap.note}`);
  return lines.join('\n');
}

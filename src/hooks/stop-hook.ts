/**
 * `cccc hook stop`: the Stop-hook entry (issue #4 §1). Reads the payload (bounded), gathers the facts without
 * spawning anything, decides with the pure {@link decideStop}, persists the loop record's update under the
 * loop lock, and prints exactly one `{"decision":"block","reason":…}` when it blocks — nothing otherwise.
 * One line per run goes to `docs/cccc/logs/hooks.jsonl`. A no-progress decision records a `PAUSED_FOR_SYSTEM`
 * pause through the store (actor `hook`).
 *
 * Fail open: when the record cannot be written (lock busy, disk full) the stop is allowed — an unrecorded
 * continuation would escape the budget. Any throw is caught by `entry.ts` (exit 0, no stdout).
 */
import { STATUS_TABLE } from '../../machines/status-table.js';
import { elapsedMs, type HookIO } from './hook-io.js';
import type { HookPauseResult } from './hook-pause.js';
import { appendHookLog, findHookWorkspace, hookConfig, hookState, readJsonFile, type HookConfig } from './hook-workspace.js';
import { readLoopFile, withLoopLock, writeLoopFile, type LoopFile } from './loop-record.js';
import { parseHookPayload } from './payload.js';
import { applyLoopUpdate, decideStop, type StopHookDecision, type StopStateFacts } from './stop-decision.js';
import { stopStateFacts } from './stop-facts.js';

/** Run the Stop hook once. Resolves when done; throws only on internal errors (the entry fails open). */
export async function runStopHook(io: HookIO): Promise<void> {
  const started = process.hrtime.bigint();
  const input = await io.readStdin();
  const payload = parseHookPayload(input.text);
  const paths = findHookWorkspace(payload.cwd, io.env, io.cwd);
  if (paths === null) {
    io.stderr('cccc hook stop: no cccc workspace here; allowing the stop\n');
    return;
  }
  const config = hookConfig(readJsonFile(paths.config), io.env);
  const rawState = hookState(readJsonFile(paths.state));
  const active = rawState !== null && STATUS_TABLE[rawState.status as keyof typeof STATUS_TABLE]?.kind === 'active';
  const state: StopStateFacts | null = rawState === null || config === null ? null : stopStateFacts(rawState, config, paths, active);
  const facts = {
    payload: { sessionId: payload.sessionId, stopHookActive: payload.stopHookActive, cwd: payload.cwd, hookEventName: payload.hookEventName },
    config: config?.stop ?? null,
    state,
  };

  let loop = readLoopFile(paths.loopDir);
  let decision = decideStop({ ...facts, loop });
  let persistError: string | null = null;
  if (decision.loopUpdate !== undefined && loop !== null) {
    // Decide again under the lock with a fresh record, so two stops never both claim or both spend one slot.
    try {
      [decision, loop] = withLoopLock(paths.loopDir, () => {
        const fresh = readLoopFile(paths.loopDir);
        const again = decideStop({ ...facts, loop: fresh });
        if (again.loopUpdate === undefined || fresh === null) return [again, fresh] as const;
        const updated = nextRecord(fresh, again, config, io.now());
        writeLoopFile(paths.loopDir, updated);
        return [again, updated] as const;
      });
    } catch (error) {
      persistError = (error as Error).message;
      decision = { action: 'allow', why: 'loop-record-unwritable' };
    }
  }

  let pause: HookPauseResult | null = null;
  if (decision.action === 'allow' && decision.pause !== undefined && config !== null) {
    const { recordHookPause } = await import('./hook-pause.js');
    pause = await recordHookPause(
      paths,
      { kind: 'system', reason: decision.pause.reason, code: 'stop_hook_no_progress' },
      { at: io.now().toISOString(), limits: config.limits },
    );
  }
  if (decision.action === 'block') io.stdout(JSON.stringify({ decision: 'block', reason: decision.reason }));

  const summary = decision.action === 'block' ? `block (${decision.why}, continuation ${loop?.continuations ?? '?'})` : `allow (${decision.why})`;
  io.stderr(`cccc hook stop: ${summary}${persistError ? `; loop record not written: ${persistError}` : ''}\n`);
  appendHookLog(
    paths.hookLog,
    {
      at: io.now().toISOString(),
      hook: 'stop',
      sessionId: payload.sessionId,
      event: payload.hookEventName,
      stopHookActive: payload.stopHookActive,
      decision: decision.action,
      why: decision.why,
      status: rawState?.status ?? null,
      revision: rawState?.revision ?? null,
      owner: loop?.ownerSessionId ?? null,
      continuations: loop?.continuations ?? null,
      maxContinuations: config?.stop.maxContinuations ?? null,
      capped: loop?.capped ?? null,
      ...(pause ? { pause } : {}),
      ...(persistError ? { persistError } : {}),
      ...(input.truncated ? { stdinTruncated: true } : {}),
      ms: elapsedMs(started),
    },
    io.stderr,
  );
}

/** The record after a decision: its update applied, plus bookkeeping (time, last decision, the config's budget). */
function nextRecord(record: LoopFile, decision: StopHookDecision, config: HookConfig | null, now: Date): LoopFile {
  const updated = applyLoopUpdate(record, decision.loopUpdate ?? {}) as LoopFile;
  const max = config?.stop.maxContinuations;
  return {
    ...updated,
    updatedAt: now.toISOString(),
    lastDecision: decision.why,
    maxContinuations: typeof max === 'number' && Number.isInteger(max) && max >= 0 ? max : record.maxContinuations,
  };
}

/**
 * `cccc hook stop-failure`: Claude Code's StopFailure event (a turn ended on an API error: `rate_limit`,
 * `overloaded`, `billing_error`…, external-interfaces B3) pauses an active workflow as `PAUSED_FOR_SYSTEM` with
 * the reported error, so the run does not sit in an active status nobody is driving (issue #4 §3). Claude Code
 * ignores this hook's output and exit code; it prints nothing and always exits 0.
 */
import { STATUS_TABLE } from '../../machines/status-table.js';
import { elapsedMs, type HookIO } from './hook-io.js';
import { mayPauseWorkflow } from './hook-ownership.js';
import { recordHookPause, type HookPauseResult } from './hook-pause.js';
import { appendHookLog, findHookWorkspace, hookConfig, hookState, readJsonFile } from './hook-workspace.js';
import { readLoopFile } from './loop-record.js';
import { parseHookPayload } from './payload.js';

/** The pause reason for a StopFailure `error` (a short code) and `error_details` (free text, clipped). */
export function stopFailureReason(error: string | null, details: string | null): string {
  const code = (error ?? 'unknown').slice(0, 100);
  const more = details ? `: ${details.slice(0, 1_000)}` : '';
  return `Claude Code stopped on an API error (${code})${more}. Fix the cause (rate limit, billing, authentication…), then run \`cccc resume --strategy recommended\`.`;
}

/** Run the StopFailure hook once. */
export async function runStopFailureHook(io: HookIO): Promise<void> {
  const started = process.hrtime.bigint();
  const payload = parseHookPayload((await io.readStdin()).text);
  const paths = findHookWorkspace(payload.cwd, io.env, io.cwd);
  if (paths === null) return;
  const state = hookState(readJsonFile(paths.state));
  const kind = state === null ? null : (STATUS_TABLE[state.status as keyof typeof STATUS_TABLE]?.kind ?? null);
  let why: string;
  let pause: HookPauseResult | null = null;
  if (payload.hookEventName !== null && payload.hookEventName !== 'StopFailure') why = 'not-stop-failure-event';
  else if (kind !== 'active') why = state === null ? 'state-unreadable' : `status-${kind ?? 'unknown'}`;
  else if (!mayPauseWorkflow(readLoopFile(paths.loopDir), payload.sessionId)) why = 'other-session';
  else {
    const config = hookConfig(readJsonFile(paths.config), io.env);
    why = 'api-error';
    pause = config === null
      ? { recorded: false, why: 'config unreadable' }
      : await recordHookPause(
          paths,
          { kind: 'system', reason: stopFailureReason(payload.error, payload.errorDetails), code: `stop_failure:${(payload.error ?? 'unknown').slice(0, 60)}` },
          { at: io.now().toISOString(), limits: config.limits },
        );
  }
  io.stderr(`cccc hook stop-failure: ${pause?.recorded ? 'paused' : 'ignored'} (${why})\n`);
  appendHookLog(
    paths.hookLog,
    {
      at: io.now().toISOString(),
      hook: 'stop-failure',
      sessionId: payload.sessionId,
      event: payload.hookEventName,
      decision: pause?.recorded ? 'pause' : 'ignore',
      why,
      error: payload.error?.slice(0, 100) ?? null,
      status: state?.status ?? null,
      ...(pause ? { pause } : {}),
      ms: elapsedMs(started),
    },
    io.stderr,
  );
}

/**
 * `cccc hook <stop|stop-failure|guard>`: Claude Code hook entry points, reached from `src/bin.ts` before
 * commander is loaded (the Stop hook runs at every stop, issue #4 §1). Each hook module is imported on demand,
 * so the Stop hook never loads the guard's shell parser and neither loads zod, XState or commander on its usual
 * path (the store is imported only to record a pause).
 *
 * They fail open (issue #4 §1; external-interfaces B4/D3): on any internal error the hook exits 0 and prints
 * nothing on stdout, and the error goes to stderr. The exit code is always 0 — a non-zero code would show a
 * "hook error" notice and never block anything.
 */
import { processHookIO, type HookIO } from './hook-io.js';

/** The hook names `cccc hook` accepts. */
export const HOOK_NAMES = ['stop', 'stop-failure', 'guard'] as const;

/**
 * Run the hook named `args[0]` with `io` (default: the real process); resolves to the exit code, always 0.
 * Stdout receives at most one JSON object: anything a hook printed is held back until it finished without
 * throwing, then written in one call.
 */
export async function runHookEntry(args: string[], io: HookIO = processHookIO()): Promise<number> {
  const name = args[0] ?? '';
  let held: string | null = null;
  const guarded: HookIO = {
    ...io,
    stdout: (text) => {
      held = held === null ? text : held;
    },
  };
  try {
    if (name === 'stop') await (await import('./stop-hook.js')).runStopHook(guarded);
    else if (name === 'stop-failure') await (await import('./stop-failure-hook.js')).runStopFailureHook(guarded);
    else if (name === 'guard') await (await import('./guard-hook.js')).runGuardHook(guarded);
    else {
      io.stderr(`cccc hook: unknown hook "${name}" (expected ${HOOK_NAMES.join(', ')}); doing nothing\n`);
      return 0;
    }
  } catch (error) {
    held = null;
    try {
      io.stderr(`cccc hook ${name}: internal error, failing open: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    } catch {
      // stderr closed: nothing left to tell
    }
    return 0;
  }
  if (held !== null) io.stdout(`${held}\n`);
  return 0;
}

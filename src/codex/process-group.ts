/**
 * Killing Codex and everything it started. Codex runs tools (shells, `git`, test runners) as children, so the
 * watchdog kills the whole process group: Codex is spawned `detached` (its own group, pgid = pid) and killed
 * with `process.kill(-pid, 'SIGKILL')` (issue #3 §1). Because a detached group no longer receives the
 * terminal's Ctrl-C, {@link killGroupWhenParentExits} also kills it if cccc itself exits or is interrupted.
 */

/** The part of a subprocess this module needs. */
export interface KillableProcess {
  pid?: number | undefined;
  kill(signal?: NodeJS.Signals): boolean;
}

/**
 * SIGKILL the process group led by `child`; falls back to killing just the child where groups do not exist
 * (Windows) or the group is already gone. Never throws.
 */
export function killProcessGroup(child: KillableProcess): void {
  if (child.pid !== undefined && process.platform !== 'win32') {
    try {
      process.kill(-child.pid, 'SIGKILL');
      return;
    } catch {
      // ESRCH: the group is gone; fall through to the child itself.
    }
  }
  try {
    child.kill('SIGKILL');
  } catch {
    // Already exited.
  }
}

const FORWARDED_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Until the returned disposer is called: on cccc's `exit`, kill the group; on SIGINT/SIGTERM/SIGHUP, kill the
 * group and re-raise the signal with the default behaviour.
 */
export function killGroupWhenParentExits(child: KillableProcess): () => void {
  const onExit = (): void => killProcessGroup(child);
  const onSignal = (signal: NodeJS.Signals): void => {
    dispose();
    killProcessGroup(child);
    process.kill(process.pid, signal);
  };
  process.once('exit', onExit);
  for (const signal of FORWARDED_SIGNALS) process.once(signal, onSignal);
  function dispose(): void {
    process.off('exit', onExit);
    for (const signal of FORWARDED_SIGNALS) process.off(signal, onSignal);
  }
  return dispose;
}

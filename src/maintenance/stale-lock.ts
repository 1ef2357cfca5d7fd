/**
 * The workspace lock as `repair` sees it (issue #5: "a stale lock"). The lock is proper-lockfile's directory
 * `docs/cccc/state.json.lock`; it is stale when its holder stopped refreshing it for {@link LOCK_STALE_MS}
 * (a writer killed with SIGKILL). Removal goes through proper-lockfile itself — taking the stale lock over with
 * our stale time and releasing it — so a live holder's lock is never deleted.
 */
import { stat } from 'node:fs/promises';
import lockfile from 'proper-lockfile';
import { LOCK_STALE_MS } from '../state/lock.js';

/** `none`: no lock; `live`: held and refreshed by a running process; `stale`: left behind by a dead one. */
export type LockCondition = 'none' | 'live' | 'stale';

/** The condition of the lock on `file` (the lock directory is `<file>.lock`). */
export async function inspectLock(file: string): Promise<LockCondition> {
  const present = await stat(`${file}.lock`).then(
    () => true,
    () => false,
  );
  if (!present) return 'none';
  return (await lockfile.check(file, { realpath: false, stale: LOCK_STALE_MS })) ? 'live' : 'stale';
}

/**
 * Remove a stale lock on `file` by taking it over (proper-lockfile removes a lock older than the stale time)
 * and releasing it at once. Returns false when the lock turned out to be live (then it is left alone).
 */
export async function removeStaleLock(file: string): Promise<boolean> {
  try {
    const release = await lockfile.lock(file, { realpath: false, stale: LOCK_STALE_MS, retries: 0 });
    await release();
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') return false;
    throw error;
  }
}

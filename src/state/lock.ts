/**
 * The workspace lock (proper-lockfile), held around every state mutation (brief: "Every state write:
 * proper-lockfile lock → write temp → fsync → rename"). Explicit retries and stale time: a writer killed
 * with SIGKILL leaves a lock that becomes stale after {@link LOCK_STALE_MS} and is then taken over.
 */
import lockfile from 'proper-lockfile';
import { LockedError } from '../errors.js';

/** A lock is stale when its holder has not refreshed it for this long (ms). proper-lockfile's minimum is 2000. */
export const LOCK_STALE_MS = 5000;
/** How often a holder refreshes its lock (ms); must be ≤ stale / 2. */
export const LOCK_UPDATE_MS = 1000;
/** Retry schedule while another process holds the lock: about 30 s in all before `STATE_LOCKED`. */
export const LOCK_RETRIES = { retries: 400, factor: 1.05, minTimeout: 10, maxTimeout: 100, randomize: true } as const;

/**
 * Run `fn` while holding the lock on `file` (the lock is the directory `<file>.lock`; the file itself need
 * not exist). Throws {@link LockedError} `STATE_LOCKED` when the lock cannot be taken within the retries.
 */
export async function withLock<T>(file: string, fn: () => Promise<T>): Promise<T> {
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(file, {
      realpath: false,
      stale: LOCK_STALE_MS,
      update: LOCK_UPDATE_MS,
      retries: LOCK_RETRIES,
      onCompromised: (error) => {
        process.stderr.write(`cccc: lock on ${file} was compromised: ${error.message}\n`);
      },
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') {
      throw new LockedError(
        `Another cccc process holds the lock on ${file}.`,
        `Wait for it to finish. If no cccc is running, the lock becomes stale after ${LOCK_STALE_MS / 1000} s; \`cccc repair\` removes a stale lock.`,
      );
    }
    throw error;
  }
  try {
    return await fn();
  } finally {
    await release().catch(() => undefined);
  }
}

/** True when `file` is locked by a live (non-stale) holder. */
export async function isLocked(file: string): Promise<boolean> {
  return lockfile.check(file, { realpath: false, stale: LOCK_STALE_MS });
}

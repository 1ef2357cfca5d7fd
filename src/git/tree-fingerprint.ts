/**
 * Proof that the read-only reviewer wrote nothing (issue #3 §1): fingerprint the working tree before and after
 * the Codex run; any difference makes the gate `UNSAFE`, naming the changed paths. Peers do the same
 * (reference/peers.md: "git status and content fingerprints before and after each run").
 */
import { createHash } from 'node:crypto';
import { lstat, readlink } from 'node:fs/promises';
import path from 'node:path';
import { FILE_CONCURRENCY, mapWithLimit } from '../files/map-limit.js';
import { sha256File, sha256Text } from '../files/sha256.js';
import { trackedChanges } from './diff.js';
import { CCCC_RUNTIME_PATHS, sortPaths } from './pathspec.js';
import { headCommit } from './repo.js';
import { untrackedFiles } from './untracked.js';

/**
 * The state of a working tree relative to HEAD. `files` maps every tracked path that differs from HEAD
 * (staged or not) and every untracked, not-ignored path to its state: `deleted`, `file <mode> <sha256>`
 * (mode 100644 or 100755), `symlink <sha256 of target>` or `other` (a directory such as a submodule).
 * `sha256` is SHA-256 hex over HEAD and the sorted `path\0state\n` lines, so it equals a hash of
 * `git diff HEAD --binary` plus untracked names and contents in what it can tell apart — except the index:
 * staging alone (`git add`) writes only `.git/` and is not seen.
 */
export interface TreeFingerprint {
  sha256: string;
  head: string | null;
  files: Record<string, string>;
}

/** Name {@link changedPaths} uses when HEAD itself moved (a commit, reset or checkout). */
export const HEAD_CHANGED = '<HEAD>';

/**
 * Fingerprint the working tree of `root`. Runs `git rev-parse HEAD`, `git diff --name-only -z HEAD` and
 * `git ls-files --others --exclude-standard -z`, then hashes each listed file (streamed, 32 at a time).
 * `excluded` (default {@link CCCC_RUNTIME_PATHS}: the logs, runtime files, state, reviews and bundle cccc writes
 * itself during a review) is left out, using the rule of `excludePathspecs`.
 */
export async function treeFingerprint(root: string, excluded: readonly string[] = CCCC_RUNTIME_PATHS): Promise<TreeFingerprint> {
  const [head, tracked, untracked] = await Promise.all([headCommit(root), trackedChanges(root, excluded), untrackedFiles(root, excluded)]);
  const paths = sortPaths(new Set([...tracked, ...untracked]));
  const states = await mapWithLimit(paths, FILE_CONCURRENCY, (file) => pathState(path.join(root, file)));
  const files: Record<string, string> = {};
  const hash = createHash('sha256').update(`head\0${head ?? 'unborn'}\n`);
  paths.forEach((file, index) => {
    files[file] = states[index] as string;
    hash.update(`${file}\0${files[file]}\n`);
  });
  return { sha256: hash.digest('hex'), head, files };
}

/** The state string of one path (see {@link TreeFingerprint}); never follows a symlink. */
async function pathState(file: string): Promise<string> {
  let stat;
  try {
    stat = await lstat(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'deleted';
    throw error;
  }
  if (stat.isSymbolicLink()) return `symlink ${sha256Text(await readlink(file))}`;
  if (!stat.isFile()) return 'other';
  return `file ${(stat.mode & 0o111) !== 0 ? '100755' : '100644'} ${await sha256File(file)}`;
}

/**
 * Paths whose state differs between two fingerprints (appeared, disappeared or changed), sorted, with
 * {@link HEAD_CHANGED} first when HEAD moved. Empty means the tree is as it was.
 */
export function changedPaths(before: TreeFingerprint, after: TreeFingerprint): string[] {
  const names = new Set([...Object.keys(before.files), ...Object.keys(after.files)]);
  const changed = sortPaths([...names].filter((name) => before.files[name] !== after.files[name]));
  return before.head === after.head ? changed : [HEAD_CHANGED, ...changed];
}

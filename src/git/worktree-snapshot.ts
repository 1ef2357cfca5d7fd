/**
 * Working-tree snapshots as git tree objects. A snapshot is the tree of the whole work tree — tracked
 * changes, staged or not, and untracked files that are not ignored — built in a private index file, so the
 * user's index, HEAD and branches are never touched and nothing is committed.
 *
 * Why trees and not commits: Claude rarely commits between milestones, so "the diff since the milestone
 * began" must include uncommitted and untracked work. The diff between two snapshots is exactly that, and a
 * snapshot hash is a fingerprint of the code that does not change when the user merely commits it.
 *
 * `docs/cccc/` is excluded: it holds cccc's own runtime files and the planning docs, which the gates track
 * separately (a decision-log entry must not look like a code change).
 */
import { copyFile, mkdtemp, rm, stat, utimes } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';

/** Paths left out of every snapshot (git pathspecs, relative to the repository root). */
export const SNAPSHOT_EXCLUDES = ['docs/cccc'] as const;

/** The empty tree's hash (SHA-1 object format): the base before anything exists. */
export const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

async function git(root: string, args: string[], env: Record<string, string> = {}): Promise<string> {
  const { stdout } = await execa('git', args, { cwd: root, env: { ...env, GIT_OPTIONAL_LOCKS: '0' }, stripFinalNewline: true });
  return stdout;
}

/**
 * Snapshot the work tree at `root` into a tree object and return its hash (40 hex characters).
 * Runs `git add -A` into a copy of the index (so stat data is reused and big repositories stay fast), then
 * `git write-tree`. Throws when `root` is not a git repository.
 */
export async function snapshotWorktree(root: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cccc-index-'));
  const index = path.join(dir, 'index');
  try {
    const realIndex = path.resolve(root, await git(root, ['rev-parse', '--git-path', 'index']));
    // Keep the copy's mtime: git's racy-clean check compares file mtimes with the index's own mtime, and a fresh
    // mtime would make a same-size edit made right after the real index was written look unchanged.
    await copyFile(realIndex, index)
      .then(async () => {
        const { atime, mtime } = await stat(realIndex);
        await utimes(index, atime, mtime);
      })
      .catch(() => undefined);
    const env = { GIT_INDEX_FILE: index };
    const excludes = SNAPSHOT_EXCLUDES.map((p) => `:(exclude)${p}`);
    await git(root, ['add', '-A', '--', '.', ...excludes], env);
    // Files under the excluded paths may already be in the copied index; drop them from the snapshot.
    await git(root, ['rm', '-r', '--cached', '-q', '--ignore-unmatch', '--', ...SNAPSHOT_EXCLUDES], env);
    return await git(root, ['write-tree'], env);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** `git diff --numstat` between two snapshots: changed lines (added + removed; binary files count 0) and files. */
export async function snapshotDiffStat(root: string, base: string, head: string): Promise<{ lines: number; files: number }> {
  const out = await git(root, ['diff', '--numstat', '-z', '--no-renames', base, head]);
  let lines = 0;
  let files = 0;
  for (const record of out.split('\0')) {
    const m = /^(\d+|-)\t(\d+|-)\t/.exec(record);
    if (!m) continue;
    files += 1;
    if (m[1] !== '-') lines += Number(m[1]);
    if (m[2] !== '-') lines += Number(m[2]);
  }
  return { lines, files };
}

/** The unified diff between two snapshots (`git diff --stat` first, then the patch), as text. */
export async function snapshotDiff(root: string, base: string, head: string): Promise<{ stat: string; patch: string }> {
  const stat = await git(root, ['diff', '--stat=200', '--no-renames', base, head]);
  const patch = await git(root, ['diff', '--no-renames', '--no-color', base, head]);
  return { stat, patch };
}

/** Paths that differ between two snapshots (for naming what changed after an approval). */
export async function snapshotChangedPaths(root: string, base: string, head: string): Promise<string[]> {
  const out = await git(root, ['diff', '--name-only', '-z', '--no-renames', base, head]);
  return out.split('\0').filter(Boolean).sort();
}

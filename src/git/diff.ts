/**
 * Changes against a base: the patch, the changed paths, the line counts. "Tracked changes vs base" means the
 * working tree (staged and unstaged edits together) compared with `base` — `git diff <base>` — and with an
 * unborn HEAD the base is the empty tree, so staged files of a first commit count as added. A snapshot-tree
 * base is compared with a snapshot of now instead (see range.ts).
 */
import { DIFF_FLAGS, runGit } from './exec.js';
import { excludePathspecs, splitNul, sortPaths } from './pathspec.js';
import { diffRange } from './range.js';
import { resolveBase } from './repo.js';

/**
 * The patch of tracked changes since `base` (null = HEAD, or the empty tree when unborn) —
 * `git diff <DIFF_FLAGS> <base> -- . <excludes>`; for a snapshot-tree base, `git diff <base> <snapshot now>`,
 * which also holds untracked files (range.ts). Binary files show as "Binary files … differ". Buffered
 * (up to 128 MiB): for large diffs use `diffSections` (streamed, per-file capped) instead.
 */
export async function diffText(root: string, base: string | null, excluded: readonly string[] = []): Promise<string> {
  const range = await diffRange(root, base);
  return (await runGit(root, ['diff', ...DIFF_FLAGS, ...range.revs, '--', ...excludePathspecs(excluded)])).stdout;
}

/**
 * Paths of tracked files that differ from HEAD, staged or not, deletions included (sorted) —
 * `git diff --name-only -z --no-renames HEAD -- . <excludes>` (empty tree when HEAD is unborn).
 */
export async function trackedChanges(root: string, excluded: readonly string[] = []): Promise<string[]> {
  const from = await resolveBase(root, null);
  const { stdout } = await runGit(root, ['diff', '--name-only', '-z', '--no-renames', '--no-relative', from, '--', ...excludePathspecs(excluded)]);
  return sortPaths(splitNul(stdout));
}

/** One row of `git diff --numstat`: lines added and removed (null for a binary file). */
export interface NumstatRow {
  path: string;
  added: number | null;
  removed: number | null;
}

/**
 * Per-file line counts since `base` — `git diff --numstat -z <DIFF_FLAGS> <revs> -- . <excludes>` over the
 * {@link diffRange} (so `untrackedIncluded` says whether untracked files are already counted).
 */
export async function diffNumstat(root: string, base: string | null, excluded: readonly string[] = []): Promise<{ rows: NumstatRow[]; untrackedIncluded: boolean }> {
  const range = await diffRange(root, base);
  const { stdout } = await runGit(root, ['diff', '--numstat', '-z', ...DIFF_FLAGS, ...range.revs, '--', ...excludePathspecs(excluded)]);
  // With --no-renames and -z each record is `added\tremoved\tpath\0`.
  const rows = splitNul(stdout).map((record) => {
    const [added = '-', removed = '-', ...rest] = record.split('\t');
    return { path: rest.join('\t'), added: added === '-' ? null : Number(added), removed: removed === '-' ? null : Number(removed) };
  });
  return { rows, untrackedIncluded: range.untrackedIncluded };
}

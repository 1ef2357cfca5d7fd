/**
 * What "the diff since base" compares. A base is either a commit (or null: HEAD, the empty tree when unborn), or
 * a working-tree snapshot — a git tree written by `snapshotWorktree` (worktree-snapshot.ts), which is what the
 * machine records as `milestoneBase`/`runBase`. A snapshot holds the untracked files of its moment, so comparing
 * it with the working tree (`git diff <tree>`) would show those files as deleted; it must be compared with a
 * snapshot of now instead (`git diff <tree> <snapshot now>`), which also includes today's untracked files.
 */
import { runGit } from './exec.js';
import { EMPTY_TREE } from './pathspec.js';
import { resolveBase } from './repo.js';
import { snapshotWorktree } from './worktree-snapshot.js';

/** The revisions to hand `git diff`, and whether untracked files are already in that diff. */
export interface DiffRange {
  /** `[base]` (base against the working tree) or `[base, snapshotNow]` (tree against tree). */
  revs: string[];
  /** True for a snapshot comparison: untracked files appear in the diff as added files. */
  untrackedIncluded: boolean;
}

/** The object type of `rev` — `git cat-file -t <rev>` (`commit`, `tree`, …). Throws `GIT_UNKNOWN_REVISION` if absent. */
export async function objectType(root: string, rev: string): Promise<string> {
  return (await runGit(root, ['cat-file', '-t', rev])).stdout.trim();
}

/**
 * The {@link DiffRange} for "since `base`": a commit, null (HEAD or the empty tree) or the empty tree compare
 * with the working tree (untracked files must be added by the caller); any other tree is a snapshot and is
 * compared with a fresh snapshot of the working tree (`docs/cccc/` excluded, as in every snapshot).
 */
export async function diffRange(root: string, base: string | null): Promise<DiffRange> {
  const from = await resolveBase(root, base);
  if (from === EMPTY_TREE || (await objectType(root, from)) !== 'tree') return { revs: [from], untrackedIncluded: false };
  return { revs: [from, await snapshotWorktree(root)], untrackedIncluded: true };
}

/** Size of the work since a base, for the per-milestone diff limits (issue #2: `max_diff_lines_per_milestone`). */
import path from 'node:path';
import type { DiffStat } from '../../machines/types.js';
import { countLines } from '../files/count-lines.js';
import { FILE_CONCURRENCY, mapWithLimit } from '../files/map-limit.js';
import { diffNumstat } from './diff.js';
import { CCCC_WORKSPACE_PATHS } from './pathspec.js';
import { untrackedFiles } from './untracked.js';

/**
 * Lines (added + removed) and files changed since `base` (null = HEAD, empty tree when unborn), untracked
 * files included: each counts as one file and all its lines as added (as `git add -N` then numstat would).
 * Binary files count as a file with 0 lines. Runs `git diff --numstat -z <base>` and
 * `git ls-files --others --exclude-standard -z`, then counts untracked lines by streaming each file; for a
 * snapshot-tree base, `git diff --numstat <base> <snapshot now>` alone (range.ts).
 * `excluded` defaults to the cccc workspace (`docs/cccc/`): planning docs and state are not code.
 */
export async function diffStat(root: string, base: string | null, excluded: readonly string[] = CCCC_WORKSPACE_PATHS): Promise<DiffStat> {
  const [{ rows, untrackedIncluded }, listed] = await Promise.all([diffNumstat(root, base, excluded), untrackedFiles(root, excluded)]);
  // A snapshot-tree base already counts untracked files (range.ts).
  const untracked = untrackedIncluded ? [] : listed;
  const tracked = rows.reduce((sum, row) => sum + (row.added ?? 0) + (row.removed ?? 0), 0);
  const counts = await mapWithLimit(untracked, FILE_CONCURRENCY, (file) => countLines(path.join(root, file)));
  const added = counts.reduce<number>((sum, lines) => sum + (lines ?? 0), 0);
  return { lines: tracked + added, files: rows.length + untracked.length };
}

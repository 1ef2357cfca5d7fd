/** Whether the working tree has any change at all. */
import { runGit } from './exec.js';
import { excludePathspecs } from './pathspec.js';

/**
 * True when anything is staged, modified, deleted or untracked (ignored files do not count) —
 * `git status --porcelain=v1 -z --untracked-files=normal -- . <excludes>` prints anything.
 */
export async function isDirty(root: string, excluded: readonly string[] = []): Promise<boolean> {
  const { stdout } = await runGit(root, ['status', '--porcelain=v1', '-z', '--untracked-files=normal', '--', ...excludePathspecs(excluded)]);
  return stdout.length > 0;
}

/** Untracked files: what `git status` shows as `??`, minus ignored files. */
import { runGit } from './exec.js';
import { excludePathspecs, splitNul, sortPaths } from './pathspec.js';

/**
 * Untracked, not-ignored files, repo-relative, sorted — `git ls-files --others --exclude-standard -z -- . <excludes>`.
 * Lists files, not directories (every file of a new folder). `excluded` uses the {@link excludePathspecs} rule.
 */
export async function untrackedFiles(root: string, excluded: readonly string[] = []): Promise<string[]> {
  const { stdout } = await runGit(root, ['ls-files', '--others', '--exclude-standard', '-z', '--', ...excludePathspecs(excluded)]);
  return sortPaths(splitNul(stdout));
}

/**
 * Finding the repository root from the current directory without spawning git (the Stop hook and
 * `status` must be fast): the nearest ancestor holding `docs/cccc/config.json`, else the nearest holding
 * `.git`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { NotSetUpError } from '../errors.js';

/** The nearest ancestor of `cwd` (inclusive) containing `relative`, or null. */
export function findUp(cwd: string, relative: string): string | null {
  let dir = path.resolve(cwd);
  for (;;) {
    if (existsSync(path.join(dir, relative))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/**
 * The workspace root for `cwd`: where `docs/cccc/config.json` is, else the git root. Throws
 * {@link NotSetUpError} `NOT_A_GIT_REPO` when neither exists.
 */
export function findWorkspaceRoot(cwd: string): string {
  const root = findUp(cwd, path.join('docs', 'cccc', 'config.json')) ?? findUp(cwd, '.git');
  if (root === null) {
    throw new NotSetUpError('NOT_A_GIT_REPO', `${cwd} is not inside a git repository.`, 'Run cccc inside your project (git init first if it has no repository).');
  }
  return root;
}

/** Repository identity: where the root is, what HEAD is, and which commit a diff starts from. */
import { existsSync } from 'node:fs';
import { NotSetUpError } from '../errors.js';
import { runGit } from './exec.js';
import { EMPTY_TREE } from './pathspec.js';

/**
 * Absolute path of the repository root containing `cwd` — `git rev-parse --show-toplevel`.
 * Throws NotSetUpError `NOT_A_GIT_REPO` (hint: `git init`) outside a repository, `GIT_NOT_FOUND` without git.
 */
export async function repoRoot(cwd: string): Promise<string> {
  const notARepo = new NotSetUpError('NOT_A_GIT_REPO', `${cwd} is not inside a git repository.`, 'Run `git init` in your project folder (cccc needs git to diff and fingerprint your work).');
  if (!existsSync(cwd)) throw notARepo;
  try {
    const { stdout } = await runGit(cwd, ['rev-parse', '--show-toplevel']);
    return stdout.trim();
  } catch (error) {
    if (error instanceof NotSetUpError) throw error;
    throw notARepo;
  }
}

/** The full HEAD commit id, or null for an unborn HEAD (no commit yet) — `git rev-parse --verify --quiet HEAD^{commit}`. */
export async function headCommit(root: string): Promise<string | null> {
  const { stdout, exitCode } = await runGit(root, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], { okExitCodes: [1] });
  return exitCode === 0 ? stdout.trim() : null;
}

/**
 * The tree-ish a diff starts from: `base` when given, else HEAD, else the empty tree ({@link EMPTY_TREE})
 * when HEAD is unborn — so "changes since base" is defined in a brand-new repository too.
 */
export async function resolveBase(root: string, base: string | null): Promise<string> {
  if (base !== null) return base;
  return (await headCommit(root)) ?? EMPTY_TREE;
}

/**
 * Staging and committing exactly named paths (issue #5 `cccc checkpoint commit`: "stages only files that the
 * approved diff contained — never `git add -A`"). Pathspecs are literal (`--literal-pathspecs`), so a file named
 * `*.ts` or `:(glob)x` is that file and nothing else.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { runGit } from './exec.js';

const LITERAL = ['--literal-pathspecs'];

/** Paths with staged changes (index differs from HEAD; every staged path when HEAD is unborn), sorted. */
export async function stagedPaths(root: string): Promise<string[]> {
  const head = await runGit(root, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], { okExitCodes: [1] });
  const args = head.exitCode === 0 ? ['diff', '--cached', '--name-only', '-z', '--no-renames'] : ['ls-files', '--cached', '-z'];
  const { stdout } = await runGit(root, args);
  return stdout.split('\0').filter(Boolean).sort();
}

/**
 * Stage exactly `paths` (repo-relative): files that exist are added with `git add`, missing ones are staged as
 * deletions with `git rm --cached`. Nothing else in the work tree is touched.
 */
export async function stagePaths(root: string, paths: readonly string[]): Promise<void> {
  const present = paths.filter((p) => existsSync(path.join(root, p)));
  const gone = paths.filter((p) => !existsSync(path.join(root, p)));
  if (present.length) await runGit(root, [...LITERAL, 'add', '--', ...present]);
  if (gone.length) await runGit(root, [...LITERAL, 'rm', '--cached', '-q', '--ignore-unmatch', '--', ...gone]);
}

/** Commit what is staged with `message` (no `--allow-empty`); returns the new HEAD commit id. */
export async function commitStaged(root: string, message: string): Promise<string> {
  await runGit(root, ['commit', '-q', '-m', message]);
  const { stdout } = await runGit(root, ['rev-parse', 'HEAD']);
  return stdout.trim();
}

/**
 * A throw-away folder for a real-client test: `repo/` (a git repository with one commit) and `home/` (the
 * child's HOME / CODEX_HOME). Call `cleanup()` in afterAll.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';

/** Paths of one scratch area; every path is absolute and inside `root`. */
export interface ScratchRepo {
  root: string;
  repo: string;
  home: string;
  cleanup(): Promise<void>;
}

/**
 * Creates `<tmp>/cccc-<label>-XXXXXX/{repo,home}`, runs `git init` and an empty initial commit in `repo`
 * (identity given with -c so no global git config is needed).
 */
export async function makeScratchRepo(label: string): Promise<ScratchRepo> {
  const root = await mkdtemp(join(tmpdir(), `cccc-${label}-`));
  const repo = join(root, 'repo');
  const home = join(root, 'home');
  await mkdir(repo);
  await mkdir(home);
  const git = (...args: string[]) =>
    execa('git', ['-c', 'user.name=cccc test', '-c', 'user.email=test@example.invalid', ...args], { cwd: repo, env: { HOME: home } });
  await git('init', '-q');
  await git('commit', '-q', '--allow-empty', '-m', 'initial');
  return { root, repo, home, cleanup: () => rm(root, { recursive: true, force: true }) };
}

import { mkdirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NotSetUpError } from '../../src/errors.js';
import {
  CCCC_WORKSPACE_PATHS,
  EMPTY_TREE,
  diffNumstat,
  diffStat,
  diffText,
  excludePathspecs,
  headCommit,
  isExcluded,
  isDirty,
  repoRoot,
  resolveBase,
  trackedChanges,
  untrackedFiles,
} from '../../src/git/index.js';
import { snapshotWorktree } from '../../src/git/worktree-snapshot.js';
import { tempRepo } from '../helpers/git-repo.js';
import { tempDir } from '../helpers/tmp.js';

describe('repoRoot', () => {
  it('finds the root from a subfolder', async () => {
    const repo = tempRepo();
    mkdirSync(path.join(repo.root, 'a', 'b'), { recursive: true });
    expect(await repoRoot(path.join(repo.root, 'a', 'b'))).toBe(realpathSync(repo.root));
  });

  it.each([['a plain folder', () => tempDir()], ['a missing folder', () => path.join(tempDir(), 'nope')]])('throws NOT_A_GIT_REPO with a git init hint in %s', async (_, dir) => {
    const error = await repoRoot(dir()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotSetUpError);
    expect(error).toMatchObject({ code: 'NOT_A_GIT_REPO', exitCode: 7 });
    expect((error as NotSetUpError).hint).toContain('git init');
  });
});

describe('headCommit and resolveBase', () => {
  it('is null for an unborn HEAD and resolves the base to the empty tree', async () => {
    const repo = tempRepo();
    expect(await headCommit(repo.root)).toBeNull();
    expect(await resolveBase(repo.root, null)).toBe(EMPTY_TREE);
  });

  it('is the commit id after a commit; an explicit base wins', async () => {
    const repo = tempRepo();
    repo.write('a.txt', 'a\n');
    const head = repo.commitAll();
    expect(await headCommit(repo.root)).toBe(head);
    expect(await resolveBase(repo.root, null)).toBe(head);
    expect(await resolveBase(repo.root, 'abc')).toBe('abc');
  });
});

describe('diffStat', () => {
  it('counts tracked edits (staged and unstaged) and untracked files with their lines', async () => {
    const repo = tempRepo();
    repo.write('a.txt', 'one\ntwo\nthree\n');
    repo.write('b.txt', 'b\n');
    repo.commitAll();
    repo.write('a.txt', 'one\nTWO\nthree\nfour\n'); // +2 -1
    repo.write('b.txt', 'b\nc\n'); // +1
    repo.git('add', 'b.txt'); // staged counts too
    repo.write('new/u.txt', 'x\ny\nz'); // untracked, 3 lines (last without newline)
    expect(await diffStat(repo.root, null)).toEqual({ lines: 7, files: 3 });
  });

  it('works with an unborn HEAD (staged files count as added)', async () => {
    const repo = tempRepo();
    repo.write('staged.txt', '1\n2\n');
    repo.git('add', 'staged.txt');
    repo.write('loose.txt', '1\n');
    expect(await diffStat(repo.root, null)).toEqual({ lines: 3, files: 2 });
    expect(await diffText(repo.root, null)).toContain('+++ b/staged.txt');
  });

  it('counts binary files (tracked or untracked) as a file with 0 lines', async () => {
    const repo = tempRepo();
    repo.write('bin.dat', Buffer.from([1, 0, 2, 3]));
    repo.commitAll();
    repo.write('bin.dat', Buffer.from([1, 0, 2, 4, 5]));
    repo.write('new.bin', Buffer.from([0, 0, 10, 10, 10]));
    expect(await diffStat(repo.root, null)).toEqual({ lines: 0, files: 2 });
    const { rows } = await diffNumstat(repo.root, null);
    expect(rows).toEqual([{ path: 'bin.dat', added: null, removed: null }]);
  });

  it('leaves out docs/cccc/ by default and counts it when asked', async () => {
    const repo = tempRepo();
    repo.write('src.ts', 'x\n');
    repo.commitAll();
    repo.write('docs/cccc/roadmap.md', 'a\nb\n');
    expect(await diffStat(repo.root, null)).toEqual({ lines: 0, files: 0 });
    expect(await diffStat(repo.root, null, [])).toEqual({ lines: 2, files: 1 });
    expect(CCCC_WORKSPACE_PATHS).toEqual(['docs/cccc/']);
  });

  it('compares a snapshot-tree base with a snapshot of now: untracked files at the base are not counted again', async () => {
    const repo = tempRepo();
    repo.write('a.txt', 'a\n');
    repo.commitAll();
    repo.write('old-untracked.txt', '1\n2\n');
    const base = await snapshotWorktree(repo.root);
    repo.write('new-untracked.txt', '1\n');
    repo.write('a.txt', 'a\nb\n');
    expect(await diffStat(repo.root, base)).toEqual({ lines: 2, files: 2 });
    const patch = await diffText(repo.root, base);
    expect(patch).toContain('new-untracked.txt');
    expect(patch).not.toContain('old-untracked.txt');
  });

  it('names an unknown base in a typed error', async () => {
    const repo = tempRepo();
    repo.write('a.txt', 'a\n');
    repo.commitAll();
    await expect(diffStat(repo.root, 'deadbeef'.repeat(5))).rejects.toMatchObject({ code: 'GIT_UNKNOWN_REVISION' });
  });
});

describe('untrackedFiles, trackedChanges, isDirty', () => {
  it('lists untracked files (not ignored), sorted, with exclusions', async () => {
    const repo = tempRepo();
    repo.write('.gitignore', 'ignored.txt\n');
    repo.write('z.txt', 'z');
    repo.write('a b/é.txt', 'x');
    repo.write('ignored.txt', 'i');
    repo.write('docs/cccc/logs/journal.jsonl', '{}');
    expect(await untrackedFiles(repo.root)).toEqual(['.gitignore', 'a b/é.txt', 'docs/cccc/logs/journal.jsonl', 'z.txt']);
    expect(await untrackedFiles(repo.root, ['docs/cccc/logs/', 'z.txt'])).toEqual(['.gitignore', 'a b/é.txt']);
  });

  it('lists tracked paths that differ from HEAD, deletions and staged edits included', async () => {
    const repo = tempRepo();
    repo.write('a.txt', 'a');
    repo.write('b.txt', 'b');
    repo.write('c.txt', 'c');
    repo.commitAll();
    repo.git('rm', '-q', 'a.txt');
    repo.write('b.txt', 'B');
    repo.write('u.txt', 'untracked');
    expect(await trackedChanges(repo.root)).toEqual(['a.txt', 'b.txt']);
    expect(await isDirty(repo.root)).toBe(true);
  });

  it('is clean after a commit, and ignores excluded paths', async () => {
    const repo = tempRepo();
    repo.write('a.txt', 'a');
    repo.commitAll();
    expect(await isDirty(repo.root)).toBe(false);
    repo.write('docs/cccc/state.json', '{}');
    expect(await isDirty(repo.root)).toBe(true);
    expect(await isDirty(repo.root, ['docs/cccc/'])).toBe(false);
  });
});

describe('exclusion lists', () => {
  it('turn into literal exclude pathspecs (a trailing / means a folder) and the same rule in TypeScript', () => {
    expect(excludePathspecs(['docs/cccc/logs/', 'docs/cccc/state.json'])).toEqual([
      '.',
      ':(exclude,literal)docs/cccc/logs',
      ':(exclude,literal)docs/cccc/state.json',
    ]);
    const list = ['docs/cccc/logs/', 'docs/cccc/state.json'];
    expect(isExcluded('docs/cccc/logs/journal.jsonl', list)).toBe(true);
    expect(isExcluded('docs/cccc/state.json', list)).toBe(true);
    expect(isExcluded('docs/cccc/state.json.bak', list)).toBe(false);
    expect(isExcluded('docs/cccc/logsheet.md', list)).toBe(false);
  });
});

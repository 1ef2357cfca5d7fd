import { chmodSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CCCC_RUNTIME_PATHS, changedPaths, HEAD_CHANGED, treeFingerprint } from '../../src/git/index.js';
import { tempRepo, type TempRepo } from '../helpers/git-repo.js';

function committedRepo(): TempRepo {
  const repo = tempRepo();
  repo.write('src/a.ts', 'export const a = 1;\n');
  repo.write('src/b.ts', 'export const b = 2;\n');
  repo.write('docs/cccc/state.json', '{"revision":0}\n');
  repo.commitAll();
  repo.write('src/b.ts', 'export const b = 3;\n'); // already dirty before the review
  return repo;
}

describe('treeFingerprint / changedPaths', () => {
  it('is stable when nothing changes', async () => {
    const repo = committedRepo();
    const before = await treeFingerprint(repo.root);
    const after = await treeFingerprint(repo.root);
    expect(after).toEqual(before);
    expect(changedPaths(before, after)).toEqual([]);
    expect(Object.keys(before.files)).toEqual(['src/b.ts']);
  });

  it('names a new untracked file and a modified tracked file', async () => {
    const repo = committedRepo();
    const before = await treeFingerprint(repo.root);
    repo.write('notes/new.md', 'written by the reviewer\n');
    repo.write('src/a.ts', 'export const a = 42;\n');
    const after = await treeFingerprint(repo.root);
    expect(after.sha256).not.toBe(before.sha256);
    expect(changedPaths(before, after)).toEqual(['notes/new.md', 'src/a.ts']);
  });

  it('sees a further edit of an already-dirty file, its revert, a deletion and a mode change', async () => {
    const repo = committedRepo();
    const before = await treeFingerprint(repo.root);
    repo.write('src/b.ts', 'export const b = 4;\n');
    rmSync(path.join(repo.root, 'src/a.ts'));
    expect(changedPaths(before, await treeFingerprint(repo.root))).toEqual(['src/a.ts', 'src/b.ts']);

    const repo2 = committedRepo();
    const before2 = await treeFingerprint(repo2.root);
    repo2.write('src/b.ts', 'export const b = 2;\n'); // back to HEAD: no longer a change
    chmodSync(path.join(repo2.root, 'src/a.ts'), 0o755);
    expect(changedPaths(before2, await treeFingerprint(repo2.root))).toEqual(['src/a.ts', 'src/b.ts']);
  });

  it('ignores the files cccc writes during a review (the default exclusion list)', async () => {
    const repo = committedRepo();
    const before = await treeFingerprint(repo.root);
    repo.write('docs/cccc/logs/journal.jsonl', '{"revision":1}\n');
    repo.write('docs/cccc/runtime/loop/state.json', '{}');
    repo.write('docs/cccc/state.json', '{"revision":1}\n');
    repo.write('docs/cccc/reviews/milestones/M001-r1-1.json', '{}');
    repo.write('docs/cccc/context-bundle.md', '# bundle\n');
    const after = await treeFingerprint(repo.root);
    expect(changedPaths(before, after)).toEqual([]);
    expect(after.sha256).toBe(before.sha256);
    expect(CCCC_RUNTIME_PATHS).toContain('docs/cccc/state.json');
  });

  it('takes the exclusion list as a parameter: a planning doc written by the reviewer is caught', async () => {
    const repo = committedRepo();
    const before = await treeFingerprint(repo.root, ['docs/cccc/logs/']);
    repo.write('docs/cccc/roadmap.md', 'rewritten\n');
    repo.write('docs/cccc/state.json', '{"revision":2}\n');
    expect(changedPaths(before, await treeFingerprint(repo.root, ['docs/cccc/logs/']))).toEqual(['docs/cccc/roadmap.md', 'docs/cccc/state.json']);
  });

  it('reports a moved HEAD and hashes a symlink by its target without following it', async () => {
    const repo = committedRepo();
    symlinkSync('/etc/hostname', path.join(repo.root, 'link'));
    const before = await treeFingerprint(repo.root);
    expect(before.files.link).toMatch(/^symlink [0-9a-f]{64}$/);
    repo.commitAll('reviewer commits');
    const after = await treeFingerprint(repo.root);
    expect(changedPaths(before, after)).toEqual([HEAD_CHANGED, 'link', 'src/b.ts']);
  });

  it('works in a repository with no commit yet', async () => {
    const repo = tempRepo();
    repo.write('a.txt', 'a');
    const before = await treeFingerprint(repo.root);
    expect(before.head).toBeNull();
    repo.write('b.txt', 'b');
    expect(changedPaths(before, await treeFingerprint(repo.root))).toEqual(['b.txt']);
  });
});

/**
 * A self-cleaning temporary git repository for tests of src/git, src/bundle and src/gates: `git init -q` with a
 * local identity, plus small helpers to write files and commit. Removed after each test (helpers/tmp.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { git, tempDir } from './tmp.js';

/** A temp repository and helpers bound to it. */
export interface TempRepo {
  root: string;
  /** Write `content` to repo-relative `file`, creating folders. */
  write(file: string, content: string | Buffer): string;
  /** Run git in the repo (fixed identity); returns stdout. */
  git(...args: string[]): string;
  /** `git add -A && git commit -m <message>`; returns the new HEAD. */
  commitAll(message?: string): string;
}

/** A fresh repository (no commit yet, so HEAD is unborn until `commitAll`). */
export function tempRepo(): TempRepo {
  const root = tempDir('cccc-git-');
  git(root, 'init', '-q');
  const repo: TempRepo = {
    root,
    write(file, content) {
      const abs = path.join(root, file);
      mkdirSync(path.dirname(abs), { recursive: true });
      writeFileSync(abs, content);
      return abs;
    },
    git: (...args) => git(root, ...args),
    commitAll(message = 'commit') {
      git(root, 'add', '-A');
      git(root, 'commit', '-q', '--allow-empty', '-m', message);
      return git(root, 'rev-parse', 'HEAD').trim();
    },
  };
  return repo;
}

/**
 * Self-cleaning temporary directories and workspaces for tests: `tempDir()` registers the directory for
 * removal after the current test; `tempWorkspace()` also runs `git init` and writes a recommended config and
 * an initial state.json, as `cccc setup` would.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { recommendedConfig } from '../../src/config/presets.js';
import type { CcccConfig } from '../../src/config/schema.js';
import { initialEnvelope } from '../../src/state/store.js';
import { serializeEnvelope } from '../../src/state/envelope.js';
import { workspacePaths, type WorkspacePaths } from '../../src/workspace/paths.js';

const created: string[] = [];
afterEach(() => {
  while (created.length) rmSync(created.pop()!, { recursive: true, force: true });
});

/** A fresh temporary directory, removed after the current test. */
export function tempDir(prefix = 'cccc-test-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/** Run git in `cwd` with a fixed identity. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.email=test@cccc.local', '-c', 'user.name=cccc test', ...args], { cwd, encoding: 'utf8' });
}

/** A temp git repository with docs/cccc/config.json (recommended, optionally modified) and state.json at revision 0. */
export function tempWorkspace(edit: (c: CcccConfig) => void = () => undefined): WorkspacePaths {
  const root = tempDir();
  git(root, 'init', '-q');
  const paths = workspacePaths(root);
  mkdirSync(paths.logs, { recursive: true });
  const config = recommendedConfig();
  edit(config);
  writeFileSync(paths.config, `${JSON.stringify(config, null, 2)}\n`);
  writeFileSync(paths.state, serializeEnvelope(initialEnvelope('2026-11-21T00:00:00.000Z')));
  return paths;
}

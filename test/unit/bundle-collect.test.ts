import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContextBundle, collectBundleParts, writeContextBundle, type ContextBundleInput } from '../../src/bundle/index.js';
import { snapshotWorktree } from '../../src/git/worktree-snapshot.js';
import { workspacePaths } from '../../src/workspace/paths.js';
import { LIMITS, milestone } from '../helpers/events.js';
import { tempRepo, type TempRepo } from '../helpers/git-repo.js';
import { tempDir } from '../helpers/tmp.js';

function input(repo: TempRepo, extra: Partial<ContextBundleInput> = {}): ContextBundleInput {
  const m = milestone('M001');
  return {
    paths: workspacePaths(repo.root),
    task: 'add rate limiting',
    limits: LIMITS,
    gate: 'milestone',
    milestone: m,
    milestones: [m],
    priorFindings: [],
    baseCommit: null,
    maxBytes: 200_000,
    ...extra,
  };
}

/** A repository with planning docs and one commit. */
function project(): TempRepo {
  const repo = tempRepo();
  repo.write('docs/cccc/architecture.md', '# Architecture\n\nHexagonal.\n');
  repo.write('docs/cccc/decision-log.md', '# Decisions\n');
  repo.write('src/app.ts', 'export const app = 1;\n');
  repo.write('.env', 'API_KEY=committed-secret-value\n');
  repo.commitAll('initial');
  return repo;
}

describe('collectBundleParts / buildContextBundle in a git repository', () => {
  it('never includes secret-looking content, and lists those files by name under Withheld', async () => {
    const repo = project();
    repo.write('.env', 'API_KEY=changed-secret-value\n'); // tracked and modified
    repo.write('config/.env.production', 'DB_PASSWORD=hunter2-secret\n');
    repo.write('certs/server.pem', '-----BEGIN PRIVATE KEY-----\nPEM-SECRET-BODY\n');
    repo.write('.env.example', 'API_KEY=put-your-key-here\n');
    repo.write('src/app.ts', 'export const app = 2;\n');
    const bundle = await buildContextBundle(input(repo));
    for (const secret of ['committed-secret-value', 'changed-secret-value', 'hunter2-secret', 'PEM-SECRET-BODY']) expect(bundle.text).not.toContain(secret);
    expect(bundle.withheld).toEqual(['.env', 'certs/server.pem', 'config/.env.production']);
    expect(bundle.text).toContain('- .env\n- certs/server.pem\n- config/.env.production\n');
    expect(bundle.text).toContain('+API_KEY=put-your-key-here');
    expect(bundle.text).toContain('+export const app = 2;');
  });

  it('leaves out backups, logs, runtime files, earlier bundles, .claude/, node_modules/ and .git internals', async () => {
    const repo = project();
    const excluded = {
      'docs/cccc/backups/reset-1/state.json': 'BACKUP-MARKER',
      'docs/cccc/logs/journal.jsonl': 'LOG-MARKER',
      'docs/cccc/logs/hooks.jsonl': 'HOOK-MARKER',
      'docs/cccc/runtime/loop/prompt.md': 'RUNTIME-MARKER',
      'docs/cccc/context-bundle.md': 'OLD-BUNDLE-MARKER',
      'docs/cccc/reviews/plan/P-r1-1.json': 'REVIEW-MARKER',
      '.claude/settings.local.json': 'CLAUDE-MARKER',
      'node_modules/pkg/index.js': 'DEP-MARKER',
      'packages/web/node_modules/x/index.js': 'NESTED-DEP-MARKER',
    };
    for (const [file, marker] of Object.entries(excluded)) repo.write(file, `${marker}\n`);
    repo.write('src/new.ts', 'export const shown = "VISIBLE-MARKER";\n');
    const bundle = await buildContextBundle(input(repo));
    for (const marker of Object.values(excluded)) expect(bundle.text).not.toContain(marker);
    for (const file of Object.keys(excluded)) expect(bundle.text).not.toContain(`  ${file}\n`);
    expect(bundle.text).toContain('VISIBLE-MARKER');
    expect(bundle.text).toContain('Hexagonal.'); // the planning doc has its own section
  });

  it('is deterministic: built twice, and rebuilt after writing itself, it has the same bytes', async () => {
    const repo = project();
    repo.write('src/app.ts', 'export const app = 3;\n');
    repo.write('src/z.ts', 'z\n');
    repo.write('src/a.ts', 'a\n');
    const first = await buildContextBundle(input(repo));
    const second = await buildContextBundle(input(repo));
    expect(second.text).toBe(first.text);
    const written = await writeContextBundle(workspacePaths(repo.root), first);
    expect(readFileSync(written, 'utf8')).toBe(first.text);
    const third = await buildContextBundle(input(repo));
    expect(third.sha256).toBe(first.sha256);
  });

  it('stays under the cap on a diff three times larger, keeping the stat and a note of what was cut', async () => {
    const repo = project();
    const cap = 50_000;
    for (let i = 0; i < 30; i++) repo.write(`src/gen${String(i).padStart(2, '0')}.ts`, `export const v = [\n${'  "0123456789abcdef0123456789abcdef",\n'.repeat(130)}];\n`);
    const parts = await collectBundleParts(repo.root, input(repo, { maxBytes: cap }));
    const diffBytes = parts.diff!.files.reduce((sum, f) => sum + Buffer.byteLength(f.patch), 0);
    expect(diffBytes).toBeGreaterThan(3 * cap);
    const bundle = await buildContextBundle(input(repo, { maxBytes: cap }));
    expect(bundle.bytes).toBeLessThanOrEqual(cap);
    expect(bundle.text).toContain('30 files changed (0 tracked, 30 untracked)');
    for (let i = 0; i < 30; i++) expect(bundle.text).toContain(`src/gen${String(i).padStart(2, '0')}.ts\n`);
    expect(bundle.text).toMatch(/- diff hunks: \d+ of 30 files cut/);
    expect(bundle.truncated.length).toBeGreaterThan(0);
  });

  it('handles an unborn HEAD: staged and untracked files show as new', async () => {
    const repo = tempRepo();
    repo.write('staged.ts', 'export const staged = true;\n');
    repo.git('add', 'staged.ts');
    repo.write('loose.ts', 'export const loose = true;\n');
    const bundle = await buildContextBundle(input(repo));
    expect(bundle.text).toContain('Base: 4b825dc642cb6eb9a060e54bf8d69288fbee4904');
    expect(bundle.text).toMatch(/full +A +\+ *1 +- *0 +staged\.ts\n/);
    expect(bundle.text).toMatch(/full +\? +\+ *1 +- *0 +loose\.ts\n/);
    expect(bundle.text).toContain('+export const loose = true;');
  });

  it('shows binary files as a note, never their bytes', async () => {
    const repo = project();
    repo.write('assets/logo.bin', Buffer.concat([Buffer.from('BINARY-MARKER'), Buffer.from([0, 1, 2, 3])]));
    const bundle = await buildContextBundle(input(repo));
    expect(bundle.text).not.toContain('BINARY-MARKER');
    expect(bundle.text).toContain('Binary files /dev/null and b/assets/logo.bin differ (17 bytes)');
    expect(bundle.text).toMatch(/full +\? +\+bin +-bin +assets\/logo\.bin\n/);
  });

  it('reads at most the cap of one huge untracked file and reports the rest as unread', async () => {
    const repo = project();
    repo.write('data/huge.txt', `${'row of data\n'.repeat(300_000)}TAIL-MARKER\n`);
    const parts = await collectBundleParts(repo.root, input(repo, { maxBytes: 20_000 }));
    const huge = parts.diff!.files.find((f) => f.path === 'data/huge.txt')!;
    expect(Buffer.byteLength(huge.patch)).toBeLessThan(40_000);
    expect(huge.unreadBytes).toBeGreaterThan(3_000_000);
    expect(huge.countsComplete).toBe(false);
    const bundle = await buildContextBundle(input(repo, { maxBytes: 20_000 }));
    expect(bundle.text).not.toContain('TAIL-MARKER');
    expect(bundle.bytes).toBeLessThanOrEqual(20_000);
  });

  it('shows an untracked symlink as its target and never follows it', async () => {
    const repo = project();
    const outside = path.join(tempDir(), 'outside-secret.txt');
    writeFileSync(outside, 'OUTSIDE-MARKER\n');
    symlinkSync(outside, path.join(repo.root, 'notes.txt'));
    const bundle = await buildContextBundle(input(repo));
    expect(bundle.text).not.toContain('OUTSIDE-MARKER');
    expect(bundle.text).toContain('new file mode 120000');
  });

  it('compares a snapshot-tree base with a snapshot of now', async () => {
    const repo = project();
    repo.write('old.txt', 'OLD-UNTRACKED\n');
    const base = await snapshotWorktree(repo.root);
    repo.write('src/app.ts', 'export const app = 4;\n');
    const bundle = await buildContextBundle(input(repo, { baseCommit: base }));
    expect(bundle.text).not.toContain('OLD-UNTRACKED');
    expect(bundle.text).toContain('+export const app = 4;');
    expect(bundle.text).toContain(`Base: ${base}`);
  });

  it('has no diff for the plan gate', async () => {
    const repo = project();
    repo.write('src/app.ts', 'export const app = 5;\n');
    const bundle = await buildContextBundle(input(repo, { gate: 'plan', milestone: null }));
    expect(bundle.text).not.toContain('## Diff since base');
    expect(bundle.text).not.toContain('app = 5');
  });
});

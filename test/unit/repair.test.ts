import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatRepair, runRepair } from '../../src/commands/repair.js';
import { runTraceVerify } from '../../src/commands/trace-verify.js';
import type { CcccError } from '../../src/errors.js';
import { readJournal } from '../../src/state/journal.js';
import { readState } from '../../src/state/store.js';
import type { WorkspacePaths } from '../../src/workspace/paths.js';
import { tempDir, tempWorkspace, git } from '../helpers/tmp.js';

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'journals');
const NOW = new Date('2026-11-22T08:00:00.000Z');
const repair = (paths: WorkspacePaths) => runRepair({ cwd: paths.root, now: () => NOW });

function fixtureWorkspace(name: string, journalLines?: number): WorkspacePaths {
  const paths = tempWorkspace();
  copyFileSync(path.join(FIXTURES, `${name}.state.json`), paths.state);
  const text = readFileSync(path.join(FIXTURES, `${name}.jsonl`), 'utf8');
  const lines = text.trimEnd().split('\n');
  writeFileSync(paths.journal, `${lines.slice(0, journalLines ?? lines.length).join('\n')}\n`);
  return paths;
}

function backupDirs(paths: WorkspacePaths): string[] {
  return existsSync(paths.backups) ? readdirSync(paths.backups) : [];
}

describe('cccc repair', () => {
  it('creates missing directories and generated commands, then has nothing left to do', async () => {
    const paths = tempWorkspace();
    const first = await repair(paths);
    const kinds = first.fixed.map((f) => `${f.kind}:${f.path}`);
    expect(kinds).toEqual(expect.arrayContaining(['directory:docs/cccc/reviews', 'directory:docs/cccc/backups', 'directory:docs/cccc/runtime', 'command:.claude/commands/cccc.md']));
    expect(first.fixed.filter((f) => f.kind === 'command')).toHaveLength(8);
    expect(first.backup).toBeNull();
    expect(first.left.map((l) => l.kind)).toEqual(['hooks']);
    const second = await repair(paths);
    expect(second.fixed).toEqual([]);
    expect(formatRepair(second)).toMatch(/Nothing needed repair/);
  });

  it('removes a stale lock through proper-lockfile', async () => {
    const paths = tempWorkspace();
    mkdirSync(`${paths.state}.lock`);
    const old = new Date(Date.now() - 60_000);
    utimesSync(`${paths.state}.lock`, old, old);
    const result = await repair(paths);
    expect(result.fixed[0]).toMatchObject({ kind: 'lock', path: 'docs/cccc/state.json.lock' });
    expect(existsSync(`${paths.state}.lock`)).toBe(false);
  });

  it('refuses to touch anything while a live process holds the lock', async () => {
    const paths = tempWorkspace();
    mkdirSync(`${paths.state}.lock`);
    const error = (await repair(paths).catch((e: unknown) => e)) as CcccError;
    expect(error.code).toBe('STATE_LOCKED');
    expect(existsSync(paths.reviews)).toBe(false);
    rmSync(`${paths.state}.lock`, { recursive: true });
  });

  it('rebuilds a corrupt state.json from an UNSAFE journal and keeps it UNSAFE, backing the bad file up first', async () => {
    const paths = fixtureWorkspace('ends-unsafe');
    writeFileSync(paths.state, '{"schemaVersion": 1, "revision": 6, "sta');
    const result = await repair(paths);
    expect(result.state).toMatchObject({ status: 'UNSAFE', revision: 6, before: { finding: { kind: 'state_unreadable' } } });
    expect((await readState(paths)).status).toBe('UNSAFE');
    expect(result.backup).toMatch(/^docs\/cccc\/backups\/repair-20261122T080000\.000Z$/);
    expect(readFileSync(path.join(paths.root, result.backup!, 'state.json'), 'utf8')).toBe('{"schemaVersion": 1, "revision": 6, "sta');
    await expect(runTraceVerify({ cwd: paths.root })).resolves.toMatchObject({ ok: true });
  });

  it('rebuilds a missing state.json from an UNSAFE journal as UNSAFE', async () => {
    const paths = fixtureWorkspace('ends-unsafe');
    rmSync(paths.state);
    const result = await repair(paths);
    expect(result.state.status).toBe('UNSAFE');
    expect(result.backup).toBeNull();
    expect((await readState(paths)).snapshot.context.pause?.kind).toBe('unsafe');
  });

  it('never turns a pause named by a corrupt state.json into an active status: the pause is re-entered and journaled', async () => {
    // The journal ends in IMPLEMENT_MILESTONE (revision 4); the corrupt state.json still says UNSAFE.
    const paths = fixtureWorkspace('ends-unsafe', 4);
    writeFileSync(paths.state, readFileSync(paths.state, 'utf8').slice(0, 200));
    expect(readFileSync(paths.state, 'utf8')).toContain('"status": "UNSAFE"');
    const result = await repair(paths);
    expect(result.state.status).toBe('UNSAFE');
    expect(result.fixed.find((f) => f.kind === 'state')?.detail).toMatch(/pause UNSAFE was kept from the corrupt state\.json/);
    const journal = await readJournal(paths.journal);
    expect(journal.at(-1)).toMatchObject({ revision: 5, actor: 'repair', from: 'IMPLEMENT_MILESTONE', to: 'UNSAFE', event: { type: 'pause.requested', kind: 'unsafe', code: 'kept_pause' } });
    await expect(runTraceVerify({ cwd: paths.root })).resolves.toMatchObject({ ok: true });
  });

  it('leaves a corrupt state alone when it names a different pause than the one the journal ends in', async () => {
    const paths = fixtureWorkspace('paused-and-resumed', 10); // the journal ends in PAUSED_FOR_HUMAN
    writeFileSync(paths.state, '{"schemaVersion": 1, "revision": 11, "status": "UNSAFE", "snap');
    const result = await repair(paths);
    expect(result.left.find((l) => l.kind === 'state')?.detail).toMatch(/names UNSAFE, but the journal ends in PAUSED_FOR_HUMAN/);
    expect(readFileSync(paths.state, 'utf8')).toContain('"status": "UNSAFE"');
  });

  it('rolls a state that is behind forward from the journal', async () => {
    const paths = fixtureWorkspace('paused-and-resumed', 9);
    rmSync(paths.state);
    await repair(paths); // state at revision 9
    writeFileSync(paths.journal, readFileSync(path.join(FIXTURES, 'paused-and-resumed.jsonl')));
    const result = await repair(paths);
    expect(result.state).toMatchObject({ before: { finding: { kind: 'behind', stateRevision: 9, journalRevision: 13 } }, status: 'CODEX_FINAL_REVIEW', revision: 13 });
    expect(readFileSync(paths.state, 'utf8')).toBe(readFileSync(path.join(FIXTURES, 'paused-and-resumed.state.json'), 'utf8'));
  });

  it('writes a fresh state when state.json and the journal are both missing', async () => {
    const paths = tempWorkspace();
    rmSync(paths.state);
    const result = await repair(paths);
    expect(result.state).toMatchObject({ status: 'SETUP_COMPLETE', revision: 0 });
    expect((await readState(paths)).updatedAt).toBe(NOW.toISOString());
  });

  it.each([
    ['ahead of the journal', (p: WorkspacePaths) => writeFileSync(p.journal, readFileSync(p.journal, 'utf8').split('\n').slice(0, 3).join('\n') + '\n'), /journal ends at 3/],
    ['hand-edited', (p: WorkspacePaths) => writeFileSync(p.state, readFileSync(p.state, 'utf8').replace('"planRound": 1', '"planRound": 2')), /differs from the replay at revision 6/],
    ['written by a newer cccc', (p: WorkspacePaths) => writeFileSync(p.state, readFileSync(p.state, 'utf8').replace('"schemaVersion": 1', '"schemaVersion": 3')), /newer cccc/],
  ])('leaves a state that is %s untouched and says why', async (_name, breakIt, reason) => {
    const paths = fixtureWorkspace('ends-unsafe');
    breakIt(paths);
    const before = readFileSync(paths.state, 'utf8');
    const result = await repair(paths);
    const left = result.left.find((l) => l.kind === 'state');
    expect(left?.detail).toMatch(reason);
    expect(left?.hint).toMatch(/cccc reset|Upgrade cccc/);
    expect(readFileSync(paths.state, 'utf8')).toBe(before);
    expect(backupDirs(paths)).toEqual([]);
  });

  it('refuses a repository that is not set up', async () => {
    const root = tempDir();
    git(root, 'init', '-q');
    const error = (await runRepair({ cwd: root, now: () => NOW }).catch((e: unknown) => e)) as CcccError;
    expect(error.code).toBe('CONFIG_MISSING');
  });
});

import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatTraceVerify, runTraceVerify } from '../../src/commands/trace-verify.js';
import { CcccError, EXIT_CODES } from '../../src/errors.js';
import { serializeEnvelope } from '../../src/state/envelope.js';
import { parseJournal } from '../../src/state/journal.js';
import { envelopeOf } from '../../src/state/rebuild.js';
import { replayJournal } from '../../src/state/replay.js';
import type { VerifyReport } from '../../src/state/verify.js';
import type { WorkspacePaths } from '../../src/workspace/paths.js';
import { JOURNAL_SCENARIOS, recordScenario } from '../helpers/journal-scenarios.js';
import { tempWorkspace } from '../helpers/tmp.js';

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'journals');

async function failure(paths: WorkspacePaths): Promise<{ error: CcccError; report: VerifyReport }> {
  try {
    await runTraceVerify({ cwd: paths.root });
  } catch (error) {
    const e = error as CcccError;
    return { error: e, report: e.details.report as VerifyReport };
  }
  throw new Error('expected trace --verify to fail');
}

/** A workspace holding the recorded `name` fixture (journal + state.json). */
function fixtureWorkspace(name: string): WorkspacePaths {
  const paths = tempWorkspace();
  copyFileSync(path.join(FIXTURES, `${name}.jsonl`), paths.journal);
  copyFileSync(path.join(FIXTURES, `${name}.state.json`), paths.state);
  return paths;
}

const lines = (paths: WorkspacePaths) => readFileSync(paths.journal, 'utf8').trimEnd().split('\n');
const writeLines = (paths: WorkspacePaths, l: string[]) => writeFileSync(paths.journal, `${l.join('\n')}\n`);
const editState = (paths: WorkspacePaths, edit: (s: Record<string, any>) => void) => {
  const s = JSON.parse(readFileSync(paths.state, 'utf8'));
  edit(s);
  writeFileSync(paths.state, `${JSON.stringify(s, null, 2)}\n`);
};

describe('cccc trace --verify', () => {
  it('passes on a fresh workspace (revision 0, no journal)', async () => {
    const paths = tempWorkspace();
    const report = await runTraceVerify({ cwd: paths.root });
    expect(report).toMatchObject({ ok: true, state: { revision: 0, status: 'SETUP_COMPLETE' }, journal: { entries: 0 } });
    expect(formatTraceVerify(report)).toMatch(/^OK: Replayed 0 journal entries/);
  });

  it('passes after a real run through the store', async () => {
    const paths = tempWorkspace();
    await recordScenario(paths, JOURNAL_SCENARIOS[0]!);
    const report = await runTraceVerify({ cwd: paths.root });
    expect(report).toMatchObject({ ok: true, replay: { status: 'DONE', revision: 11 } });
  });

  it('fails on a hand-edited state.json, naming the first differing revision and field', async () => {
    const paths = fixtureWorkspace('replan');
    editState(paths, (s) => {
      s.snapshot.context.planRound = 1;
    });
    const { error, report } = await failure(paths);
    expect(error.code).toBe('TRACE_DIVERGED');
    expect(error.exitCode).toBe(EXIT_CODES.CHECK_FAILED);
    expect(report.firstBadRevision).toBe(10);
    expect(report.finding).toMatchObject({ kind: 'diverged', revision: 10, path: 'context.planRound', state: 1, replay: 2 });
    expect(error.message).toMatch(/first bad revision: 10/);
  });

  it('fails when the status and snapshot were both hand-edited to DONE', async () => {
    const paths = fixtureWorkspace('ends-unsafe');
    editState(paths, (s) => {
      s.status = 'DONE';
      s.snapshot.value = 'DONE';
    });
    const { report } = await failure(paths);
    expect(report.finding).toMatchObject({ kind: 'diverged', revision: 6, path: 'value', state: 'DONE', replay: 'UNSAFE' });
  });

  it('says so when state.json was written by another machine version', async () => {
    const paths = fixtureWorkspace('replan');
    editState(paths, (s) => {
      s.machineVersion = 99;
      s.snapshot.context.planRound = 1;
    });
    const { error, report } = await failure(paths);
    expect(report.machineVersion).toEqual({ state: 99, current: expect.any(Number) });
    expect(error.hint).toMatch(/^state\.json was written by machine version 99; this cccc runs \d+\. Run `cccc update`/);
  });

  it('reports a state that is behind the journal and points at repair', async () => {
    const paths = fixtureWorkspace('replan');
    const l = lines(paths);
    // state.json at revision 8, as a crash between the journal append and the state rename leaves it.
    const replay = replayJournal(parseJournal(l.slice(0, 8).join('\n')));
    writeFileSync(paths.state, serializeEnvelope(envelopeOf(replay.persisted, replay.revision, replay.lastAt!)));
    const { error, report } = await failure(paths);
    expect(report.finding).toEqual({ kind: 'behind', stateRevision: 8, journalRevision: 10 });
    expect(error.message).toMatch(/state is behind/);
    expect(error.hint).toMatch(/cccc repair/);
  });

  it('reports a state ahead of the journal (lost journal lines)', async () => {
    const paths = fixtureWorkspace('ends-unsafe');
    writeLines(paths, lines(paths).slice(0, 4));
    const { report, error } = await failure(paths);
    expect(report.finding).toEqual({ kind: 'ahead', stateRevision: 6, journalRevision: 4 });
    expect(report.firstBadRevision).toBe(5);
    expect(error.hint).toMatch(/cccc reset/);
  });

  it.each([
    ['a gap', (l: string[]) => [...l.slice(0, 2), ...l.slice(3)], { kind: 'gap', revision: 4, expected: 3 }],
    ['a duplicate', (l: string[]) => [...l.slice(0, 3), l[2]!, ...l.slice(3)], { kind: 'duplicate', revision: 3, expected: 4 }],
    ['a refused event', (l: string[]) => l.map((x, i) => (i === 1 ? x.replace('"type":"discovery.submitted"', '"type":"fix.submitted"') : x)), { kind: 'refused', revision: 2, event: 'fix.submitted' }],
    ['a recorded status the machine does not give', (l: string[]) => l.map((x, i) => (i === 2 ? x.replace(/"to":"[A-Z_]+"/, '"to":"DONE"') : x)), { kind: 'recorded_mismatch', revision: 3, field: 'to', journal: 'DONE' }],
    ['an event without limits', (l: string[]) => l.map((x, i) => (i === 0 ? x.replace('"limits":', '"limitz":') : x)), { kind: 'invalid_event', revision: 1 }],
  ])('reports %s in the journal with its revision', async (_name, edit, problem) => {
    const paths = fixtureWorkspace('ends-unsafe');
    writeLines(paths, edit(lines(paths)));
    const { report } = await failure(paths);
    expect(report.finding).toMatchObject({ kind: 'journal', problem });
    expect(report.firstBadRevision).toBe(problem.revision);
  });

  it('skips a torn line left by a killed writer and still passes', async () => {
    const paths = fixtureWorkspace('paused-and-resumed');
    writeFileSync(paths.journal, `${readFileSync(paths.journal, 'utf8')}{"revision":14,"at":"2026-11`);
    const report = await runTraceVerify({ cwd: paths.root });
    expect(report.journal.tornLines).toBe(1);
    expect(formatTraceVerify(report)).toMatch(/1 torn line/);
  });

  it.each([
    ['missing', (p: WorkspacePaths) => rmSync(p.state), 'state_missing'],
    ['corrupt', (p: WorkspacePaths) => writeFileSync(p.state, '{"schemaVersion": 1, "revis'), 'state_unreadable'],
    ['newer', (p: WorkspacePaths) => editState(p, (s) => (s.schemaVersion = 7)), 'state_unreadable'],
  ])('fails when state.json is %s', async (_name, breakIt, kind) => {
    const paths = fixtureWorkspace('ends-unsafe');
    breakIt(paths);
    const { report } = await failure(paths);
    expect(report.finding.kind).toBe(kind);
  });
});

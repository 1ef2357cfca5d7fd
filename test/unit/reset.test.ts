import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DISCOVERY_DOCS } from '../../machines/guards.js';
import { runAnswer } from '../../src/commands/answer.js';
import { formatReset, runReset } from '../../src/commands/reset.js';
import { runResume } from '../../src/commands/resume.js';
import { runTraceVerify } from '../../src/commands/trace-verify.js';
import { readJournal } from '../../src/state/journal.js';
import { readState } from '../../src/state/store.js';
import type { WorkspacePaths } from '../../src/workspace/paths.js';
import { tempWorkspace } from '../helpers/tmp.js';

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'journals');
const NOW = new Date('2026-11-23T10:00:00.000Z');
const deps = (paths: WorkspacePaths) => ({ cwd: paths.root, now: () => NOW, log: () => undefined });
const reset = (paths: WorkspacePaths, yes = true) => runReset({ yes }, deps(paths));

function fixtureWorkspace(name: string): WorkspacePaths {
  const paths = tempWorkspace();
  copyFileSync(path.join(FIXTURES, `${name}.state.json`), paths.state);
  copyFileSync(path.join(FIXTURES, `${name}.jsonl`), paths.journal);
  return paths;
}

function fillDiscovery(paths: WorkspacePaths): void {
  for (const doc of DISCOVERY_DOCS) writeFileSync(paths.doc(doc), `# ${doc}\n\nWritten from the code.\n`);
}

function writeReview(paths: WorkspacePaths, dir: string, name: string, body: unknown): void {
  mkdirSync(path.join(paths.reviews, dir), { recursive: true });
  writeFileSync(path.join(paths.reviews, dir, name), JSON.stringify(body));
}

const MILESTONES_YAML = ['M001', 'M002']
  .map((id) => `- id: ${id}\n  title: t ${id}\n  goal: g\n  scope: [s]\n  out_of_scope: []\n  acceptance_criteria: [works]\n  expected_files: [src/a.ts]\n  required_tests: [npm test]\n  risk: low\n  depends_on: []\n`)
  .join('');

const editState = (paths: WorkspacePaths, edit: (s: Record<string, any>) => void) => {
  const s = JSON.parse(readFileSync(paths.state, 'utf8'));
  edit(s);
  writeFileSync(paths.state, JSON.stringify(s, null, 2));
};

describe('cccc reset', () => {
  it('without --yes only previews: nothing is written', async () => {
    const paths = fixtureWorkspace('replan');
    editState(paths, (s) => (s.snapshot.context.planRound = 9));
    const before = [readFileSync(paths.state, 'utf8'), readFileSync(paths.journal, 'utf8')];
    const r = await reset(paths, false);
    expect(r).toMatchObject({ applied: false, strategy: 'journal', confidence: 'high', after: { status: 'IMPLEMENT_MILESTONE', revision: 10 } });
    expect([readFileSync(paths.state, 'utf8'), readFileSync(paths.journal, 'utf8')]).toEqual(before);
    expect(existsSync(paths.backups)).toBe(false);
    expect(formatReset(r)).toMatch(/preview \(nothing written/);
  });

  it('high confidence: a hand-edited state is replaced by the replay of the journal, both backed up first', async () => {
    const paths = fixtureWorkspace('replan');
    editState(paths, (s) => (s.snapshot.context.planRound = 9));
    const edited = readFileSync(paths.state, 'utf8');
    const journal = readFileSync(paths.journal, 'utf8');
    const r = await reset(paths);
    expect(r).toMatchObject({ applied: true, confidence: 'high', before: { finding: 'diverged' }, after: { status: 'IMPLEMENT_MILESTONE', milestone: 'M001' } });
    expect(readFileSync(paths.state, 'utf8')).toBe(readFileSync(path.join(FIXTURES, 'replan.state.json'), 'utf8'));
    expect(readFileSync(paths.journal, 'utf8')).toBe(journal);
    expect(readFileSync(path.join(paths.root, r.backup!, 'state.json'), 'utf8')).toBe(edited);
    expect(readFileSync(path.join(paths.root, r.backup!, 'logs', 'journal.jsonl'), 'utf8')).toBe(journal);
    expect(readFileSync(paths.decisionLog, 'utf8')).toMatch(/Reset \(rehydrate\) → IMPLEMENT_MILESTONE/);
    await expect(runTraceVerify({ cwd: paths.root })).resolves.toMatchObject({ ok: true });
  });

  it('keeps a pause that state.json records beyond the end of the journal (lost journal lines)', async () => {
    const paths = fixtureWorkspace('ends-unsafe'); // state: UNSAFE at revision 6
    writeFileSync(paths.journal, readFileSync(paths.journal, 'utf8').split('\n').slice(0, 4).join('\n') + '\n');
    const r = await reset(paths);
    expect(r).toMatchObject({ strategy: 'journal', confidence: 'medium', after: { status: 'UNSAFE', revision: 5 }, keptPause: { status: 'UNSAFE', source: 'state.json' } });
    expect((await readJournal(paths.journal)).at(-1)).toMatchObject({ actor: 'repair', event: { type: 'pause.requested', kind: 'unsafe' } });
    await expect(runTraceVerify({ cwd: paths.root })).resolves.toMatchObject({ ok: true });
  });

  it('keeps UNSAFE when the journal does not replay, rebuilding a fresh journal', async () => {
    const paths = fixtureWorkspace('ends-unsafe');
    const lines = readFileSync(paths.journal, 'utf8').trimEnd().split('\n');
    writeFileSync(paths.journal, [...lines.slice(0, 2), ...lines.slice(3)].join('\n') + '\n'); // gap at revision 3
    fillDiscovery(paths);
    const r = await reset(paths);
    expect(r).toMatchObject({ strategy: 'fresh-journal', after: { status: 'UNSAFE' }, task: 'rotate credentials' });
    expect((await readState(paths)).snapshot.context.pause).toMatchObject({ kind: 'unsafe', interrupted: 'CLAUDE_PLANNING_REVIEW' });
    expect(readFileSync(path.join(paths.root, r.backup!, 'logs', 'journal.jsonl'), 'utf8').split('\n')).toHaveLength(6);
    await expect(runTraceVerify({ cwd: paths.root })).resolves.toMatchObject({ ok: true });
  });

  it('does not continue a journal that ends in a different pause than state.json: the state.json pause wins', async () => {
    const paths = fixtureWorkspace('paused-and-resumed');
    copyFileSync(path.join(FIXTURES, 'ends-unsafe.state.json'), paths.state); // UNSAFE, diverges from this journal
    writeFileSync(paths.journal, readFileSync(paths.journal, 'utf8').split('\n').slice(0, 10).join('\n') + '\n'); // ends PAUSED_FOR_HUMAN
    const r = await reset(paths);
    expect(r).toMatchObject({ strategy: 'fresh-journal', after: { status: 'UNSAFE' }, keptPause: { status: 'UNSAFE', source: 'state.json' } });
    expect(r.notes[0]).toMatch(/ends in PAUSED_FOR_HUMAN, a different pause than UNSAFE/);
    await expect(runTraceVerify({ cwd: paths.root })).resolves.toMatchObject({ ok: true });
  });

  it('medium confidence: artifacts + milestones.yaml end in PAUSED_FOR_HUMAN with a question the human can answer', async () => {
    const paths = fixtureWorkspace('replan');
    rmSync(paths.journal);
    fillDiscovery(paths);
    writeFileSync(paths.milestones, MILESTONES_YAML);
    writeReview(paths, 'plan', 'plan-r1-20261121T090000000Z.json', { verdict: { status: 'approved' } });
    writeReview(paths, 'milestones', 'M001-r1-20261121T100000000Z.json', { verdict: { status: 'fail_fixable' }, record: { milestone: 'M001' } });
    writeReview(paths, 'milestones', 'M001-r2-20261121T110000000Z.json', { status: 'pass', milestone_id: 'M001' });
    const r = await reset(paths);
    expect(r).toMatchObject({
      strategy: 'fresh-journal',
      confidence: 'medium',
      task: 'split the billing module',
      after: { status: 'PAUSED_FOR_HUMAN', revision: 3 },
      progress: { planApproved: true, passed: ['M001'], next: 'M002', position: 'IMPLEMENT_MILESTONE' },
      questions: [{ id: 'R1', recommended: 'B' }],
    });
    const state = await readState(paths);
    expect(state.snapshot.context.pause).toMatchObject({ kind: 'human', interrupted: 'CLAUDE_PLANNING_REVIEW' });
    expect(state.snapshot.context.planApproved).toBe(false);
    expect((await readJournal(paths.journal)).map((e) => `${e.actor}:${e.event.type}`)).toEqual(['repair:task.started', 'repair:discovery.submitted', 'repair:plan.submitted']);
    await expect(runTraceVerify({ cwd: paths.root })).resolves.toMatchObject({ ok: true });
    await runAnswer({ question: 'R1', option: 'B' }, deps(paths));
    const resumed = await runResume({ strategy: 'recommended' }, deps(paths));
    expect(resumed.status).toBe('CLAUDE_PLANNING_REVIEW');
    expect(existsSync(path.join(paths.reviews, 'milestones', 'M001-r2-20261121T110000000Z.json'))).toBe(true);
  });

  it('pauses from discovery when artifacts exist but the discovery docs are not filled', async () => {
    const paths = fixtureWorkspace('replan');
    rmSync(paths.journal);
    writeReview(paths, 'plan', 'plan-r1.json', { verdict: { status: 'approved' } });
    const r = await reset(paths);
    expect(r).toMatchObject({ confidence: 'low', after: { status: 'PAUSED_FOR_HUMAN' }, questions: [] });
    expect((await readState(paths)).snapshot.context.pause).toMatchObject({ interrupted: 'DISCOVER_EXISTING_PROJECT', code: 'reset' });
  });

  it.each([
    ['docs only, task known from a corrupt state.json', true, 'CLAUDE_PLANNING_REVIEW', 'low'],
    ['docs only, no task anywhere', false, 'SETUP_COMPLETE', 'low'],
  ])('low confidence: %s', async (_name, withTask, status, confidence) => {
    const paths = tempWorkspace();
    fillDiscovery(paths);
    writeFileSync(paths.state, withTask ? '{"schemaVersion":1,"snapshot":{"context":{"task":"add search"' : '');
    const r = await reset(paths);
    expect(r).toMatchObject({ strategy: 'fresh-journal', confidence, after: { status } });
    await expect(runTraceVerify({ cwd: paths.root })).resolves.toMatchObject({ ok: true });
  });

  it('a fresh workspace resets to SETUP_COMPLETE with high confidence and never deletes docs, reviews or logs', async () => {
    const paths = tempWorkspace();
    writeFileSync(paths.hookLog, '{"hook":"stop"}\n');
    writeReview(paths, 'final', 'junk.json', 'not an object');
    rmSync(paths.state);
    const r = await reset(paths);
    expect(r.after.status).toBe('SETUP_COMPLETE');
    expect(readdirSync(path.join(paths.reviews, 'final'))).toEqual(['junk.json']);
    expect(readFileSync(paths.hookLog, 'utf8')).toBe('{"hook":"stop"}\n');
  });
});

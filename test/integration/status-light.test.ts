/**
 * The fast read path of `cccc status --json` (src/commands/status-light.ts, issue #7) prints exactly what the
 * full path (`runStatus`) returns — same keys, same order, same values — in the workspaces a user meets: freshly
 * set up, mid-run, paused, with the loop on, after the Codex plan gate. And it steps aside (the full path answers,
 * with its usual error) for anything it does not fully understand.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lightStatus, LIGHT_STATE_SCHEMA_VERSION } from '../../src/commands/status-light.js';
import { runStatus } from '../../src/commands/status.js';
import { STATE_SCHEMA_VERSION } from '../../src/state/envelope.js';
import { cliIn, milestone, newUserRepo, walkToPlanReview } from '../helpers/cli.js';
import { fakeCodexEnv } from '../helpers/fake-codex.js';
import { tempDir } from '../helpers/tmp.js';

/** The full path's document as `emit` prints it. */
async function fullJson(root: string): Promise<string> {
  return `${JSON.stringify(await runStatus({ cwd: root }), null, 2)}\n`;
}

async function expectSameAsFull(root: string): Promise<void> {
  expect(lightStatus(root), 'the light path should handle this workspace').not.toBeNull();
  const run = await cliIn(root)(['status', '--json']);
  expect(run.exitCode, run.stderr).toBe(0);
  expect(run.stdout).toBe((await fullJson(root)).trimEnd()); // execa strips the final newline
}

describe('cccc status --json: the light path equals the full path', () => {
  it('keeps the state schema version in step with the store', () => {
    expect(LIGHT_STATE_SCHEMA_VERSION).toBe(STATE_SCHEMA_VERSION);
  });

  it('fresh setup, started, paused and resumed, with the loop on', async () => {
    const root = newUserRepo();
    const cccc = cliIn(root);
    expect((await cccc(['setup', '--yes'])).exitCode).toBe(0);
    await expectSameAsFull(root);
    expect((await cccc(['start', 'Add a farewell'])).exitCode).toBe(0);
    await expectSameAsFull(root);
    expect((await cccc(['pause', '--kind', 'human', '--reason', 'lunch'])).exitCode).toBe(0);
    await expectSameAsFull(root);
    expect((await cccc(['resume', '--strategy', 'recommended', '--confirm'])).exitCode).toBe(0);
    expect((await cccc(['loop', 'start', '--session-id', 's1'])).exitCode).toBe(0);
    await expectSameAsFull(root);
    // From a sub-directory too.
    const sub = path.join(root, 'src');
    expect(lightStatus(sub)).toEqual(lightStatus(root));
  });

  it('after the Codex plan gate: milestones, a gate record and the budget ledger', async () => {
    const root = newUserRepo();
    const env = fakeCodexEnv(tempDir('cccc-fake-codex-'), 'pass');
    await walkToPlanReview(root, [milestone('M001'), milestone('M002', { depends_on: ['M001'] })], env);
    expect((await cliIn(root, env)(['review'])).exitCode).toBe(0);
    await expectSameAsFull(root);
    expect(lightStatus(root)).toMatchObject({ status: 'IMPLEMENT_MILESTONE', milestone: 'M001', gatesPassed: 1, planApproved: true });
  });
});

describe('cccc status --json: the light path steps aside', () => {
  async function setUp(): Promise<string> {
    const root = newUserRepo();
    expect((await cliIn(root)(['setup', '--yes'])).exitCode).toBe(0);
    return root;
  }
  const stateFile = (root: string) => path.join(root, 'docs', 'cccc', 'state.json');
  const editState = (root: string, edit: (s: any) => void) => {
    const state = JSON.parse(readFileSync(stateFile(root), 'utf8'));
    edit(state);
    writeFileSync(stateFile(root), JSON.stringify(state));
  };

  it.each([
    { name: 'a state from another schema version', exit: 4, spoil: (r: string) => editState(r, (s) => (s.schemaVersion = 99)) },
    { name: 'a state without the issue #6 fields (the full path fills defaults)', exit: 0, spoil: (r: string) => editState(r, (s) => delete s.snapshot.context.ledger) },
    { name: 'a torn state.json', exit: 4, spoil: (r: string) => writeFileSync(stateFile(r), '{"schemaVersion":1,"rev') },
    { name: 'no state.json', exit: 7, spoil: (r: string) => rmSync(stateFile(r)) },
    { name: 'a config that is not JSON', exit: 4, spoil: (r: string) => writeFileSync(path.join(r, 'docs', 'cccc', 'config.json'), '{ mode: ') },
  ])('$name → full path (exit $exit)', async ({ spoil, exit }) => {
    const root = await setUp();
    spoil(root);
    expect(lightStatus(root)).toBeNull();
    const run = await cliIn(root)(['status', '--json']);
    expect(run.exitCode, run.stderr).toBe(exit);
    if (exit === 0) expect(run.stdout).toBe((await fullJson(root)).trimEnd());
    else expect(run.json().error.code).toMatch(/^[A-Z_]+$/);
  });

  it('outside any workspace → the full path names the problem', async () => {
    const dir = tempDir('cccc-nowhere-');
    expect(lightStatus(dir)).toBeNull();
    expect((await cliIn(dir)(['status', '--json'])).exitCode).toBe(7);
  });
});

import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CcccError } from '../../src/errors.js';
import { parseEnvelope, serializeEnvelope } from '../../src/state/envelope.js';
import { dispatch, initialEnvelope, readState } from '../../src/state/store.js';
import { ev } from '../helpers/events.js';
import { tempWorkspace } from '../helpers/tmp.js';

async function rejection(p: Promise<unknown>): Promise<CcccError> {
  try {
    await p;
  } catch (error) {
    return error as CcccError;
  }
  throw new Error('expected a rejection');
}

describe('state.json envelope', () => {
  it('round-trips', () => {
    const env = initialEnvelope('2026-11-21T00:00:00.000Z');
    expect(parseEnvelope(serializeEnvelope(env), 'state.json')).toEqual(env);
  });

  it.each([
    ['truncated', (t: string) => t.slice(0, t.length / 2)],
    ['not JSON', () => 'garbage'],
    ['status disagrees with snapshot', (t: string) => t.replace('"status": "SETUP_COMPLETE"', '"status": "DONE"')],
    ['unknown status', (t: string) => t.replaceAll('SETUP_COMPLETE', 'READY_TO_CONTINUE')],
    ['context field of the wrong type', (t: string) => t.replace('"planRound": 0', '"planRound": "zero"')],
  ])('a %s state is a clear error and the file is left untouched', async (_name, corrupt) => {
    const paths = tempWorkspace();
    const bad = corrupt(readFileSync(paths.state, 'utf8'));
    writeFileSync(paths.state, bad);
    const e = await rejection(readState(paths));
    expect(e.code).toBe('STATE_CORRUPT');
    expect(e.message).toContain('docs/cccc/state.json');
    expect(e.hint).toContain('cccc repair');
    const d = await rejection(dispatch(paths, ev('task.started', { task: 't' }), 'cli'));
    expect(d.code).toBe('STATE_CORRUPT');
    expect(readFileSync(paths.state, 'utf8')).toBe(bad);
  });

  it('a state written by a newer cccc is refused by name', async () => {
    const paths = tempWorkspace();
    writeFileSync(paths.state, readFileSync(paths.state, 'utf8').replace('"schemaVersion": 1', '"schemaVersion": 99'));
    const e = await rejection(readState(paths));
    expect(e.code).toBe('STATE_NEWER');
    expect(e.hint).toMatch(/Upgrade cccc/);
  });

  it('a refused event writes nothing', async () => {
    const paths = tempWorkspace();
    const before = readFileSync(paths.state, 'utf8');
    const e = await rejection(dispatch(paths, ev('fix.submitted', { selfReview: { verdict: 'ok', summary: 's', concerns: [], questions: [] } }), 'cli'));
    expect(e.code).toBe('EVENT_REFUSED');
    expect(readFileSync(paths.state, 'utf8')).toBe(before);
  });
});

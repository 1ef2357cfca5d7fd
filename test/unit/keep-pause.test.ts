import { describe, expect, it } from 'vitest';
import { eventsToKeepPause, pauseNamedIn, UNKNOWN_TASK, type PauseToKeep } from '../../src/state/keep-pause.js';
import { firstDifference, valueAt } from '../../src/state/replay.js';
import type { Status } from '../../machines/status-table.js';

const UNSAFE: PauseToKeep = { status: 'UNSAFE', reason: 'wrote files', source: 'state.json' };

describe('eventsToKeepPause', () => {
  it.each<[Status, string[] | null]>([
    ['UNSAFE', []],
    ['IMPLEMENT_MILESTONE', ['pause.requested']],
    ['CODEX_FINAL_REVIEW', ['pause.requested']],
    ['SETUP_COMPLETE', ['task.started', 'pause.requested']],
    ['DONE', ['task.started', 'pause.requested']],
    ['PAUSED_FOR_HUMAN', null],
    ['NEEDS_SECRET', null],
  ])('from %s: %j', (current, types) => {
    const events = eventsToKeepPause(current, UNSAFE, 'add search');
    expect(events?.map((e) => e.type) ?? null).toEqual(types);
  });

  it('names where the pause was kept from, and uses a placeholder task when none is known', () => {
    const events = eventsToKeepPause('SETUP_COMPLETE', UNSAFE, null)!;
    expect(events[0]).toEqual({ type: 'task.started', task: UNKNOWN_TASK });
    expect(events[1]).toEqual({ type: 'pause.requested', kind: 'unsafe', reason: 'wrote files (pause kept from state.json)', code: 'kept_pause' });
  });
});

describe('pauseNamedIn (state text that cannot be used)', () => {
  it.each([
    ['a valid-JSON state with a pause', JSON.stringify({ status: 'NEEDS_SECRET', snapshot: { context: { pause: { reason: 'stripe key' } } } }), { status: 'NEEDS_SECRET', reason: 'stripe key' }],
    ['a truncated state', '{\n  "schemaVersion": 1,\n  "revision": 4,\n  "status": "UNSAFE",\n  "upd', { status: 'UNSAFE', reason: 'state.json said UNSAFE' }],
    ['an active state', JSON.stringify({ status: 'IMPLEMENT_MILESTONE' }), null],
    ['an unknown status', JSON.stringify({ status: 'READY_TO_CONTINUE' }), null],
    ['garbage', 'not json', null],
  ])('%s', (_name, text, expected) => {
    const found = pauseNamedIn(text, 'x');
    expect(found === null ? null : { status: found.status, reason: found.reason }).toEqual(expected);
  });
});

describe('firstDifference', () => {
  it.each([
    [{ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 }, null],
    [{ a: 1 }, { a: 2 }, 'a'],
    [{ a: { b: [1, { c: 'x' }] } }, { a: { b: [1, { c: 'y' }] } }, 'a.b[1].c'],
    [{ a: [1] }, { a: [1, 2] }, 'a[1]'],
    [{ a: 1 }, { a: 1, z: null }, 'z'],
    [{ a: null }, { a: {} }, 'a'],
    ['x', 'y', '(root)'],
  ])('%j vs %j → %s', (a, b, path) => {
    expect(firstDifference(a, b)).toBe(path);
  });

  it('valueAt reads the value at such a path', () => {
    expect(valueAt({ a: { b: [1, { c: 'x' }] } }, 'a.b[1].c')).toBe('x');
    expect(valueAt({ a: 1 }, 'a.b')).toBeUndefined();
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DISCOVERY_DOCS } from '../../machines/guards.js';
import { isPaused, PAUSE_KIND_STATUS, type Status } from '../../machines/status-table.js';
import type { DocState } from '../../machines/types.js';
import type { CcccError } from '../../src/errors.js';
import { stateSchemaVersion } from '../../src/migrations/state/index.js';
import { ORIGINAL_STATUS_MAP, mapOriginalStatus } from '../../src/migrations/state/status-map.js';
import { migrateOriginalState, type WorkspaceFacts } from '../../src/migrations/state/v0-original.js';
import { journalFromEvents, stampEvent } from '../../src/state/rebuild.js';
import { LIMITS } from '../helpers/events.js';

const WS = path.join(import.meta.dirname, '..', 'fixtures', 'workspaces');
const AT = '2026-11-24T00:00:00.000Z';
const docs = (state: DocState): Record<string, DocState> => Object.fromEntries(DISCOVERY_DOCS.map((d) => [d, state]));
const facts = (filled: boolean): WorkspaceFacts => ({ docs: docs(filled ? 'filled' : 'missing'), milestones: { milestones: [], errors: ['docs/cccc/milestones.yaml: missing'] } });

/** Migrate an original state and replay the events: the state `cccc update` would write. */
function migrated(original: Record<string, unknown>, filled = true) {
  const m = migrateOriginalState(original, facts(filled));
  const { envelope, entries } = journalFromEvents(m.events.map((e) => stampEvent(e, AT, LIMITS)), 'repair', AT);
  return { m, envelope, entries, ctx: envelope.snapshot.context };
}

const run = (status: string, extra: Record<string, unknown> = {}) => ({ status, task: 'add search', pause_reason: null, ...extra });

describe('state migration 0 (original skill) → 1: the status mapping', () => {
  it.each<[string, boolean, Status, Status | null]>([
    ['SETUP_COMPLETE', true, 'SETUP_COMPLETE', null],
    ['NOT_INITIALIZED', true, 'SETUP_COMPLETE', null],
    ['DONE', true, 'SETUP_COMPLETE', null],
    ['COMPLETED', true, 'SETUP_COMPLETE', null],
    ['FAILED', true, 'SETUP_COMPLETE', null],
    ['DISCOVER_EXISTING_PROJECT', true, 'DISCOVER_EXISTING_PROJECT', null],
    ['CLAUDE_PLANNING_REVIEW', true, 'CLAUDE_PLANNING_REVIEW', null],
    ['CLAUDE_PLANNING_REVIEW', false, 'DISCOVER_EXISTING_PROJECT', null],
    ['REPLANNING', true, 'CLAUDE_PLANNING_REVIEW', null],
    ['READY_TO_CONTINUE', true, 'PAUSED_FOR_HUMAN', 'CLAUDE_PLANNING_REVIEW'],
    ['READY_TO_CONTINUE', false, 'PAUSED_FOR_HUMAN', 'DISCOVER_EXISTING_PROJECT'],
    ['IMPLEMENT_MILESTONE', true, 'PAUSED_FOR_HUMAN', 'CLAUDE_PLANNING_REVIEW'],
    ['CODEX_FINAL_REVIEW', true, 'PAUSED_FOR_HUMAN', 'CLAUDE_PLANNING_REVIEW'],
    ['NEEDS_CURATION', true, 'PAUSED_FOR_HUMAN', 'CLAUDE_PLANNING_REVIEW'],
    ['PAUSED_FOR_HUMAN', true, 'PAUSED_FOR_HUMAN', 'CLAUDE_PLANNING_REVIEW'],
    ['NEEDS_HUMAN', true, 'PAUSED_FOR_HUMAN', 'CLAUDE_PLANNING_REVIEW'],
    ['NEEDS_SECRET', true, 'NEEDS_SECRET', 'CLAUDE_PLANNING_REVIEW'],
    ['SENSITIVE_OPERATION', false, 'SENSITIVE_OPERATION', 'DISCOVER_EXISTING_PROJECT'],
    ['UNSAFE', true, 'UNSAFE', 'CLAUDE_PLANNING_REVIEW'],
    ['PAUSED_FOR_CODEX', true, 'PAUSED_FOR_CODEX', 'CLAUDE_PLANNING_REVIEW'],
    ['PAUSED_FOR_CODEX_RECHECK_FAILURE', true, 'PAUSED_FOR_CODEX', 'CLAUDE_PLANNING_REVIEW'],
    ['PAUSED_FOR_SYSTEM', true, 'PAUSED_FOR_SYSTEM', 'CLAUDE_PLANNING_REVIEW'],
    ['FAIL_UNCLEAR', true, 'FAIL_UNCLEAR', 'CLAUDE_PLANNING_REVIEW'],
    ['REVIEW_THRESHOLD_EXCEEDED', true, 'REVIEW_THRESHOLD_EXCEEDED', 'CLAUDE_PLANNING_REVIEW'],
    ['NEEDS_REPLAN', true, 'NEEDS_REPLAN', 'CLAUDE_PLANNING_REVIEW'],
    ['ERROR', true, 'PAUSED_FOR_HUMAN', 'CLAUDE_PLANNING_REVIEW'],
    ['constructor', true, 'PAUSED_FOR_HUMAN', 'CLAUDE_PLANNING_REVIEW'],
  ])('%s (discovery docs written: %s) → %s, interrupting %s', (status, filled, expected, interrupted) => {
    const { envelope, ctx } = migrated(run(status), filled);
    expect(envelope.status).toBe(expected);
    expect(ctx.pause?.interrupted ?? null).toBe(interrupted);
    if (expected !== 'SETUP_COMPLETE') expect(ctx.task).toBe('add search');
  });

  it('no original pause ever maps to an active status', () => {
    for (const [status, mapping] of Object.entries(ORIGINAL_STATUS_MAP)) {
      if (mapping.to !== 'pause') continue;
      for (const filled of [true, false]) {
        const { envelope } = migrated(run(status, { current_milestone_id: 'M002', completed_milestones: ['M001'] }), filled);
        expect(isPaused(envelope.status), `${status} filled=${filled}`).toBe(true);
        expect(envelope.status).toBe(PAUSE_KIND_STATUS[mapping.kind]);
      }
    }
  });

  it('a mid-run state carries milestone progress into the context as question U1', () => {
    const { ctx, m } = migrated(run('READY_TO_CONTINUE', { current_milestone_id: 'M003', completed_milestones: ['M001', 'M002'] }));
    expect(ctx.questions).toEqual([expect.objectContaining({ id: 'U1', recommended: 'A', question: expect.stringMatching(/current milestone M003; completed M001, M002/) })]);
    expect(ctx.questions[0]!.options.map((o) => o.id)).toEqual(['A', 'B', 'C']);
    expect(ctx.lastSelfReview?.summary).toMatch(/^cccc update: migrated from the original skill \(status READY_TO_CONTINUE, milestone M003, completed M001, M002\)/);
    expect(ctx.outcomes).toEqual([]); // never recorded as passed without a cccc gate record
    expect(m.mapping.to).toBe('mid-run');
  });

  it('a pause keeps the original pause_reason', () => {
    const { ctx } = migrated(run('NEEDS_SECRET', { pause_reason: 'needs the Stripe key' }));
    expect(ctx.pause).toMatchObject({ kind: 'secret', reason: expect.stringMatching(/^needs the Stripe key \(pause kept from the original state\.json\)/) });
  });

  it('a paused run without a task gets a placeholder task and a warning', () => {
    const { envelope, m } = migrated(run('UNSAFE', { task: '' }), false);
    expect(envelope.status).toBe('UNSAFE');
    expect(envelope.snapshot.context.task).toMatch(/task unknown/);
    expect(m.notes).toContainEqual(expect.objectContaining({ level: 'warn', path: 'task' }));
  });

  it.each(['original-0.1.17', 'original-0.1.22'])('the %s fixture migrates and its events all replay', (name) => {
    const value = JSON.parse(readFileSync(path.join(WS, name, 'docs', 'cccc', 'state.json'), 'utf8'));
    expect(stateSchemaVersion(value, 'state.json')).toBe(0);
    const { entries, envelope, m } = migrated(value, name.endsWith('17'));
    expect(entries.every((e) => e.actor === 'repair')).toBe(true);
    expect(envelope.status).toBe(name.endsWith('17') ? 'PAUSED_FOR_HUMAN' : 'UNSAFE');
    expect(m.notes.map((n) => n.path)).toEqual(expect.arrayContaining(name.endsWith('17') ? ['enabled', 'known_risks'] : ['pending_codex_recheck', 'lower_assurance_mode']));
  });

  it.each([
    [{ schemaVersion: 1 }, 1],
    [{ status: 'READY_TO_CONTINUE' }, 0],
    [{ skill_name: 'cc-codex-collaborate' }, 0],
  ])('schema version of %j is %i', (value, version) => {
    expect(stateSchemaVersion(value, 'state.json')).toBe(version);
  });

  it.each([[[]], [{ foo: 1 }], ['text']])('%j is neither state', (value) => {
    expect(() => stateSchemaVersion(value, 'state.json')).toThrow(expect.objectContaining({ code: 'STATE_CORRUPT' }) as unknown as CcccError);
  });

  it('an unknown status is paused for a human, by name', () => {
    expect(mapOriginalStatus('READY_TO_SHIP')).toMatchObject({ to: 'pause', kind: 'human', note: expect.stringMatching(/unknown status "READY_TO_SHIP"/) });
  });
});

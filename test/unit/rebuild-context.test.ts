/**
 * `cccc rebuild-context` (issue #5): rebuilds docs/cccc/context-bundle.md for the current review target without
 * touching the machine, and reports size, cap, cut sections and withheld files.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { STATUSES, type Status } from '../../machines/status-table.js';
import type { WorkflowContext } from '../../machines/types.js';
import { contextGateOf, formatRebuildContext, runRebuildContext } from '../../src/commands/rebuild-context.js';
import { sha256Text } from '../../src/files/sha256.js';
import { readState } from '../../src/state/store.js';
import { JOURNAL_SCENARIOS, recordScenario } from '../helpers/journal-scenarios.js';
import { tempWorkspace } from '../helpers/tmp.js';

describe('cccc rebuild-context', () => {
  it('rebuilds the milestone bundle in IMPLEMENT_MILESTONE, withholds secret-looking files, and leaves state and journal alone', async () => {
    const paths = tempWorkspace((c) => {
      c.codex.max_context_bytes = 16_384;
    });
    const happy = JOURNAL_SCENARIOS.find((s) => s.name === 'happy-two-milestones-with-fix')!;
    await recordScenario(paths, { ...happy, events: happy.events.slice(0, 4) });
    mkdirSync(path.join(paths.root, 'src'), { recursive: true });
    writeFileSync(path.join(paths.root, 'src', 'index.ts'), `${'export const line = "x";\n'.repeat(2000)}`);
    writeFileSync(path.join(paths.root, '.env'), 'API_KEY=do-not-send\n');
    const state = readFileSync(paths.state, 'utf8');
    const journal = readFileSync(paths.journal, 'utf8');

    const r = await runRebuildContext({}, { cwd: paths.root });
    expect(r).toMatchObject({ file: 'docs/cccc/context-bundle.md', status: 'IMPLEMENT_MILESTONE', gate: 'milestone', id: 'M001', round: 0, cap: 16_384, withheld: ['.env'] });
    const text = readFileSync(paths.contextBundle, 'utf8');
    expect(Buffer.byteLength(text)).toBe(r.bytes);
    expect(r.bytes).toBeLessThanOrEqual(16_384);
    expect(sha256Text(text)).toBe(r.sha256);
    expect(text).not.toContain('do-not-send');
    expect(r.truncated.length).toBeGreaterThan(0);
    expect(readFileSync(paths.state, 'utf8')).toBe(state);
    expect(readFileSync(paths.journal, 'utf8')).toBe(journal);

    const human = formatRebuildContext(r);
    expect(human).toMatch(/^Rebuilt docs\/cccc\/context-bundle\.md for the milestone review of M001 \(round 0\): \d+ bytes of the 16384-byte cap\.\n/);
    expect(human).toContain('Withheld (secret-looking; listed by name only, content never sent): .env');
    expect(human).toMatch(/Cut to fit the cap: .*diff/);
    expect(human.endsWith('The workflow state was not touched.')).toBe(true);
  });

  it('--gate chooses another gate; an unknown gate is a usage error', async () => {
    const paths = tempWorkspace();
    const r = await runRebuildContext({ gate: 'final' }, { cwd: paths.root });
    expect(r).toMatchObject({ gate: 'final', id: 'final' });
    expect((await runRebuildContext({}, { cwd: paths.root })).gate).toBe('plan');
    await expect(runRebuildContext({ gate: 'release' }, { cwd: paths.root })).rejects.toMatchObject({ code: 'USAGE' });
    expect((await readState(paths)).revision).toBe(0);
  });

  it('picks the gate each status is heading for', () => {
    const ctx = { fixReturnTo: null, pause: null } as unknown as WorkflowContext;
    const expected: Partial<Record<Status, string>> = {
      SETUP_COMPLETE: 'plan',
      DISCOVER_EXISTING_PROJECT: 'plan',
      CLAUDE_PLANNING_REVIEW: 'plan',
      CODEX_ADVERSARIAL_PLAN_REVIEW: 'plan',
      CLAUDE_REVISE_PLAN: 'plan',
      IMPLEMENT_MILESTONE: 'milestone',
      CODEX_MILESTONE_REVIEW: 'milestone',
      CLAUDE_FIX: 'milestone',
      CODEX_FINAL_REVIEW: 'final',
      DONE: 'final',
    };
    for (const status of STATUSES.filter((s) => s in expected)) expect(contextGateOf(status, ctx), status).toBe(expected[status]);
    expect(contextGateOf('CLAUDE_FIX', { ...ctx, fixReturnTo: 'CODEX_FINAL_REVIEW' })).toBe('final');
    const paused = { ...ctx, pause: { interrupted: 'CODEX_MILESTONE_REVIEW' } } as unknown as WorkflowContext;
    expect(contextGateOf('PAUSED_FOR_CODEX', paused)).toBe('milestone');
  });
});

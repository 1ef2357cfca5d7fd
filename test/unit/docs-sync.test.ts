/**
 * Docs sync (issue #6): the classifier as a table (by document, by changed line, cccc's own decision-log entries,
 * config switches), and `unsyncedDocs` against a baseline in a temp workspace — hashes, baseline copies, and the
 * original's first-sync hang (inventory §10 A6) not repeated.
 */
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DocChange, WorkflowContext } from '../../machines/index.js';
import { recommendedConfig } from '../../src/config/presets.js';
import { applySwitches, changedLines, classifyDoc, onlyCcccAppends } from '../../src/docs-sync/classify.js';
import { docHashes, trackedDocs, writeBaselineCopies } from '../../src/docs-sync/hashes.js';
import { unsyncedDocs } from '../../src/docs-sync/unsynced.js';
import { formatDecision } from '../../src/plan/decision-log.js';
import { tempWorkspace } from '../helpers/tmp.js';
import { initialContext } from '../../machines/index.js';

// prettier-ignore
const TABLE: [doc: string, before: string | null, after: string | null, change: DocChange['change'], impact: DocChange['impact'], why: RegExp][] = [
  ['architecture.md',   'A layered app.\n',  'A layered app.\nAdd a cache layer.\n',               'modified', 'architecture', /architecture document/],
  ['architecture.md',   'Store: SQLite.\n',  'Store: we switch to Postgres.\n',                     'modified', 'stack',        /switch to Postgres/],
  ['roadmap.md',        '1. greet\n',        '1. greet\n2. farewell\n',                             'modified', 'roadmap',      /roadmap document/],
  ['milestones.yaml',   '- id: M001\n',      '- id: M001\n- id: M002\n',                            'modified', 'roadmap',      /roadmap document/],
  ['project-brief.md',  'Greeting CLI.\n',   'Greeting and farewell CLI.\n',                        'modified', 'roadmap',      /roadmap document/],
  ['current-state.md',  'Tests pass.\n',     'Tests pass.\nCI is slow.\n',                          'modified', 'context',      /context-only document/],
  ['current-state.md',  'Uses express.\n',   'Uses express.\nWe migrate to fastify next week.\n',   'modified', 'stack',        /migrate to fastify/],
  ['open-questions.md', 'Q: naming?\n',      'Q: naming?\nDecided: change the architecture to event-driven instead of polling.\n', 'modified', 'architecture', /architecture/],
  ['test-strategy.md',  'node --test\n',     'node --test\nUse React testing later.\n',             'modified', 'context',      /context-only/], // no change verb
  ['roadmap.md',        '1. greet\n',        null,                                                  'deleted',  'roadmap',      /was deleted/],
  ['risk-register.md',  null,                'New risks.\n',                                        'added',    'context',      /no baseline copy/],
  ['architecture.md',   null,                'Rewritten.\n',                                        'modified', 'architecture', /no baseline copy/],
];

describe('classifyDoc', () => {
  it.each(TABLE)('%s: %j → %j (%s)', (doc, before, after, change, impact, why) => {
    const c = classifyDoc(doc, before, after, change);
    expect(c?.impact).toBe(impact);
    expect(c?.why).toMatch(why);
  });

  it('a decision log that only grew by cccc’s own entries is not a person’s change', () => {
    const before = '# Decisions\n';
    const after = before + formatDecision({ at: '2026-11-21T12:00:00.000Z', title: 'Resume PAUSED_FOR_CODEX → CODEX_MILESTONE_REVIEW', fields: { strategy: 'recommended', confirmed: 'no' } }) + formatDecision({ at: '2026-11-21T12:01:00.000Z', title: 'Answer to Q1', fields: { answer: 'A' } }) + formatDecision({ at: '2026-11-21T12:02:00.000Z', title: 'Codex bypass: milestone gate of M001', fields: { reason: 'quota_exhausted' } });
    expect(onlyCcccAppends(before, after)).toBe(true);
    expect(classifyDoc('decision-log.md', before, after, 'modified')).toBeNull();
    const person = `${after}\n## We decided\nWe switch to Postgres.\n`;
    expect(classifyDoc('decision-log.md', before, person, 'modified')).toMatchObject({ impact: 'stack' });
  });

  it('changedLines is a multiset difference, order ignored', () => {
    expect(changedLines('a\nb\nb\n', 'b\na\nc\n').sort()).toEqual(['b', 'c']);
  });

  it.each([
    ['architecture', 'invalidate_plan_on_architecture_change', 'context'],
    ['stack', 'invalidate_plan_on_stack_change', 'context'],
    ['roadmap', 'invalidate_plan_on_roadmap_change', 'context'],
  ] as const)('docs_sync.%s switched off turns %s into context-only', (impact, key, expected) => {
    const config = recommendedConfig();
    config.docs_sync[key] = false;
    expect(applySwitches({ doc: 'x.md', change: 'modified', impact, why: 'w' }, config)).toMatchObject({ impact: expected, why: expect.stringContaining(key) });
  });

  it('allow_context_only_for_low_impact_changes false makes every change need a replan', () => {
    const config = recommendedConfig();
    config.docs_sync.allow_context_only_for_low_impact_changes = false;
    expect(applySwitches({ doc: 'x.md', change: 'modified', impact: 'context', why: 'w' }, config).impact).toBe('roadmap');
  });
});

describe('unsyncedDocs', () => {
  const approved = (docsBaseline: WorkflowContext['docsBaseline']): WorkflowContext => ({ ...initialContext(), planApproved: true, docsBaseline });

  it('no baseline before a plan approval; clean right after; classified changes after edits (each doc read once, no hang)', async () => {
    const paths = tempWorkspace();
    const config = recommendedConfig();
    writeFileSync(paths.doc('architecture.md'), 'A CLI with one module.\nStore: files.\n');
    writeFileSync(paths.doc('current-state.md'), 'Tests pass.\n');
    expect((await unsyncedDocs(paths, config, initialContext())).status).toBe('no_baseline');
    const baseline = await docHashes(paths, trackedDocs(config));
    await writeBaselineCopies(paths, trackedDocs(config));
    expect(await unsyncedDocs(paths, config, approved(baseline))).toMatchObject({ status: 'clean', changes: [] });

    writeFileSync(paths.doc('architecture.md'), 'A CLI with one module.\nStore: we migrate to SQLite.\n');
    writeFileSync(paths.doc('current-state.md'), 'Tests pass.\nTwo flaky tests.\n');
    writeFileSync(paths.doc('roadmap.md'), 'New roadmap.\n');
    const found = await unsyncedDocs(paths, config, approved(baseline));
    expect(found.status).toBe('changed');
    expect(found.changes.map((c) => [c.doc, c.change, c.impact])).toEqual([
      ['current-state.md', 'modified', 'context'],
      ['architecture.md', 'modified', 'stack'],
      ['roadmap.md', 'added', 'roadmap'],
    ]);
  });

  it('is off when docs_sync.enabled is false', async () => {
    const config = recommendedConfig();
    config.docs_sync.enabled = false;
    expect((await unsyncedDocs(tempWorkspace(), config, approved({}))).status).toBe('disabled');
  });

  it('tracked_documents entries with a path are ignored (only files under docs/cccc/)', () => {
    const config = recommendedConfig();
    config.docs_sync.tracked_documents = ['roadmap.md', '../secrets.md', 'sub/dir.md', '..'];
    expect(trackedDocs(config)).toEqual(['roadmap.md']);
  });
});

/**
 * `machineGraph()` / `toMermaid()` (issue #5, `cccc graph`): generated from the machine definition, every
 * status present, the happy path present, deterministic output.
 */
import { describe, expect, it } from 'vitest';
import { STATUSES, STATUS_TABLE, guardLabel, machineGraph, toMermaid, type GraphTransition } from '../../machines/index.js';

const graph = machineGraph();
const has = (from: string, event: string, to: string) =>
  graph.transitions.some((t) => t.from === from && t.event === event && t.to === to);

describe('machineGraph', () => {
  it('lists every status once, in machine order, with its kind from the status table', () => {
    expect(graph.states.map((s) => s.id)).toEqual(STATUSES);
    for (const s of graph.states) expect(s.kind).toBe(STATUS_TABLE[s.id].kind);
  });

  it('every transition joins two known statuses', () => {
    const ids = new Set<string>(STATUSES);
    for (const t of graph.transitions) {
      expect(ids.has(t.from), t.from).toBe(true);
      expect(ids.has(t.to), t.to).toBe(true);
    }
  });

  // prettier-ignore
  const HAPPY_PATH: [string, string, string][] = [
    ['SETUP_COMPLETE',                'task.started',        'DISCOVER_EXISTING_PROJECT'],
    ['DISCOVER_EXISTING_PROJECT',     'discovery.submitted', 'CLAUDE_PLANNING_REVIEW'],
    ['CLAUDE_PLANNING_REVIEW',        'plan.submitted',      'CODEX_ADVERSARIAL_PLAN_REVIEW'],
    ['CODEX_ADVERSARIAL_PLAN_REVIEW', 'review.verdict',      'IMPLEMENT_MILESTONE'],
    ['IMPLEMENT_MILESTONE',           'milestone.submitted', 'CODEX_MILESTONE_REVIEW'],
    ['CODEX_MILESTONE_REVIEW',        'review.verdict',      'CLAUDE_FIX'],
    ['CLAUDE_FIX',                    'fix.submitted',       'CODEX_MILESTONE_REVIEW'],
    ['CODEX_MILESTONE_REVIEW',        'review.verdict',      'IMPLEMENT_MILESTONE'],
    ['CODEX_MILESTONE_REVIEW',        'review.verdict',      'CODEX_FINAL_REVIEW'],
    ['CODEX_FINAL_REVIEW',            'review.verdict',      'DONE'],
    ['DONE',                          'task.started',        'DISCOVER_EXISTING_PROJECT'],
    ['CODEX_ADVERSARIAL_PLAN_REVIEW', 'review.verdict',      'CLAUDE_REVISE_PLAN'],
    ['CLAUDE_REVISE_PLAN',            'plan.submitted',      'CODEX_ADVERSARIAL_PLAN_REVIEW'],
    ['CODEX_MILESTONE_REVIEW',        'review.failed',       'PAUSED_FOR_CODEX'],
    ['CODEX_FINAL_REVIEW',            'review.unsafe',       'UNSAFE'],
    ['UNSAFE',                        'resume',              'CLAUDE_PLANNING_REVIEW'],
    ['PAUSED_FOR_HUMAN',              'resume',              'IMPLEMENT_MILESTONE'],
  ];
  it.each(HAPPY_PATH)('has %s --%s--> %s', (from, event, to) => {
    expect(has(from, event, to)).toBe(true);
  });

  it('carries the guards as written in the machine', () => {
    const approve = graph.transitions.find((t) => t.from === 'CODEX_ADVERSARIAL_PLAN_REVIEW' && t.to === 'IMPLEMENT_MILESTONE');
    expect(approve?.guard).toBe('gateIs(plan) && verdictPassed && openMilestoneLeft');
    const start = graph.transitions.find((t) => t.from === 'SETUP_COMPLETE' && t.event === 'task.started');
    expect(start).toEqual({ from: 'SETUP_COMPLETE', event: 'task.started', to: 'DISCOVER_EXISTING_PROJECT' });
  });

  it('leaves out resume definitions that can never pass (statuses that accept no strategy)', () => {
    for (const t of graph.transitions.filter((x) => x.event === 'resume')) {
      expect(STATUS_TABLE[t.from].kind, `${t.from} --resume--> ${t.to}`).toBe('paused');
    }
  });

  it('the idle and terminal statuses accept nothing but a new task', () => {
    const out = graph.transitions.filter((t) => t.from === 'SETUP_COMPLETE' || t.from === 'DONE');
    expect(out.map((t) => t.event)).toEqual(['task.started', 'task.started']);
  });

  it('lists question.answered and a context-only docs sync (issue #6) as accepted in any status', () => {
    expect(graph.anyState).toEqual([
      { event: 'docs.synced', guard: 'docsContextOnly' },
      { event: 'question.answered' },
    ]);
  });

  it('has no duplicate edges', () => {
    const keys = graph.transitions.map((t: GraphTransition) => JSON.stringify([t.from, t.event, t.to, t.guard ?? null]));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('is deterministic and JSON-serialisable', () => {
    expect(JSON.stringify(machineGraph())).toBe(JSON.stringify(graph));
    expect(JSON.parse(JSON.stringify(graph))).toEqual(graph);
  });
});

describe('toMermaid', () => {
  const text = toMermaid(graph);

  it('is a stateDiagram-v2 starting in SETUP_COMPLETE', () => {
    expect(text.startsWith('stateDiagram-v2\n  [*] --> SETUP_COMPLETE\n')).toBe(true);
    expect(text.endsWith('\n')).toBe(true);
  });

  it('draws every status and every (from, to) pair once', () => {
    for (const s of STATUSES) expect(text).toMatch(new RegExp(`\\b${s}\\b`));
    const arrows = text.split('\n').filter((l) => l.includes(' --> ') && !l.includes('[*]'));
    const pairs = new Set(graph.transitions.map((t) => `${t.from} --> ${t.to}`));
    expect(arrows).toHaveLength(pairs.size);
    expect(text).toContain('  SETUP_COMPLETE --> DISCOVER_EXISTING_PROJECT : task.started\n');
    expect(text).toContain('  CODEX_FINAL_REVIEW --> DONE : review.verdict\n');
  });

  it('classes the pauses, the idle and the terminal status', () => {
    const pauses = STATUSES.filter((s) => STATUS_TABLE[s].kind === 'paused');
    expect(text).toContain(`  class ${pauses.join(',')} paused\n`);
    expect(text).toContain('  class SETUP_COMPLETE idle\n');
    expect(text).toContain('  class DONE terminal\n');
  });

  it('is deterministic', () => {
    expect(toMermaid(machineGraph())).toBe(text);
  });

  it('orders edges by source then target in state order', () => {
    const order = new Map<string, number>(STATUSES.map((s, i) => [s, i]));
    const ranks = [...text.matchAll(/^ {2}([A-Z_]+) --> ([A-Z_]+) :/gm)].map((m) => [order.get(m[1]!)!, order.get(m[2]!)!]);
    expect(ranks.length).toBeGreaterThan(STATUSES.length);
    for (let i = 1; i < ranks.length; i++) {
      const [a, b] = [ranks[i - 1]!, ranks[i]!];
      expect(a[0]! < b[0]! || (a[0] === b[0] && a[1]! < b[1]!), `edge ${i}`).toBe(true);
    }
  });
});

describe('guardLabel', () => {
  it('renders named, parameterized and unknown guards', () => {
    expect(guardLabel('verdictPassed')).toBe('verdictPassed');
    expect(guardLabel({ type: 'gateIs', params: { gate: 'final' } })).toBe('gateIs(final)');
    expect(guardLabel({ type: 'planReady' })).toBe('planReady');
    expect(guardLabel(function inline() {})).toBe('ƒinline');
  });
});

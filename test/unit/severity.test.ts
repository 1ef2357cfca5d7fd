/**
 * Severity blocking (issue #2 §2): P0 always blocks, P1 when `review.block_on_p1`, P2 unless
 * `review.allow_continue_with_p2`, P3 never; and "a pass with a blocking finding is not a pass" at every gate.
 */
import { describe, expect, it } from 'vitest';
import {
  applyEvent,
  blockingFindings,
  severityBlocks,
  statusOfSnapshot,
  verdictPasses,
  type Finding,
  type GateName,
  type Severity,
  type Status,
} from '../../machines/index.js';
import { reach, verdict } from '../helpers/machine-fixtures.js';

type Flags = { blockOnP1: boolean; allowContinueWithP2: boolean };
const FLAGS: [string, Flags][] = [
  ['p1 blocks, p2 allowed', { blockOnP1: true, allowContinueWithP2: true }],
  ['p1 blocks, p2 blocks', { blockOnP1: true, allowContinueWithP2: false }],
  ['p1 allowed, p2 allowed', { blockOnP1: false, allowContinueWithP2: true }],
  ['p1 allowed, p2 blocks', { blockOnP1: false, allowContinueWithP2: false }],
];

/** Expected blocking per severity for each FLAGS row, in FLAGS order. */
// prettier-ignore
const BLOCKS: Record<Severity, [boolean, boolean, boolean, boolean]> = {
  P0: [true,  true,  true,  true],
  P1: [true,  true,  false, false],
  P2: [false, true,  false, true],
  P3: [false, false, false, false],
};

const rows = (Object.keys(BLOCKS) as Severity[]).flatMap((severity) =>
  FLAGS.map(([label, flags], i) => ({ severity, label, flags, blocks: BLOCKS[severity][i]! })),
);

describe('severityBlocks', () => {
  it.each(rows)('$severity with $label → blocks=$blocks', ({ severity, flags, blocks }) => {
    expect(severityBlocks(severity, flags)).toBe(blocks);
  });
});

describe('blockingFindings and verdictPasses', () => {
  const findings: Finding[] = [
    { severity: 'P3', title: 'nit' },
    { severity: 'P2', title: 'naming' },
    { severity: 'P1', title: 'bug' },
    { severity: 'P0', title: 'data loss' },
  ];

  it('keeps the original order of the blocking findings', () => {
    expect(blockingFindings(findings, FLAGS[0]![1]).map((f) => f.title)).toEqual(['bug', 'data loss']);
    expect(blockingFindings(findings, FLAGS[3]![1]).map((f) => f.title)).toEqual(['naming', 'data loss']);
  });

  // prettier-ignore
  const PASSES: [status: string, findings: Finding[], passStatus: 'pass' | 'approved', passes: boolean][] = [
    ['pass',     [],                                   'pass',     true],
    ['pass',     [{ severity: 'P3', title: 'nit' }],   'pass',     true],
    ['pass',     [{ severity: 'P2', title: 'p2' }],    'pass',     true],
    ['pass',     [{ severity: 'P1', title: 'p1' }],    'pass',     false],
    ['pass',     [{ severity: 'P0', title: 'p0' }],    'pass',     false],
    ['approved', [],                                   'approved', true],
    ['approved', [{ severity: 'P0', title: 'p0' }],    'approved', false],
    ['approved', [],                                   'pass',     false],
    ['pass',     [],                                   'approved', false],
    ['fail_fixable', [],                               'pass',     false],
    ['PASS',     [],                                   'pass',     false],
  ];
  it.each(PASSES)('%s with %j at a %s gate → passes=%s', (status, f, passStatus, passes) => {
    expect(verdictPasses(status, f, FLAGS[0]![1], passStatus)).toBe(passes);
  });
});

describe('a pass with a blocking finding is not a pass, at every gate', () => {
  const GATES: [GateName, Status, string, Status, Status][] = [
    // gate, review status, pass word, status after a real pass, status after a blocked pass
    ['plan', 'CODEX_ADVERSARIAL_PLAN_REVIEW', 'approved', 'IMPLEMENT_MILESTONE', 'CLAUDE_REVISE_PLAN'],
    ['milestone', 'CODEX_MILESTONE_REVIEW', 'pass', 'IMPLEMENT_MILESTONE', 'CLAUDE_FIX'],
    ['final', 'CODEX_FINAL_REVIEW', 'pass', 'DONE', 'CLAUDE_FIX'],
  ];
  const cases = GATES.flatMap(([gate, status, word, passed, blocked]) =>
    rows.map((r) => ({ gate, status, word, ...r, expected: r.blocks ? blocked : passed })),
  );

  it.each(cases)('$gate gate: $word with one $severity ($label) → $expected', ({ gate, status, word, severity, flags, blocks, expected }) => {
    const event = verdict(gate, word, [{ severity, title: `${severity} finding` }], [], { limits: flags });
    const { snapshot, changed } = applyEvent(reach(status), event);
    expect(changed).toBe(true);
    expect(statusOfSnapshot(snapshot)).toBe(expected);
    expect(snapshot.context.gates.at(-1)?.gate).toBe(gate);
    // A blocked pass keeps the findings for Claude's fix; a real pass moves on to a fresh gate.
    if (blocks) expect(snapshot.context.lastFindings).toEqual([{ severity, title: `${severity} finding` }]);
  });

  it('a blocked milestone pass is not recorded as an accepted milestone', () => {
    const event = verdict('milestone', 'pass', [{ severity: 'P0', title: 'secret in log' }]);
    const { snapshot } = applyEvent(reach('CODEX_MILESTONE_REVIEW'), event);
    expect(snapshot.context.outcomes).toEqual([]);
    expect(snapshot.context.fixAttempts).toBe(1);
  });
});

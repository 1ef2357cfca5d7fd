/**
 * Review frequency and batching (issue #6), the pure policy: every mode × risk of a run of milestones against the
 * mode table of machines/review-policy.ts (written out here, not computed), the batch cap, the triggers that always
 * force a review, and `custom` reading the config's `review_frequency`.
 */
import { describe, expect, it } from 'vitest';
import {
  MODE_FREQUENCY,
  applyEvent,
  decideMilestoneReview,
  effectiveFrequency,
  statusOfSnapshot,
  type Milestone,
  type ReviewPolicy,
  type ReviewPolicyMode,
  type Risk,
  type WorkflowSnapshot,
} from '../../machines/index.js';
import { ev, milestone, selfReview } from '../helpers/events.js';
import { discovery, plan, replayAll, start, verdict } from '../helpers/machine-fixtures.js';

/** A policy of `mode` with batching on (cap 3) and every trigger on (large diff at > 800 lines / > 12 files). */
function policy(mode: ReviewPolicyMode, over: Partial<ReviewPolicy> = {}): ReviewPolicy {
  return {
    mode,
    frequency: { low: 4, medium: 2, high: 1, critical: 1 },
    batching: { enabled: true, maxMilestones: 3 },
    triggers: { architecture: true, stack: true, security: true, largeDiff: true, largeDiffLines: 800, largeChangedFiles: 12 },
    ...over,
  };
}

/** Six milestones need a run cap above the preset's 5. */
const ROOMY = { limits: { maxMilestonesPerRun: 20 } };

const submitted = (p: ReviewPolicy | undefined, extra: { lines?: number; files?: number; changes?: ('architecture' | 'stack' | 'security')[] } = {}) =>
  ev(
    'milestone.submitted',
    {
      selfReview: { ...selfReview('ok'), ...(extra.changes ? { changes: extra.changes } : {}) },
      diffStat: { lines: extra.lines ?? 40, files: extra.files ?? 3 },
      ...(p ? { policy: p } : {}),
    },
    ROOMY,
  );

/** Implement M001…Mn under `p`, returning how each submission was decided (`R` reviewed, `B` batched). */
function walk(milestones: Milestone[], p: ReviewPolicy): string {
  let s: WorkflowSnapshot = replayAll([start(), discovery(), plan(milestones), verdict('plan', 'approved')]);
  let out = '';
  for (let i = 0; i < milestones.length; i++) {
    const r = applyEvent(s, submitted(p));
    expect(r.changed).toBe(true);
    s = r.snapshot;
    if (statusOfSnapshot(s) === 'CODEX_MILESTONE_REVIEW') {
      out += 'R';
      s = applyEvent(s, verdict('milestone', 'pass', [], [], ROOMY)).snapshot;
    } else {
      expect(statusOfSnapshot(s)).toBe('IMPLEMENT_MILESTONE');
      out += 'B';
    }
  }
  return out;
}

describe('mode frequency table (README and machines/review-policy.ts)', () => {
  it('is the documented table', () => {
    expect(MODE_FREQUENCY).toEqual({
      strict: { low: 1, medium: 1, high: 1, critical: 1 },
      balanced: { low: 3, medium: 2, high: 1, critical: 1 },
      budget: { low: 5, medium: 3, high: 1, critical: 1 },
      manual: { low: null, medium: null, high: 1, critical: 1 },
    });
  });

  it('custom reads review_frequency; critical is every milestone whatever the table says', () => {
    expect(effectiveFrequency(policy('custom'))).toEqual({ low: 4, medium: 2, high: 1, critical: 1 });
    expect(effectiveFrequency({ mode: 'custom', frequency: { low: 9, medium: 9, high: 9, critical: 9 } }).critical).toBe(1);
  });
});

// Six milestones of one risk: the last is always a phase boundary (R). Batch cap 3.
// prettier-ignore
const RUNS: [ReviewPolicyMode, Risk, string][] = [
  ['strict',   'low',      'RRRRRR'],
  ['strict',   'critical', 'RRRRRR'],
  ['balanced', 'low',      'BBRBBR'], // every 3
  ['balanced', 'medium',   'BRBRBR'], // every 2
  ['balanced', 'high',     'RRRRRR'],
  ['balanced', 'critical', 'RRRRRR'],
  ['budget',   'low',      'BBRBBR'], // every 5, capped by the batch of 3
  ['budget',   'medium',   'BBRBBR'], // every 3
  ['budget',   'high',     'RRRRRR'],
  ['manual',   'low',      'BBRBBR'], // only the batch cap (or a trigger) reviews
  ['manual',   'medium',   'BBRBBR'],
  ['manual',   'high',     'RRRRRR'],
  ['custom',   'low',      'BBRBBR'], // config: every 4, capped by 3
  ['custom',   'medium',   'BRBRBR'], // config: every 2
  ['custom',   'critical', 'RRRRRR'],
];

describe('batching by risk follows the config table', () => {
  it.each(RUNS)('%s mode, six %s-risk milestones → %s', (mode, risk, expected) => {
    const milestones = Array.from({ length: 6 }, (_, i) => milestone(`M00${i + 1}`, risk));
    expect(walk(milestones, policy(mode))).toBe(expected);
  });

  it('mixed risks: the batch is reviewed at the smallest every_n of its milestones (balanced: low 3, medium 2)', () => {
    const milestones = [milestone('M001', 'low'), milestone('M002', 'medium'), milestone('M003', 'low'), milestone('M004', 'low'), milestone('M005', 'low')];
    expect(walk(milestones, policy('balanced'))).toBe('BRBBR');
  });

  it('a larger batch cap lets budget mode batch five low-risk milestones', () => {
    const milestones = Array.from({ length: 6 }, (_, i) => milestone(`M00${i + 1}`, 'low'));
    expect(walk(milestones, policy('budget', { batching: { enabled: true, maxMilestones: 10 } }))).toBe('BBBBRR');
  });

  it('batching disabled: every milestone gets its own review in every mode', () => {
    const milestones = Array.from({ length: 4 }, (_, i) => milestone(`M00${i + 1}`, 'low'));
    for (const mode of ['balanced', 'budget', 'manual', 'custom'] as const) {
      expect(walk(milestones, policy(mode, { batching: { enabled: false, maxMilestones: 3 } })), mode).toBe('RRRR');
    }
  });

  it('without a policy in the event (older callers) every milestone is reviewed', () => {
    const s = replayAll([start(), discovery(), plan([milestone('M001'), milestone('M002')]), verdict('plan', 'approved')]);
    expect(decideMilestoneReview(s.context, submitted(undefined) as never)).toMatchObject({ review: true });
  });
});

describe('triggers always force a review', () => {
  const twoLow = [milestone('M001', 'low'), milestone('M002', 'low'), milestone('M003', 'low')];
  const first = () => replayAll([start(), discovery(), plan(twoLow), verdict('plan', 'approved')]);
  const decide = (e: ReturnType<typeof submitted>) => decideMilestoneReview(first().context, e as never);

  it.each([
    ['architecture change in the self-review', submitted(policy('balanced'), { changes: ['architecture'] }), /architecture change declared/],
    ['stack change in the self-review', submitted(policy('balanced'), { changes: ['stack'] }), /stack change declared/],
    ['security change in the self-review', submitted(policy('balanced'), { changes: ['security'] }), /security change declared/],
    ['large diff by lines', submitted(policy('balanced'), { lines: 801 }), /large diff \(801 lines/],
    ['large diff by files', submitted(policy('balanced'), { files: 13 }), /large diff .*13 files/],
  ])('%s', (_name, event, reason) => {
    const d = decide(event);
    expect(d.review).toBe(true);
    expect(d.reason).toMatch(reason);
  });

  it('a change declared on the milestone itself (milestones.yaml `changes`) forces a review', () => {
    const flagged = [milestone('M001', 'low'), milestone('M002')];
    flagged[0] = { ...flagged[0]!, changes: ['security'] };
    const s = replayAll([start(), discovery(), plan(flagged), verdict('plan', 'approved')]);
    expect(decideMilestoneReview(s.context, submitted(policy('manual')) as never)).toMatchObject({ review: true, reason: expect.stringMatching(/security/) });
  });

  it('a switched-off trigger does not fire', () => {
    const off = policy('balanced', { triggers: { architecture: false, stack: true, security: true, largeDiff: false, largeDiffLines: 800, largeChangedFiles: 12 } });
    expect(decide(submitted(off, { changes: ['architecture'], lines: 5000 })).review).toBe(false);
  });

  it('the large-diff trigger reads the batch diff when the event carries it', () => {
    const e = { ...submitted(policy('balanced'), { lines: 10 }), batchDiffStat: { lines: 900, files: 2 } };
    expect(decide(e).reason).toMatch(/large diff \(900 lines/);
  });

  it('the last milestone is a phase boundary', () => {
    const one = replayAll([start(), discovery(), plan([milestone('M001', 'low')]), verdict('plan', 'approved')]);
    expect(decideMilestoneReview(one.context, submitted(policy('manual')) as never)).toMatchObject({ review: true, reason: expect.stringMatching(/phase boundary/) });
  });

  it('a batched decision is journaled with its reason (no silent skip)', () => {
    const s = applyEvent(first(), submitted(policy('balanced'))).snapshot;
    expect(s.context.reviewDecisions).toEqual([
      { milestone: 'M001', review: false, reason: expect.stringMatching(/accepted pending Codex/), batch: ['M001'], at: expect.any(String) },
    ]);
  });
});

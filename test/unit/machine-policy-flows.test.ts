/**
 * Issue #6 in the pure machine: the budget ledger (usage facts → per run/phase/milestone totals, replay-exact),
 * `checkBudget` before the call that would exceed, the `review.budget_exhausted` guard, batch reviews (accepted
 * pending Codex, resolved by the batch pass, reopened by a failure), the review cache's trust check, docs sync
 * (high impact → NEEDS_REPLAN; context-only → baseline only) and `replan.requested`.
 */
import { describe, expect, it } from 'vitest';
import {
  applyEvent,
  checkBudget,
  emptyLedger,
  recordCall,
  replay,
  statusOfSnapshot,
  type CodexCallFacts,
  type ReviewPolicy,
  type WorkflowEvent,
} from '../../machines/index.js';
import { ev, milestone, record, selfReview, verdictFacts } from '../helpers/events.js';
import {
  BUDGET,
  TO_IMPLEMENT,
  TO_MILESTONE_REVIEW,
  applyAll,
  budgetOut,
  discovery,
  docsSynced,
  failed,
  fixed,
  plan,
  reach,
  replanRequested,
  replayAll,
  start,
  verdict,
} from '../helpers/machine-fixtures.js';

const USAGE: CodexCallFacts = { inputTokens: 1000, cachedInputTokens: 200, outputTokens: 300, reasoningOutputTokens: 50, wallMs: 4000, rateLimitEvents: 1 };

const withUsage = (e: WorkflowEvent): WorkflowEvent => ({ ...e, usage: USAGE }) as WorkflowEvent;

describe('checkBudget (pure)', () => {
  const ledger = (calls: { plan?: number; milestone?: number; final?: number }) => {
    let l = emptyLedger();
    for (let i = 0; i < (calls.plan ?? 0); i++) l = recordCall(l, 'plan', null, USAGE);
    for (let i = 0; i < (calls.milestone ?? 0); i++) l = recordCall(l, 'milestone', 'M001', USAGE);
    for (let i = 0; i < (calls.final ?? 0); i++) l = recordCall(l, 'final', null, USAGE);
    return l;
  };
  // prettier-ignore
  const CASES: [string, Parameters<typeof ledger>[0], 'plan' | 'milestone' | 'final', Partial<typeof BUDGET>, boolean, string | null][] = [
    ['fresh run',                      {},                     'plan',      {},                          true,  null],
    ['run limit reached',              { plan: 2, milestone: 1 }, 'final',  { maxCallsPerRun: 3 },       false, 'run'],
    ['one call left in the run',       { plan: 2 },            'final',     { maxCallsPerRun: 3 },       true,  null],
    ['phase limit reached',            { milestone: 2 },       'milestone', { maxCallsPerPhase: 2, maxCallsPerMilestone: 9 }, false, 'phase'],
    ['milestone limit reached',        { milestone: 4 },       'milestone', {},                          false, 'milestone'],
    ['milestone limit not for final',  { milestone: 4 },       'final',     {},                          true,  null],
    ['planning phase apart from implementation', { milestone: 2 }, 'plan', { maxCallsPerPhase: 2 },       true,  null],
  ];
  it.each(CASES)('%s', (_name, calls, gate, limits, ok, scope) => {
    const check = checkBudget(ledger(calls), gate, 'M001', { ...BUDGET, ...limits });
    expect(check.ok).toBe(ok);
    expect(check.exhausted?.scope ?? null).toBe(scope);
    if (!ok) expect(check.message).toMatch(/used \d+ of \d+ calls \(codex_review_policy\.budget\.max_codex_calls_per_(run|phase|milestone)\)/);
  });

  it('warns when the calls left after this one are ≤ warn_when_remaining_calls_lte', () => {
    expect(checkBudget(ledger({ plan: 1 }), 'final', null, { ...BUDGET, maxCallsPerRun: 4, warnWhenRemainingCallsLte: 2 }).warn).toBe(true);
    expect(checkBudget(ledger({ plan: 1 }), 'final', null, { ...BUDGET, maxCallsPerRun: 5, warnWhenRemainingCallsLte: 2 }).warn).toBe(false);
  });

  it('recordCall adds tokens, wall time and rate limits to run, phase and milestone; a cache hit adds no call', () => {
    const l = recordCall(recordCall(emptyLedger(), 'milestone', 'M001', USAGE), 'milestone', 'M001', null);
    for (const t of [l.run, l.phases.implementation, l.milestones.M001!]) {
      expect(t).toEqual({ ...USAGE, calls: 1, cacheHits: 1 });
    }
    expect(l.phases.planning.calls).toBe(0);
  });
});

describe('the ledger in the machine', () => {
  it('review events with usage count calls per run, phase and milestone; without usage (old journals) nothing changes', () => {
    const events = [start(), discovery(), plan(), withUsage(verdict('plan', 'approved')), ev('milestone.submitted', { selfReview: selfReview(), diffStat: { lines: 1, files: 1 } }), withUsage(failed('milestone', 'rate_limited_or_quota'))];
    const s = replayAll(events);
    expect(statusOfSnapshot(s)).toBe('PAUSED_FOR_CODEX');
    expect(s.context.ledger.run.calls).toBe(2);
    expect(s.context.ledger.phases).toMatchObject({ planning: { calls: 1 }, implementation: { calls: 1 }, final: { calls: 0 } });
    expect(s.context.ledger.milestones).toEqual({ M001: { ...USAGE, calls: 1, cacheHits: 0 } });
    expect(replayAll(events.map((e) => ({ ...e, usage: undefined }) as WorkflowEvent)).context.ledger.run.calls).toBe(0);
  });

  it('review.budget_exhausted pauses only when the machine finds the budget exhausted, with the numbers in the reason', () => {
    const s = reach('CODEX_MILESTONE_REVIEW');
    expect(applyEvent(s, budgetOut('milestone', BUDGET)).changed).toBe(false); // 0 of 4 used: not exhausted
    const paused = applyEvent(s, budgetOut('milestone', { ...BUDGET, maxCallsPerMilestone: 0 })).snapshot;
    expect(statusOfSnapshot(paused)).toBe('PAUSED_FOR_CODEX');
    expect(paused.context.pause).toMatchObject({ code: 'budget_exhausted', interrupted: 'CODEX_MILESTONE_REVIEW' });
    expect(paused.context.pause?.reason).toMatch(/milestone M001 used 0 of 0 calls/);
    expect(applyEvent(paused, ev('resume', { strategy: 'recommended', confirm: false, reason: null })).snapshot.value).toBe('CODEX_MILESTONE_REVIEW');
  });

  it('replays to the same ledger (journal replay is exact)', () => {
    const events = [...TO_MILESTONE_REVIEW.map(withUsage), withUsage(verdict('milestone', 'fail_fixable')), fixed(), withUsage(verdict('milestone', 'pass'))];
    const a = replay(events).snapshot.context.ledger;
    const b = replay(events).snapshot.context.ledger;
    expect(a).toEqual(b);
    expect(a.milestones.M001?.calls).toBe(2);
  });
});

const BALANCED: ReviewPolicy = {
  mode: 'balanced',
  frequency: { low: 3, medium: 2, high: 1, critical: 1 },
  batching: { enabled: true, maxMilestones: 3 },
  triggers: { architecture: true, stack: true, security: true, largeDiff: true, largeDiffLines: 800, largeChangedFiles: 12 },
};
const THREE_LOW = [milestone('M001'), milestone('M002'), milestone('M003')];
const submitBatched = (tree: string) => ev('milestone.submitted', { selfReview: selfReview(), diffStat: { lines: 10, files: 1 }, policy: BALANCED, tree } as never);
const batchStart = () => replayAll([start(), discovery(), plan(THREE_LOW), { ...verdict('plan', 'approved'), tree: 'tree-0' } as WorkflowEvent]);

describe('batch reviews', () => {
  it('batched milestones are accepted pending Codex (lower assurance) and the batch base is the first one’s base', () => {
    const s = applyAll(batchStart(), [submitBatched('tree-1'), submitBatched('tree-2'), submitBatched('tree-3')]);
    expect(statusOfSnapshot(s)).toBe('CODEX_MILESTONE_REVIEW');
    expect(s.context.outcomes.map((o) => [o.id, o.outcome, o.lowerAssurance])).toEqual([
      ['M001', 'pending_codex', true],
      ['M002', 'pending_codex', true],
    ]);
    expect(s.context.batch).toEqual({ milestones: ['M001', 'M002'], base: 'tree-0', reopened: [] });
    expect(s.context.lowerAssurance).toBe(true);
    expect(s.context.reviewDecisions.map((d) => [d.milestone, d.review])).toEqual([
      ['M001', false],
      ['M002', false],
      ['M003', true],
    ]);
    expect(s.context.reviewDecisions[2]?.batch).toEqual(['M001', 'M002', 'M003']);
  });

  it('the batch review passing resolves every batched milestone to passed, full assurance', () => {
    const s = applyAll(batchStart(), [submitBatched('tree-1'), submitBatched('tree-2'), submitBatched('tree-3'), verdict('milestone', 'pass')]);
    expect(statusOfSnapshot(s)).toBe('CODEX_FINAL_REVIEW');
    expect(s.context.outcomes.map((o) => [o.id, o.outcome, o.lowerAssurance])).toEqual([
      ['M001', 'passed', false],
      ['M002', 'passed', false],
      ['M003', 'passed', false],
    ]);
    expect(s.context.batch.milestones).toEqual([]);
    expect(s.context.lowerAssurance).toBe(false);
  });

  it('a failing batch review reopens the milestones it names (all when it names none); they stay pending until the batch passes', () => {
    const named = { ...verdict('milestone', 'fail_fixable', [{ severity: 'P1', title: 'M001 breaks the greeting' }]), namedMilestones: ['M001'] } as WorkflowEvent;
    let s = applyAll(batchStart(), [submitBatched('tree-1'), submitBatched('tree-2'), submitBatched('tree-3'), named]);
    expect(statusOfSnapshot(s)).toBe('CLAUDE_FIX');
    expect(s.context.batch.reopened).toEqual(['M001']);
    expect(s.context.outcomes.find((o) => o.id === 'M001')?.outcome).toBe('pending_codex');
    s = applyAll(s, [fixed(), verdict('milestone', 'pass')]);
    expect(s.context.outcomes.map((o) => o.outcome)).toEqual(['passed', 'passed', 'passed']);
    const unnamed = applyAll(batchStart(), [submitBatched('tree-1'), submitBatched('tree-2'), submitBatched('tree-3'), verdict('milestone', 'fail_fixable')]);
    expect(unnamed.context.batch.reopened).toEqual(['M001', 'M002']);
  });
});

describe('review cache trust', () => {
  const cacheHit = (over: Partial<ReturnType<typeof record>> = {}, status = 'approved') =>
    ev('review.verdict', { gate: 'plan', verdict: verdictFacts(status as never), record: { ...record('plan', status, true), cacheKey: 'k1', source: 'cache', ...over } });
  /** Plan approved by Codex with cache key k1, then replanned and resubmitted: the plan gate again. */
  const atPlanAgain = () =>
    replayAll([start(), discovery(), plan(), ev('review.verdict', { gate: 'plan', verdict: verdictFacts('approved'), record: { ...record('plan', 'approved', true), cacheKey: 'k1' } }), replanRequested(), plan()]);

  it('a cache hit matching a recorded passing review is accepted, and counted as a cache hit, not a call', () => {
    const s = applyEvent(atPlanAgain(), cacheHit());
    expect(s.changed).toBe(true);
    expect(statusOfSnapshot(s.snapshot)).toBe('IMPLEMENT_MILESTONE');
    expect(s.snapshot.context.ledger.run).toMatchObject({ calls: 0, cacheHits: 1 });
  });

  it.each([
    ['an unknown cache key', { cacheKey: 'other' }, 'approved'],
    ['no cache key', { cacheKey: undefined }, 'approved'],
    ['another artifact', { artifact: 'docs/cccc/reviews/plan/forged.json' }, 'approved'],
    ['a failing verdict presented as cached', {}, 'rejected_fixable'],
    ['a bypass record sent as a review verdict', { source: 'bypass' as const }, 'approved'],
  ])('refused: %s', (_name, over, status) => {
    expect(applyEvent(atPlanAgain(), cacheHit(over, status)).changed).toBe(false);
  });

  it('a failing Codex record is never a cache source', () => {
    const s = replayAll([start(), discovery(), plan(), ev('review.verdict', { gate: 'plan', verdict: verdictFacts('rejected_fixable'), record: { ...record('plan', 'rejected_fixable', false), cacheKey: 'k1' } }), plan()]);
    expect(applyEvent(s, cacheHit()).changed).toBe(false);
  });
});

describe('docs sync and replan', () => {
  it('a changed architecture doc moves an in-progress run to NEEDS_REPLAN and invalidates the plan approval', () => {
    const s = applyEvent(replayAll(TO_IMPLEMENT), docsSynced('architecture')).snapshot;
    expect(statusOfSnapshot(s)).toBe('NEEDS_REPLAN');
    expect(s.context.planApproved).toBe(false);
    expect(s.context.pause).toMatchObject({ code: 'docs_changed', interrupted: 'IMPLEMENT_MILESTONE' });
    expect(s.context.pause?.reason).toMatch(/architecture\.md \(modified, architecture\)/);
    expect(s.context.docsBaseline).toEqual({ 'architecture.md': 'b'.repeat(64) });
  });

  it('a context-only change keeps the status and moves the baseline', () => {
    const s = applyEvent(replayAll(TO_IMPLEMENT), docsSynced('context', 'current-state.md'));
    expect(statusOfSnapshot(s.snapshot)).toBe('IMPLEMENT_MILESTONE');
    expect(s.snapshot.context.planApproved).toBe(true);
    expect(s.snapshot.context.docsBaseline).toEqual({ 'current-state.md': 'b'.repeat(64) });
  });

  it('the plan approval records the docs baseline from the verdict event', () => {
    const approved = { ...verdict('plan', 'approved'), docs: { 'roadmap.md': 'r'.repeat(64) } } as WorkflowEvent;
    expect(replayAll([start(), discovery(), plan(), approved]).context.docsBaseline).toEqual({ 'roadmap.md': 'r'.repeat(64) });
  });

  it('replan.requested keeps passed milestones; the new plan goes through the plan gate and continues with the open one', () => {
    let s = replayAll([...TO_MILESTONE_REVIEW, verdict('milestone', 'pass'), replanRequested()]);
    expect(statusOfSnapshot(s)).toBe('CLAUDE_PLANNING_REVIEW');
    expect(s.context).toMatchObject({ planApproved: false, planRound: 0, milestoneIndex: null });
    expect(s.context.outcomes.map((o) => o.id)).toEqual(['M001']);
    s = applyAll(s, [plan(), verdict('plan', 'approved')]);
    expect(statusOfSnapshot(s)).toBe('IMPLEMENT_MILESTONE');
    expect(s.context.milestones[s.context.milestoneIndex!]?.id).toBe('M002');
  });
});

/**
 * The machine's named guards and pure helpers, called as plain functions (style.md: guards are named, pure,
 * synchronous and unit-tested). Tables are written out from issue #2 §2.
 */
import { describe, expect, it } from 'vitest';
import {
  DISCOVERY_DOCS,
  currentMilestoneId,
  diffOverLimit,
  discoveryComplete,
  firstOpenMilestone,
  fixStatusOf,
  fixBudgetExhausted,
  gateIs,
  hasNextMilestone,
  initialContext,
  interruptedMilestoneWork,
  nextOpenMilestoneIndex,
  openQuestions,
  passStatusOf,
  planReady,
  planRoundsExhausted,
  runCapReached,
  statusAfterMilestone,
  unfilledDiscoveryDocs,
  verdictIs,
  verdictNeedsFix,
  verdictPassed,
  withQuestions,
  type EventOf,
  type Finding,
  type GateName,
  type HumanQuestion,
  type Limits,
  type Status,
  type WorkflowContext,
} from '../../machines/index.js';
import { LIMITS, ev, filledDocs, milestone, selfReview } from '../helpers/events.js';
import { failed, pauseReq, verdict } from '../helpers/machine-fixtures.js';

const ctx = (over: Partial<WorkflowContext> = {}): WorkflowContext => ({ ...initialContext(), ...over });
const limits = (over: Partial<Limits> = {}): Limits => ({ ...LIMITS, ...over });
const three = [milestone('M001'), milestone('M002'), milestone('M003')];

describe('discovery guards', () => {
  it('DISCOVERY_DOCS are the six docs of the spec', () => {
    expect([...DISCOVERY_DOCS]).toEqual([
      'project-map.md',
      'current-state.md',
      'architecture.md',
      'test-strategy.md',
      'risk-register.md',
      'open-questions.md',
    ]);
  });

  it('lists unfilled docs in DISCOVERY_DOCS order, treating missing and template alike', () => {
    const docs = { ...filledDocs(), 'risk-register.md': 'template' as const, 'project-map.md': 'missing' as const };
    expect(unfilledDiscoveryDocs(docs)).toEqual(['project-map.md', 'risk-register.md']);
    expect(unfilledDiscoveryDocs({})).toEqual([...DISCOVERY_DOCS]);
    expect(unfilledDiscoveryDocs({ ...filledDocs(), 'extra.md': 'template' })).toEqual([]);
  });

  it('discoveryComplete only when all six are filled', () => {
    expect(discoveryComplete(ev('discovery.submitted', { docs: filledDocs() }) as EventOf<'discovery.submitted'>)).toBe(true);
    const oneTemplate = ev('discovery.submitted', { docs: { ...filledDocs(), 'architecture.md': 'template' } });
    expect(discoveryComplete(oneTemplate as EventOf<'discovery.submitted'>)).toBe(false);
  });
});

describe('planReady', () => {
  // prettier-ignore
  const CASES: [string, 'ok' | 'revise_plan' | 'ask_human' | 'read_more_project', number, string[], boolean][] = [
    ['ok, one valid milestone',     'ok',                1, [],                  true],
    ['ok, three milestones',        'ok',                3, [],                  true],
    ['ok, no milestones',           'ok',                0, [],                  false],
    ['ok, validation errors',       'ok',                1, ['M001.id: taken'],  false],
    ['revise_plan',                 'revise_plan',       1, [],                  false],
    ['ask_human',                   'ask_human',         1, [],                  false],
    ['read_more_project',           'read_more_project', 1, [],                  false],
  ];
  it.each(CASES)('%s → %s', (_l, v, n, errors, ready) => {
    const e = ev('plan.submitted', { selfReview: selfReview(v), milestones: three.slice(0, n), milestoneErrors: errors });
    expect(planReady(e as EventOf<'plan.submitted'>)).toBe(ready);
  });
});

describe('diffOverLimit', () => {
  // prettier-ignore
  const CASES: [lines: number, files: number, waivedFor: string | null, over: boolean][] = [
    [1200, 20, null,   false],
    [1201, 20, null,   true],
    [1200, 21, null,   true],
    [0,    0,  null,   false],
    [9999, 99, 'M001', false],
    [9999, 99, 'M002', true],
  ];
  it.each(CASES)('%i lines, %i files, waived for %s → %s', (lines, files, waivedFor, over) => {
    const c = ctx({ milestones: three, milestoneIndex: 0, diffLimitWaivedFor: waivedFor });
    const e = ev('milestone.submitted', { selfReview: selfReview(), diffStat: { lines, files } });
    expect(diffOverLimit(c, e as EventOf<'milestone.submitted'>)).toBe(over);
  });
});

describe('milestone position', () => {
  it('currentMilestoneId', () => {
    expect(currentMilestoneId(ctx())).toBeNull();
    expect(currentMilestoneId(ctx({ milestones: three, milestoneIndex: 1 }))).toBe('M002');
    expect(currentMilestoneId(ctx({ milestones: three, milestoneIndex: 3 }))).toBeNull();
  });

  // prettier-ignore
  const NEXT: [index: number | null, hasNext: boolean, after: string][] = [
    [null, false, 'IMPLEMENT_MILESTONE'],
    [0,    true,  'IMPLEMENT_MILESTONE'],
    [1,    true,  'IMPLEMENT_MILESTONE'],
    [2,    false, 'CODEX_FINAL_REVIEW'],
  ];
  it.each(NEXT)('index %s: hasNextMilestone=%s, statusAfterMilestone=%s', (index, hasNext, after) => {
    const c = ctx({ milestones: three, milestoneIndex: index });
    expect(hasNextMilestone(c)).toBe(hasNext);
    expect(statusAfterMilestone(c)).toBe(after);
  });

  it('after a replan, the next milestone is the next one without an outcome', () => {
    const four = [milestone('M000'), ...three];
    const outcomes = [{ id: 'M001', outcome: 'passed' as const, lowerAssurance: false, at: 'x' }];
    const c = ctx({ milestones: four, milestoneIndex: 0, outcomes });
    expect(nextOpenMilestoneIndex(c)).toBe(2);
    expect(hasNextMilestone(c)).toBe(true);
    expect(statusAfterMilestone(c)).toBe('IMPLEMENT_MILESTONE');
    const allDone = ctx({ milestones: four, milestoneIndex: 2, outcomes: [...outcomes, { ...outcomes[0]!, id: 'M003' }] });
    expect(nextOpenMilestoneIndex(allDone)).toBe(4);
    expect(hasNextMilestone(allDone)).toBe(false);
    expect(statusAfterMilestone(allDone)).toBe('CODEX_FINAL_REVIEW');
  });

  it('firstOpenMilestone skips passed and skipped milestones', () => {
    const outcomes = [
      { id: 'M001', outcome: 'passed' as const, lowerAssurance: false, at: 'x' },
      { id: 'M002', outcome: 'skipped' as const, lowerAssurance: false, at: 'x' },
    ];
    expect(firstOpenMilestone(three, ctx())).toBe(0);
    expect(firstOpenMilestone(three, ctx({ outcomes }))).toBe(2);
    expect(firstOpenMilestone(three.slice(0, 2), ctx({ outcomes }))).toBe(2);
  });
});

describe('gate and verdict guards', () => {
  it('gateIs matches only review events of that gate', () => {
    expect(gateIs(verdict('plan', 'approved'), 'plan')).toBe(true);
    expect(gateIs(verdict('plan', 'approved'), 'milestone')).toBe(false);
    expect(gateIs(failed('final'), 'final')).toBe(true);
    expect(gateIs(pauseReq('human'), 'plan')).toBe(false);
  });

  it('passStatusOf and fixStatusOf', () => {
    expect([passStatusOf('plan'), passStatusOf('milestone'), passStatusOf('final')]).toEqual(['approved', 'pass', 'pass']);
    expect([fixStatusOf('plan'), fixStatusOf('milestone'), fixStatusOf('final')]).toEqual(['rejected_fixable', 'fail_fixable', 'fail_fixable']);
  });

  const P0 = [{ severity: 'P0' as const, title: 'x' }];
  const P3 = [{ severity: 'P3' as const, title: 'x' }];
  // prettier-ignore
  const VERDICTS: [GateName, string, Finding[], passed: boolean, needsFix: boolean][] = [
    ['plan',      'approved',         [], true,  false],
    ['plan',      'approved',         P3, true,  false],
    ['plan',      'approved',         P0, false, true],
    ['plan',      'rejected_fixable', [], false, true],
    ['plan',      'insufficient_context', [], false, false],
    ['plan',      'needs_human',      [], false, false],
    ['plan',      'pass',             [], false, false],
    ['plan',      'fail_fixable',     [], false, false],
    ['milestone', 'pass',             [], true,  false],
    ['milestone', 'pass',             P0, false, true],
    ['milestone', 'fail_fixable',     [], false, true],
    ['milestone', 'fail_fixable',     P0, false, true],
    ['milestone', 'fail_unclear',     [], false, false],
    ['milestone', 'approved',         [], false, false],
    ['milestone', 'rejected_fixable', [], false, false],
    ['final',     'pass',             [], true,  false],
    ['final',     'pass',             P0, false, true],
    ['final',     'fail_fixable',     [], false, true],
    ['final',     'rejected_fixable', [], false, false],
    ['final',     'unsafe',           [], false, false],
  ];
  it.each(VERDICTS)('%s gate, %s %j → passed=%s needsFix=%s', (gate, status, findings, passed, needsFix) => {
    const e = verdict(gate, status, findings);
    expect(verdictPassed(e)).toBe(passed);
    expect(verdictNeedsFix(e)).toBe(needsFix);
    expect(verdictIs(e, status)).toBe(true);
  });

  it('verdict guards are false for other events', () => {
    for (const e of [failed('plan'), pauseReq('human')]) {
      expect(verdictPassed(e)).toBe(false);
      expect(verdictNeedsFix(e)).toBe(false);
      expect(verdictIs(e, 'pass')).toBe(false);
    }
  });
});

describe('threshold guards', () => {
  // prettier-ignore
  const PLAN: [planRound: number, extra: number, max: number, exhausted: boolean][] = [
    [1, 0, 3, false],
    [2, 0, 3, false],
    [3, 0, 3, true],
    [3, 1, 3, false],
    [4, 1, 3, true],
    [1, 0, 1, true],
  ];
  it.each(PLAN)('planRound %i, extra %i, max %i → exhausted=%s', (planRound, extraRounds, max, exhausted) => {
    expect(planRoundsExhausted(ctx({ planRound, extraRounds }), limits({ maxPlanReviewRounds: max }))).toBe(exhausted);
  });

  // prettier-ignore
  const FIX: [reviewRound: number, fixAttempts: number, extra: number, maxRounds: number, maxFix: number, exhausted: boolean][] = [
    [1, 0, 0, 3, 3, false],
    [2, 1, 0, 3, 3, false],
    [3, 2, 0, 3, 3, true],
    [3, 2, 1, 3, 3, false],
    [4, 2, 1, 3, 3, true],
    [1, 0, 0, 1, 3, true],
    [1, 0, 0, 3, 0, true],
    [2, 1, 0, 9, 1, true],
  ];
  it.each(FIX)('round %i, fixes %i, extra %i, max rounds %i, max fixes %i → exhausted=%s', (reviewRound, fixAttempts, extraRounds, maxRounds, maxFix, exhausted) => {
    const l = limits({ maxReviewRoundsPerMilestone: maxRounds, maxFixAttemptsPerMilestone: maxFix });
    expect(fixBudgetExhausted(ctx({ reviewRound, fixAttempts, extraRounds }), l)).toBe(exhausted);
  });

  // prettier-ignore
  const CAP: [thisRun: number, max: number, reached: boolean][] = [
    [0, 5, false],
    [3, 5, false],
    [4, 5, true],
    [0, 1, true],
  ];
  it.each(CAP)('%i accepted this run, max %i → cap reached on the next accept=%s', (milestonesThisRun, max, reached) => {
    expect(runCapReached(ctx({ milestonesThisRun }), limits({ maxMilestonesPerRun: max }))).toBe(reached);
  });
});

describe('questions', () => {
  const q = (id: string): HumanQuestion => ({ id, question: id, options: [], recommended: null });

  it('withQuestions renames ids already taken, including within one batch', () => {
    const c = ctx({ questions: [q('Q1'), q('Q1-2')] });
    expect(withQuestions(c, [q('Q1'), q('Q2'), q('Q2')]).map((x) => x.id)).toEqual(['Q1', 'Q1-2', 'Q1-3', 'Q2', 'Q2-2']);
  });

  it('openQuestions are those without an answer', () => {
    const c = ctx({ questions: [q('Q1'), q('Q2')], answers: [{ questionId: 'Q2', option: 'A', text: null }] });
    expect(openQuestions(c).map((x) => x.id)).toEqual(['Q1']);
  });
});

describe('interruptedMilestoneWork', () => {
  const pause = (interrupted: Status) => ({
    kind: 'human' as const,
    status: 'PAUSED_FOR_HUMAN' as const,
    reason: 'r',
    interrupted,
    code: null,
    at: 'x',
  });
  // prettier-ignore
  const CASES: [interrupted: Status, index: number | null, fixReturnTo: WorkflowContext['fixReturnTo'], result: boolean][] = [
    ['IMPLEMENT_MILESTONE',       0,    null,                     true],
    ['CODEX_MILESTONE_REVIEW',    1,    null,                     true],
    ['CLAUDE_FIX',                0,    'CODEX_MILESTONE_REVIEW', true],
    ['CLAUDE_FIX',                2,    'CODEX_FINAL_REVIEW',     false],
    ['CODEX_FINAL_REVIEW',        2,    null,                     false],
    ['CLAUDE_PLANNING_REVIEW',    null, null,                     false],
    ['IMPLEMENT_MILESTONE',       null, null,                     false],
    ['IMPLEMENT_MILESTONE',       3,    null,                     false],
  ];
  it.each(CASES)('interrupted %s at index %s (fix returns to %s) → %s', (interrupted, milestoneIndex, fixReturnTo, result) => {
    expect(interruptedMilestoneWork(ctx({ milestones: three, milestoneIndex, fixReturnTo, pause: pause(interrupted) }))).toBe(result);
  });
});

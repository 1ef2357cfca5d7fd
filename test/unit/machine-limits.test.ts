/**
 * Thresholds and limits of the workflow machine (issue #2 §2): plan review rounds, milestone review rounds and
 * fix attempts, `extend-review` granting exactly one more round, `max_milestones_per_run`, the diff-size pause
 * and its `--confirm` waiver. Limits come from each event (`src/` attaches the config's values).
 */
import { describe, expect, it } from 'vitest';
import { applyEvent, statusOfSnapshot, type Limits, type WorkflowEvent, type WorkflowSnapshot } from '../../machines/index.js';
import { milestone } from '../helpers/events.js';
import {
  TO_FINAL_REVIEW,
  TO_IMPLEMENT,
  applyAll,
  discovery,
  fixed,
  implemented,
  plan,
  replayAll,
  resume,
  start,
  verdict,
} from '../helpers/machine-fixtures.js';

/** Apply events one by one and return the status after each (`refused` when one is not accepted). */
function walk(from: WorkflowSnapshot, events: readonly WorkflowEvent[]): { statuses: string[]; snapshot: WorkflowSnapshot } {
  let snapshot = from;
  const statuses: string[] = [];
  for (const e of events) {
    const r = applyEvent(snapshot, e);
    statuses.push(r.changed ? statusOfSnapshot(r.snapshot) : 'refused');
    snapshot = r.snapshot;
  }
  return { statuses, snapshot };
}

describe('planning.max_plan_review_rounds', () => {
  const limits: Partial<Limits> = { maxPlanReviewRounds: 2 };
  const reject = () => verdict('plan', 'rejected_fixable', [], [], { limits });
  const toPlanGate = () => replayAll([start(), discovery(), plan(undefined, 'ok', { limits })]);

  it('allows exactly two Codex plan reviews, then REVIEW_THRESHOLD_EXCEEDED interrupting CLAUDE_REVISE_PLAN', () => {
    const { statuses, snapshot } = walk(toPlanGate(), [reject(), plan(undefined, 'ok', { limits }), reject()]);
    expect(statuses).toEqual(['CLAUDE_REVISE_PLAN', 'CODEX_ADVERSARIAL_PLAN_REVIEW', 'REVIEW_THRESHOLD_EXCEEDED']);
    expect(snapshot.context.planRound).toBe(2);
    expect(snapshot.context.gates).toHaveLength(2);
    expect(snapshot.context.pause).toMatchObject({ kind: 'threshold', interrupted: 'CLAUDE_REVISE_PLAN', code: 'review_threshold' });
    expect(snapshot.context.pause?.reason).toContain('planning.max_plan_review_rounds');
  });

  it('extend-review grants exactly one more plan round', () => {
    const exceeded = walk(toPlanGate(), [reject(), plan(undefined, 'ok', { limits }), reject()]).snapshot;
    const { statuses } = walk(exceeded, [resume('extend-review', false, { limits }), plan(undefined, 'ok', { limits }), reject()]);
    expect(statuses).toEqual(['CLAUDE_REVISE_PLAN', 'CODEX_ADVERSARIAL_PLAN_REVIEW', 'REVIEW_THRESHOLD_EXCEEDED']);
  });

  it('the extra round may approve', () => {
    const exceeded = walk(toPlanGate(), [reject(), plan(undefined, 'ok', { limits }), reject()]).snapshot;
    const { statuses, snapshot } = walk(exceeded, [
      resume('extend-review', false, { limits }),
      plan(undefined, 'ok', { limits }),
      verdict('plan', 'approved', [], [], { limits }),
    ]);
    expect(statuses).toEqual(['CLAUDE_REVISE_PLAN', 'CODEX_ADVERSARIAL_PLAN_REVIEW', 'IMPLEMENT_MILESTONE']);
    expect(snapshot.context.extraRounds).toBe(0);
  });

  it('the limit comes from the event: raising it in config lets the next rejection through', () => {
    const { statuses } = walk(toPlanGate(), [reject(), plan(undefined, 'ok', { limits }), verdict('plan', 'rejected_fixable', [], [], { limits: { maxPlanReviewRounds: 3 } })]);
    expect(statuses.at(-1)).toBe('CLAUDE_REVISE_PLAN');
  });
});

describe('review.max_review_rounds_per_milestone and max_fix_attempts_per_milestone', () => {
  const fail = (limits: Partial<Limits>) => verdict('milestone', 'fail_fixable', [], [], { limits });

  it('max_review_rounds 2: two Codex reviews of a milestone, then the threshold (interrupting CLAUDE_FIX)', () => {
    const limits = { maxReviewRoundsPerMilestone: 2, maxFixAttemptsPerMilestone: 9 };
    const { statuses, snapshot } = walk(replayAll(TO_IMPLEMENT), [implemented(), fail(limits), fixed(), fail(limits)]);
    expect(statuses).toEqual(['CODEX_MILESTONE_REVIEW', 'CLAUDE_FIX', 'CODEX_MILESTONE_REVIEW', 'REVIEW_THRESHOLD_EXCEEDED']);
    expect(snapshot.context).toMatchObject({ reviewRound: 2, fixAttempts: 1 });
    expect(snapshot.context.pause).toMatchObject({ interrupted: 'CLAUDE_FIX', code: 'review_threshold' });
  });

  it('max_fix_attempts 1: one fix, then the threshold on the next rejection', () => {
    const limits = { maxReviewRoundsPerMilestone: 9, maxFixAttemptsPerMilestone: 1 };
    const { statuses } = walk(replayAll(TO_IMPLEMENT), [implemented(), fail(limits), fixed(), fail(limits)]);
    expect(statuses).toEqual(['CODEX_MILESTONE_REVIEW', 'CLAUDE_FIX', 'CODEX_MILESTONE_REVIEW', 'REVIEW_THRESHOLD_EXCEEDED']);
  });

  it('the default limits (3/3) allow three reviews', () => {
    const { statuses } = walk(replayAll(TO_IMPLEMENT), [implemented(), fail({}), fixed(), fail({}), fixed(), fail({})]);
    expect(statuses).toEqual([
      'CODEX_MILESTONE_REVIEW',
      'CLAUDE_FIX',
      'CODEX_MILESTONE_REVIEW',
      'CLAUDE_FIX',
      'CODEX_MILESTONE_REVIEW',
      'REVIEW_THRESHOLD_EXCEEDED',
    ]);
  });

  it('extend-review grants exactly one more milestone review round', () => {
    const limits = { maxReviewRoundsPerMilestone: 2, maxFixAttemptsPerMilestone: 9 };
    const exceeded = walk(replayAll(TO_IMPLEMENT), [implemented(), fail(limits), fixed(), fail(limits)]).snapshot;
    const { statuses, snapshot } = walk(exceeded, [resume('extend-review'), fixed(), fail(limits)]);
    expect(statuses).toEqual(['CLAUDE_FIX', 'CODEX_MILESTONE_REVIEW', 'REVIEW_THRESHOLD_EXCEEDED']);
    expect(snapshot.context.reviewRound).toBe(3);
  });

  it('extend-review rounds do not carry over to the next milestone', () => {
    const limits = { maxReviewRoundsPerMilestone: 1 };
    const exceeded = walk(replayAll(TO_IMPLEMENT), [implemented(), fail(limits)]).snapshot;
    expect(statusOfSnapshot(exceeded)).toBe('REVIEW_THRESHOLD_EXCEEDED');
    const { statuses } = walk(exceeded, [
      resume('extend-review'),
      fixed(),
      verdict('milestone', 'pass'),
      implemented(),
      fail(limits),
    ]);
    expect(statuses).toEqual(['CLAUDE_FIX', 'CODEX_MILESTONE_REVIEW', 'IMPLEMENT_MILESTONE', 'CODEX_MILESTONE_REVIEW', 'REVIEW_THRESHOLD_EXCEEDED']);
  });

  it('a threshold on the first review round still lets skip skip the milestone', () => {
    const exceeded = walk(replayAll(TO_IMPLEMENT), [implemented(), fail({ maxReviewRoundsPerMilestone: 1 })]).snapshot;
    const r = applyEvent(exceeded, resume('skip', true));
    expect(r.changed).toBe(true);
    expect(statusOfSnapshot(r.snapshot)).toBe('IMPLEMENT_MILESTONE');
    expect(r.snapshot.context.outcomes).toMatchObject([{ id: 'M001', outcome: 'skipped' }]);
  });
});

describe('final gate thresholds', () => {
  const failFinal = (limits: Partial<Limits>) => verdict('final', 'fail_fixable', [], [], { limits });

  it('fail_fixable at the final gate goes to CLAUDE_FIX and back to the final gate', () => {
    const { statuses } = walk(replayAll(TO_FINAL_REVIEW), [failFinal({}), fixed(), verdict('final', 'pass')]);
    expect(statuses).toEqual(['CLAUDE_FIX', 'CODEX_FINAL_REVIEW', 'DONE']);
  });

  it('final gate threshold, then extend-review: the fix returns to the final gate', () => {
    const limits = { maxReviewRoundsPerMilestone: 2 };
    const { statuses } = walk(replayAll(TO_FINAL_REVIEW), [failFinal(limits), fixed(), failFinal(limits), resume('extend-review'), fixed()]);
    expect(statuses).toEqual(['CLAUDE_FIX', 'CODEX_FINAL_REVIEW', 'REVIEW_THRESHOLD_EXCEEDED', 'CLAUDE_FIX', 'CODEX_FINAL_REVIEW']);
  });

  it('final gate threshold on its first round, then extend-review: the fix returns to the final gate', () => {
    const limits = { maxReviewRoundsPerMilestone: 1 };
    const { statuses, snapshot } = walk(replayAll(TO_FINAL_REVIEW), [failFinal(limits), resume('extend-review'), fixed()]);
    expect(statuses).toEqual(['REVIEW_THRESHOLD_EXCEEDED', 'CLAUDE_FIX', 'CODEX_FINAL_REVIEW']);
    expect(snapshot.context.outcomes.map((o) => o.id)).toEqual(['M001', 'M002']);
  });

  it('a final gate threshold has no milestone to skip', () => {
    const exceeded = walk(replayAll(TO_FINAL_REVIEW), [failFinal({ maxReviewRoundsPerMilestone: 1 })]).snapshot;
    expect(applyEvent(exceeded, resume('skip', true)).changed).toBe(false);
  });
});

describe('milestones.max_milestones_per_run', () => {
  const three = [milestone('M001'), milestone('M002'), milestone('M003')];
  const limits = { maxMilestonesPerRun: 2 };
  const approved = () => replayAll([start(), discovery(), plan(three), verdict('plan', 'approved')]);
  const pass = () => verdict('milestone', 'pass', [], [], { limits });

  it('pauses for a human after the second accepted milestone, with both recorded as passed', () => {
    const { statuses, snapshot } = walk(approved(), [implemented(), pass(), implemented(), pass()]);
    expect(statuses).toEqual(['CODEX_MILESTONE_REVIEW', 'IMPLEMENT_MILESTONE', 'CODEX_MILESTONE_REVIEW', 'PAUSED_FOR_HUMAN']);
    expect(snapshot.context.outcomes.map((o) => [o.id, o.outcome])).toEqual([
      ['M001', 'passed'],
      ['M002', 'passed'],
    ]);
    expect(snapshot.context.pause).toMatchObject({ kind: 'human', interrupted: 'IMPLEMENT_MILESTONE', code: 'max_milestones_per_run' });
    expect(snapshot.context.milestoneIndex).toBe(2);
  });

  it('resume continues with the next milestone and restarts the count', () => {
    const paused = walk(approved(), [implemented(), pass(), implemented(), pass()]).snapshot;
    const { statuses, snapshot } = walk(paused, [resume('recommended'), implemented(), pass()]);
    expect(statuses).toEqual(['IMPLEMENT_MILESTONE', 'CODEX_MILESTONE_REVIEW', 'CODEX_FINAL_REVIEW']);
    expect(snapshot.context.outcomes.map((o) => o.id)).toEqual(['M001', 'M002', 'M003']);
  });

  it('reaching the cap on the last milestone goes to the final gate, not a pause', () => {
    const { statuses } = walk(replayAll(TO_IMPLEMENT), [implemented(), pass(), implemented(), pass()]);
    expect(statuses.at(-1)).toBe('CODEX_FINAL_REVIEW');
  });

  it('a skipped milestone does not count toward the cap', () => {
    const { statuses } = walk(approved(), [
      implemented(),
      pass(),
      implemented(40, 3, 'ask_human'),
      resume('skip', true),
      implemented(),
      pass(),
    ]);
    expect(statuses).toEqual([
      'CODEX_MILESTONE_REVIEW',
      'IMPLEMENT_MILESTONE',
      'PAUSED_FOR_HUMAN',
      'IMPLEMENT_MILESTONE',
      'CODEX_MILESTONE_REVIEW',
      'CODEX_FINAL_REVIEW',
    ]);
  });
});

describe('diff-size limit (max_diff_lines_per_milestone / max_changed_files_per_milestone)', () => {
  const big = () => implemented(5000, 3);

  it('pauses for a human naming the diff and the limits', () => {
    const s = applyAll(replayAll(TO_IMPLEMENT), [big()]);
    expect(statusOfSnapshot(s)).toBe('PAUSED_FOR_HUMAN');
    expect(s.context.pause).toMatchObject({ code: 'diff_limit', interrupted: 'IMPLEMENT_MILESTONE' });
    expect(s.context.pause?.reason).toContain('5000 lines');
    expect(s.context.pause?.reason).toContain('1200 lines');
  });

  it('resume without --confirm returns to implementing and the same diff pauses again', () => {
    const s = applyAll(replayAll(TO_IMPLEMENT), [big()]);
    const { statuses } = walk(s, [resume('recommended'), big()]);
    expect(statuses).toEqual(['IMPLEMENT_MILESTONE', 'PAUSED_FOR_HUMAN']);
  });

  it('resume --confirm waives the limit for this milestone only', () => {
    const s = applyAll(replayAll(TO_IMPLEMENT), [big()]);
    const { statuses, snapshot } = walk(s, [resume('recommended', true), big(), verdict('milestone', 'pass'), big()]);
    expect(statuses).toEqual(['IMPLEMENT_MILESTONE', 'CODEX_MILESTONE_REVIEW', 'IMPLEMENT_MILESTONE', 'PAUSED_FOR_HUMAN']);
    expect(snapshot.context.diffLimitWaivedFor).toBeNull();
  });
});

/**
 * Every resume strategy × every pause status, with and without `--confirm` (issue #2 §2, "Resume strategies";
 * `bypass-codex` is issue #6: only `PAUSED_FOR_CODEX` offers it, with `--confirm`, and the bypass policy then
 * decides — here it refuses, the request carrying no policy or self-review; machine-bypass.test.ts has the
 * policy table). The expected table is written out; both `decideResume` and the machine must agree with it.
 */
import { describe, expect, it } from 'vitest';
import {
  RESUME_STRATEGIES,
  applyEvent,
  decideResume,
  statusOfSnapshot,
  type PauseKind,
  type PauseStatus,
  type ResumeStrategy,
  type Status,
  type WorkflowSnapshot,
} from '../../machines/index.js';
import {
  TO_IMPLEMENT,
  answer,
  applyAll,
  implemented,
  pauseReq,
  reach,
  replayAll,
  resume,
  verdict,
  wroteFiles,
} from '../helpers/machine-fixtures.js';

const IMPLEMENT = 'IMPLEMENT_MILESTONE';
const FINAL = 'CODEX_FINAL_REVIEW';
const PLANNING = 'CLAUDE_PLANNING_REVIEW';
/** Refusal codes of decideResume. */
const NOT_ALLOWED = 'STRATEGY_NOT_ALLOWED';
const CONFIRM = 'NEEDS_CONFIRM';
/** Offered and confirmed, but the bypass policy refuses (no facts: `self_review_missing`). */
const BYPASS = 'BYPASS_REFUSED';

type Cell = Status | typeof NOT_ALLOWED | typeof CONFIRM | typeof BYPASS;

/**
 * The pause interrupted M002's IMPLEMENT_MILESTONE (M001 passed, M002 is the last milestone), so
 * `recommended`/`mock`/`extend-review` return to IMPLEMENT_MILESTONE, `skip` leads to the final gate and
 * `replan` to CLAUDE_PLANNING_REVIEW. Cells: [without --confirm, with --confirm].
 */
// prettier-ignore
const MATRIX: Record<PauseStatus, { kind: PauseKind; allowed: ResumeStrategy[]; cells: Record<ResumeStrategy, [Cell, Cell]> }> = {
  PAUSED_FOR_HUMAN: { kind: 'human', allowed: ['recommended', 'skip', 'replan'], cells: {
    recommended: [IMPLEMENT, IMPLEMENT], 'extend-review': [NOT_ALLOWED, NOT_ALLOWED], skip: [CONFIRM, FINAL],
    mock: [NOT_ALLOWED, NOT_ALLOWED], replan: [PLANNING, PLANNING], 'bypass-codex': [NOT_ALLOWED, NOT_ALLOWED] } },
  NEEDS_SECRET: { kind: 'secret', allowed: ['recommended', 'mock', 'skip', 'replan'], cells: {
    recommended: [CONFIRM, IMPLEMENT], 'extend-review': [NOT_ALLOWED, NOT_ALLOWED], skip: [CONFIRM, FINAL],
    mock: [IMPLEMENT, IMPLEMENT], replan: [PLANNING, PLANNING], 'bypass-codex': [NOT_ALLOWED, NOT_ALLOWED] } },
  SENSITIVE_OPERATION: { kind: 'sensitive', allowed: ['recommended', 'replan'], cells: {
    recommended: [CONFIRM, IMPLEMENT], 'extend-review': [NOT_ALLOWED, NOT_ALLOWED], skip: [NOT_ALLOWED, NOT_ALLOWED],
    mock: [NOT_ALLOWED, NOT_ALLOWED], replan: [PLANNING, PLANNING], 'bypass-codex': [NOT_ALLOWED, NOT_ALLOWED] } },
  UNSAFE: { kind: 'unsafe', allowed: ['replan'], cells: {
    recommended: [NOT_ALLOWED, NOT_ALLOWED], 'extend-review': [NOT_ALLOWED, NOT_ALLOWED], skip: [NOT_ALLOWED, NOT_ALLOWED],
    mock: [NOT_ALLOWED, NOT_ALLOWED], replan: [CONFIRM, PLANNING], 'bypass-codex': [NOT_ALLOWED, NOT_ALLOWED] } },
  PAUSED_FOR_CODEX: { kind: 'codex', allowed: ['recommended', 'skip', 'replan', 'bypass-codex'], cells: {
    recommended: [IMPLEMENT, IMPLEMENT], 'extend-review': [NOT_ALLOWED, NOT_ALLOWED], skip: [CONFIRM, FINAL],
    mock: [NOT_ALLOWED, NOT_ALLOWED], replan: [PLANNING, PLANNING], 'bypass-codex': [CONFIRM, BYPASS] } },
  PAUSED_FOR_SYSTEM: { kind: 'system', allowed: ['recommended', 'skip', 'replan'], cells: {
    recommended: [IMPLEMENT, IMPLEMENT], 'extend-review': [NOT_ALLOWED, NOT_ALLOWED], skip: [CONFIRM, FINAL],
    mock: [NOT_ALLOWED, NOT_ALLOWED], replan: [PLANNING, PLANNING], 'bypass-codex': [NOT_ALLOWED, NOT_ALLOWED] } },
  FAIL_UNCLEAR: { kind: 'unclear', allowed: ['recommended', 'skip', 'replan'], cells: {
    recommended: [IMPLEMENT, IMPLEMENT], 'extend-review': [NOT_ALLOWED, NOT_ALLOWED], skip: [CONFIRM, FINAL],
    mock: [NOT_ALLOWED, NOT_ALLOWED], replan: [PLANNING, PLANNING], 'bypass-codex': [NOT_ALLOWED, NOT_ALLOWED] } },
  // No `recommended`: returning to the exhausted review would only exceed the threshold again (status-table.ts).
  REVIEW_THRESHOLD_EXCEEDED: { kind: 'threshold', allowed: ['extend-review', 'skip', 'replan'], cells: {
    recommended: [NOT_ALLOWED, NOT_ALLOWED], 'extend-review': [IMPLEMENT, IMPLEMENT], skip: [CONFIRM, FINAL],
    mock: [NOT_ALLOWED, NOT_ALLOWED], replan: [PLANNING, PLANNING], 'bypass-codex': [NOT_ALLOWED, NOT_ALLOWED] } },
  // The plan itself is in question: only a replan leaves it (status-table.ts).
  NEEDS_REPLAN: { kind: 'replan', allowed: ['replan'], cells: {
    recommended: [NOT_ALLOWED, NOT_ALLOWED], 'extend-review': [NOT_ALLOWED, NOT_ALLOWED], skip: [NOT_ALLOWED, NOT_ALLOWED],
    mock: [NOT_ALLOWED, NOT_ALLOWED], replan: [PLANNING, PLANNING], 'bypass-codex': [NOT_ALLOWED, NOT_ALLOWED] } },
};

/** M001 passed, M002 (the last) being implemented, then paused with `kind`. */
function pausedOnLastMilestone(kind: PauseKind): WorkflowSnapshot {
  return applyAll(replayAll([...TO_IMPLEMENT, implemented(), verdict('milestone', 'pass')]), [pauseReq(kind)]);
}

const rows = (Object.keys(MATRIX) as PauseStatus[]).flatMap((status) =>
  RESUME_STRATEGIES.flatMap((strategy) =>
    [false, true].map((confirm) => ({ status, strategy, confirm, expected: MATRIX[status].cells[strategy][confirm ? 1 : 0] })),
  ),
);

describe('resume strategy × pause status × --confirm', () => {
  it('covers the 9 pauses and the 6 strategies', () => {
    expect(Object.keys(MATRIX)).toHaveLength(9);
    expect(rows).toHaveLength(9 * 6 * 2);
  });

  it.each(rows)('$status --strategy $strategy confirm=$confirm → $expected', ({ status, strategy, confirm, expected }) => {
    const paused = pausedOnLastMilestone(MATRIX[status].kind);
    expect(statusOfSnapshot(paused)).toBe(status);
    const decision = decideResume(status, paused.context, { strategy, confirm });
    const applied = applyEvent(paused, resume(strategy, confirm));
    if (expected === NOT_ALLOWED || expected === CONFIRM) {
      expect(decision).toMatchObject({ ok: false, code: expected, allowed: MATRIX[status].allowed });
      if (!decision.ok) {
        expect(decision.message).toContain(strategy);
        expect(decision.message).toContain(status);
      }
      expect(applied.changed).toBe(false);
    } else if (expected === BYPASS) {
      expect(decision).toMatchObject({ ok: false, code: BYPASS, rule: 'self_review_missing', allowed: MATRIX[status].allowed });
      expect(applied.changed).toBe(false);
      expect(statusOfSnapshot(applied.snapshot)).toBe(status);
    } else {
      expect(decision).toEqual({ ok: true, target: expected });
      expect(applied.changed).toBe(true);
      expect(statusOfSnapshot(applied.snapshot)).toBe(expected);
      expect(applied.snapshot.context.pause).toBeNull();
    }
  });
});

describe('resume effects on the context', () => {
  it('skip records the milestone as skipped, never passed, and does not count it toward the run cap', () => {
    const s = applyEvent(pausedOnLastMilestone('human'), resume('skip', true)).snapshot;
    expect(s.context.outcomes.map((o) => [o.id, o.outcome])).toEqual([
      ['M001', 'passed'],
      ['M002', 'skipped'],
    ]);
    expect(s.context.milestonesThisRun).toBe(0);
    expect(s.context.reviewRound).toBe(1);
  });

  it('skip of a milestone that is not the last leads to the next one', () => {
    const paused = applyAll(replayAll(TO_IMPLEMENT), [pauseReq('system')]);
    const s = applyEvent(paused, resume('skip', true)).snapshot;
    expect(statusOfSnapshot(s)).toBe('IMPLEMENT_MILESTONE');
    expect(s.context.milestoneIndex).toBe(1);
    expect(s.context.outcomes).toEqual([{ id: 'M001', outcome: 'skipped', lowerAssurance: false, at: '2026-11-21T12:00:00.000Z' }]);
  });

  it('mock records lower assurance, and the next accepted milestone carries it', () => {
    let s = applyEvent(pausedOnLastMilestone('secret'), resume('mock')).snapshot;
    expect(s.context.lowerAssurance).toBe(true);
    expect(s.context.outcomes[0]?.lowerAssurance).toBe(false);
    s = applyAll(s, [implemented(), verdict('milestone', 'pass')]);
    expect(s.context.outcomes.map((o) => [o.id, o.lowerAssurance])).toEqual([
      ['M001', false],
      ['M002', true],
    ]);
  });

  it('replan invalidates the plan approval and keeps the outcomes', () => {
    const s = applyEvent(pausedOnLastMilestone('human'), resume('replan')).snapshot;
    expect(s.context.planApproved).toBe(false);
    expect(s.context.milestoneIndex).toBeNull();
    expect(s.context.outcomes.map((o) => o.id)).toEqual(['M001']);
  });
});

describe('PAUSED_FOR_HUMAN and open questions', () => {
  const q = (id: string) => ({ id, question: `question ${id}?`, options: [{ id: 'A', label: 'yes' }], recommended: 'A' });
  const withQuestions = () =>
    replayAll([...TO_IMPLEMENT, implemented(), verdict('milestone', 'needs_human', [], [q('Q1'), q('Q2')])]);

  it('recommended is refused while a question is open, naming the open ids', () => {
    const s = withQuestions();
    const decision = decideResume('PAUSED_FOR_HUMAN', s.context, { strategy: 'recommended', confirm: false });
    expect(decision).toMatchObject({ ok: false, code: 'QUESTIONS_OPEN', allowed: ['recommended', 'skip', 'replan'] });
    expect(!decision.ok && decision.message).toContain('Q1, Q2');
    expect(applyEvent(s, resume('recommended')).changed).toBe(false);
  });

  it('one answer is not enough; all answers are', () => {
    let s = applyAll(withQuestions(), [answer('Q1')]);
    expect(decideResume('PAUSED_FOR_HUMAN', s.context, { strategy: 'recommended', confirm: false })).toMatchObject({ code: 'QUESTIONS_OPEN' });
    expect(applyEvent(s, resume('recommended')).changed).toBe(false);
    s = applyAll(s, [answer('Q2')]);
    expect(statusOfSnapshot(applyEvent(s, resume('recommended')).snapshot)).toBe('CODEX_MILESTONE_REVIEW');
  });

  it('--confirm resumes with questions still open', () => {
    const s = applyEvent(withQuestions(), resume('recommended', true));
    expect(s.changed).toBe(true);
    expect(statusOfSnapshot(s.snapshot)).toBe('CODEX_MILESTONE_REVIEW');
  });

  it('an answer to an unknown question id does not close an open one', () => {
    const s = applyAll(withQuestions(), [answer('Q9')]);
    expect(applyEvent(s, resume('recommended')).changed).toBe(false);
  });
});

describe('skip needs an interrupted milestone', () => {
  // Pauses whose row allows skip, entered before any milestone exists (from discovery).
  const SKIPPABLE: PauseKind[] = ['human', 'secret', 'codex', 'system', 'unclear', 'threshold'];
  it.each(SKIPPABLE)('pause %s from DISCOVER_EXISTING_PROJECT: skip --confirm → NO_MILESTONE', (kind) => {
    const paused = applyAll(reach('DISCOVER_EXISTING_PROJECT'), [pauseReq(kind)]);
    const status = statusOfSnapshot(paused);
    expect(decideResume(status, paused.context, { strategy: 'skip', confirm: true })).toMatchObject({ ok: false, code: 'NO_MILESTONE' });
    expect(applyEvent(paused, resume('skip', true)).changed).toBe(false);
  });

  it.each(SKIPPABLE)('pause %s from the final gate: skip --confirm → NO_MILESTONE', (kind) => {
    const paused = applyAll(reach('CODEX_FINAL_REVIEW'), [pauseReq(kind)]);
    expect(applyEvent(paused, resume('skip', true)).changed).toBe(false);
  });

  it.each(SKIPPABLE)('pause %s from CLAUDE_FIX of a milestone: skip --confirm → next milestone', (kind) => {
    const paused = applyAll(reach('CLAUDE_FIX'), [pauseReq(kind)]);
    const s = applyEvent(paused, resume('skip', true));
    expect(statusOfSnapshot(s.snapshot)).toBe('IMPLEMENT_MILESTONE');
    expect(s.snapshot.context.outcomes).toMatchObject([{ id: 'M001', outcome: 'skipped' }]);
  });

  it('pause from CLAUDE_FIX of the final gate: skip → NO_MILESTONE', () => {
    const paused = applyAll(reach('CODEX_FINAL_REVIEW'), [verdict('final', 'fail_fixable'), pauseReq('human')]);
    expect(decideResume('PAUSED_FOR_HUMAN', paused.context, { strategy: 'skip', confirm: true })).toMatchObject({ code: 'NO_MILESTONE' });
  });
});

describe('resume outside a pause', () => {
  const ACTIVE_AND_IDLE: Status[] = ['SETUP_COMPLETE', 'DISCOVER_EXISTING_PROJECT', 'IMPLEMENT_MILESTONE', 'CODEX_FINAL_REVIEW', 'DONE'];
  it.each(ACTIVE_AND_IDLE)('%s: every strategy → NOT_PAUSED, allowed []', (status) => {
    const s = reach(status);
    for (const strategy of RESUME_STRATEGIES) {
      expect(decideResume(status, s.context, { strategy, confirm: true })).toMatchObject({ ok: false, code: 'NOT_PAUSED', allowed: [] });
      expect(applyEvent(s, resume(strategy, true)).changed).toBe(false);
    }
  });
});

describe('hard pauses cannot be left except by resume', () => {
  // issue #2 §2: replan "is the only way out of UNSAFE, and it needs --confirm".
  it('UNSAFE cannot be turned into PAUSED_FOR_HUMAN and resumed without --confirm', () => {
    const unsafe = replayAll([...TO_IMPLEMENT, implemented(), wroteFiles('milestone')]);
    const repaused = applyEvent(unsafe, pauseReq('human'));
    expect(repaused.changed).toBe(false);
    const escaped = applyEvent(repaused.snapshot, resume('recommended'));
    expect(statusOfSnapshot(escaped.snapshot)).toBe('UNSAFE');
  });

  it('SENSITIVE_OPERATION cannot shed its --confirm by re-pausing', () => {
    const sensitive = reach('SENSITIVE_OPERATION');
    const repaused = applyEvent(sensitive, pauseReq('system'));
    expect(repaused.changed).toBe(false);
    expect(statusOfSnapshot(applyEvent(repaused.snapshot, resume('recommended')).snapshot)).toBe('SENSITIVE_OPERATION');
  });
});

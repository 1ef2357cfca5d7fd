/**
 * What the machine records along the way (issue #2 §2, issue #3 §4): replans that keep passed milestones,
 * skips recorded as skipped, fail-closed verdicts, Codex failures and a reviewer that wrote files, question-id
 * collisions, lower assurance, and deterministic replay.
 */
import { describe, expect, it } from 'vitest';
import {
  applyEvent,
  initialSnapshot,
  persistSnapshot,
  replay,
  restoreSnapshot,
  statusOfSnapshot,
  type HumanQuestion,
  type WorkflowEvent,
} from '../../machines/index.js';
import { milestone } from '../helpers/events.js';
import {
  PATHS,
  TO_FINAL_REVIEW,
  TO_IMPLEMENT,
  TO_MILESTONE_REVIEW,
  answer,
  applyAll,
  failed,
  fixed,
  implemented,
  pauseReq,
  plan,
  replayAll,
  resume,
  verdict,
  wroteFiles,
} from '../helpers/machine-fixtures.js';

describe('replan keeps passed milestones', () => {
  const afterM001 = () => replayAll([...TO_IMPLEMENT, implemented(), verdict('milestone', 'pass'), pauseReq('human'), resume('replan')]);

  it('the new plan resumes at the first milestone not yet passed', () => {
    const s = applyAll(afterM001(), [plan([milestone('M001'), milestone('M002'), milestone('M003')]), verdict('plan', 'approved')]);
    expect(statusOfSnapshot(s)).toBe('IMPLEMENT_MILESTONE');
    expect(s.context.milestones[s.context.milestoneIndex!]?.id).toBe('M002');
    expect(s.context.planApproved).toBe(true);
    expect(s.context.outcomes.map((o) => [o.id, o.outcome])).toEqual([['M001', 'passed']]);
  });

  it('a new plan whose milestones have all passed goes straight to the final gate', () => {
    const s = applyAll(afterM001(), [plan([milestone('M001')]), verdict('plan', 'approved')]);
    expect(statusOfSnapshot(s)).toBe('CODEX_FINAL_REVIEW');
    expect(s.context.reviewRound).toBe(1);
  });

  it('a milestone inserted before a passed one: the passed one is not implemented again', () => {
    const s = applyAll(afterM001(), [
      plan([milestone('M000'), milestone('M001'), milestone('M002')]),
      verdict('plan', 'approved'),
      implemented(),
      verdict('milestone', 'pass'),
    ]);
    expect(statusOfSnapshot(s)).toBe('IMPLEMENT_MILESTONE');
    expect(s.context.milestones[s.context.milestoneIndex!]?.id).toBe('M002');
    const after = applyAll(s, [implemented(), verdict('milestone', 'pass')]);
    expect(statusOfSnapshot(after)).toBe('CODEX_FINAL_REVIEW');
    expect(after.context.outcomes.map((o) => o.id)).toEqual(['M001', 'M000', 'M002']);
  });
});

describe('skip', () => {
  it('records skipped (never passed) for every skipped milestone and reaches the final gate', () => {
    const s = replayAll([
      ...TO_IMPLEMENT,
      pauseReq('system'),
      resume('skip', true),
      pauseReq('human'),
      resume('skip', true),
    ]);
    expect(statusOfSnapshot(s)).toBe('CODEX_FINAL_REVIEW');
    expect(s.context.outcomes.map((o) => [o.id, o.outcome])).toEqual([
      ['M001', 'skipped'],
      ['M002', 'skipped'],
    ]);
    expect(s.context.gates.every((g) => g.gate === 'plan')).toBe(true);
  });
});

describe('fail closed and Codex failures', () => {
  it('an unknown verdict status pauses for Codex with codex:invalid_verdict and records the gate run', () => {
    const s = replayAll([...TO_MILESTONE_REVIEW, verdict('milestone', 'looks good')]);
    expect(statusOfSnapshot(s)).toBe('PAUSED_FOR_CODEX');
    expect(s.context.pause).toMatchObject({ kind: 'codex', code: 'codex:invalid_verdict', interrupted: 'CODEX_MILESTONE_REVIEW' });
    expect(s.context.gates.at(-1)?.verdict).toBe('looks good');
    expect(s.context.outcomes).toEqual([]);
  });

  it.each(['plan', 'milestone', 'final'] as const)('review.failed at the %s gate → PAUSED_FOR_CODEX with the classified reason', (gate) => {
    const path = { plan: PATHS.CODEX_ADVERSARIAL_PLAN_REVIEW, milestone: TO_MILESTONE_REVIEW, final: TO_FINAL_REVIEW }[gate];
    const s = replayAll([...path, failed(gate, 'not_logged_in')]);
    expect(statusOfSnapshot(s)).toBe('PAUSED_FOR_CODEX');
    expect(s.context.pause).toMatchObject({ kind: 'codex', code: 'codex:not_logged_in', reason: 'codex not_logged_in' });
    expect(statusOfSnapshot(applyEvent(s, resume('recommended')).snapshot)).toBe(statusOfSnapshot(replayAll(path)));
  });

  it.each(['plan', 'milestone', 'final'] as const)('review.unsafe at the %s gate → UNSAFE, left only by replan --confirm', (gate) => {
    const path = { plan: PATHS.CODEX_ADVERSARIAL_PLAN_REVIEW, milestone: TO_MILESTONE_REVIEW, final: TO_FINAL_REVIEW }[gate];
    const s = replayAll([...path, wroteFiles(gate)]);
    expect(statusOfSnapshot(s)).toBe('UNSAFE');
    expect(s.context.pause).toMatchObject({ kind: 'unsafe', code: 'codex:wrote_files' });
    expect(applyEvent(s, resume('replan')).changed).toBe(false);
    expect(statusOfSnapshot(applyEvent(s, resume('replan', true)).snapshot)).toBe('CLAUDE_PLANNING_REVIEW');
  });
});

describe('questions', () => {
  const q = (id: string): HumanQuestion => ({ id, question: `${id}?`, options: [{ id: 'A', label: 'a' }], recommended: 'A' });

  it('renames a question id that is already taken (Codex numbers from Q1 each time)', () => {
    const s = replayAll([
      ...TO_MILESTONE_REVIEW,
      verdict('milestone', 'needs_human', [], [q('Q1'), q('Q2')]),
      answer('Q1'),
      answer('Q2'),
      resume('recommended'),
      verdict('milestone', 'needs_human', [], [q('Q1'), q('Q1'), q('Q2')]),
    ]);
    expect(s.context.questions.map((x) => x.id)).toEqual(['Q1', 'Q2', 'Q1-2', 'Q1-3', 'Q2-2']);
    expect(applyEvent(s, resume('recommended')).changed).toBe(false);
    const answered = applyAll(s, [answer('Q1-2'), answer('Q1-3'), answer('Q2-2')]);
    expect(statusOfSnapshot(applyEvent(answered, resume('recommended')).snapshot)).toBe('CODEX_MILESTONE_REVIEW');
  });

  it('self-review questions are recorded with the pause', () => {
    const s = replayAll([...TO_IMPLEMENT, ev_askHuman([q('Q1')])]);
    expect(statusOfSnapshot(s)).toBe('PAUSED_FOR_HUMAN');
    expect(s.context.questions.map((x) => x.id)).toEqual(['Q1']);
    expect(s.context.pause?.code).toBe('self_review');
  });

  it('answers are recorded in any status, including SETUP_COMPLETE and DONE', () => {
    for (const path of [PATHS.SETUP_COMPLETE, PATHS.DONE]) {
      const r = applyEvent(replayAll(path), answer('Q7', null));
      expect(r.changed).toBe(true);
      expect(r.snapshot.context.answers.at(-1)).toEqual({ questionId: 'Q7', option: null, text: null });
    }
  });
});

function ev_askHuman(questions: HumanQuestion[]): WorkflowEvent {
  const e = implemented(40, 3, 'ask_human') as Extract<WorkflowEvent, { type: 'milestone.submitted' }>;
  return { ...e, selfReview: { ...e.selfReview, questions } };
}

describe('a new run', () => {
  it('task.started in DONE starts run 2 with a fresh context', () => {
    const s = applyAll(replayAll(PATHS.DONE), [{ ...PATHS.DISCOVER_EXISTING_PROJECT[0]!, task: 'second task' } as WorkflowEvent]);
    expect(statusOfSnapshot(s)).toBe('DISCOVER_EXISTING_PROJECT');
    expect(s.context).toMatchObject({ run: 2, task: 'second task', outcomes: [], gates: [], milestones: [], lowerAssurance: false });
  });
});

describe('replay determinism', () => {
  const RUNS: Record<string, WorkflowEvent[]> = {
    'happy path with a fix round': [...TO_MILESTONE_REVIEW, verdict('milestone', 'fail_fixable'), fixed(), verdict('milestone', 'pass'), implemented(), verdict('milestone', 'pass'), verdict('final', 'pass')],
    'pauses, answers, skip and replan': [
      ...TO_MILESTONE_REVIEW,
      verdict('milestone', 'needs_human', [], [{ id: 'Q1', question: '?', options: [], recommended: null }]),
      answer('Q1'),
      resume('skip', true),
      pauseReq('secret'),
      resume('mock'),
      pauseReq('human'),
      resume('replan'),
      plan(),
      verdict('plan', 'approved'),
    ],
    'threshold and extend-review': PATHS.REVIEW_THRESHOLD_EXCEEDED.concat([resume('extend-review'), fixed()]),
  };

  it.each(Object.entries(RUNS))('%s: two replays persist JSON-equal snapshots', (_name, events) => {
    const a = replay(events);
    const b = replay(events);
    expect(a.refusedAt).toBeNull();
    expect(JSON.stringify(persistSnapshot(a.snapshot))).toBe(JSON.stringify(persistSnapshot(b.snapshot)));
  });

  it.each(Object.entries(RUNS))('%s: persist → JSON → restore → continue gives the same result as one replay', (_name, events) => {
    const half = Math.floor(events.length / 2);
    const first = replay(events.slice(0, half));
    const restored = restoreSnapshot(JSON.parse(JSON.stringify(persistSnapshot(first.snapshot))));
    const resumed = replay(events.slice(half), restored);
    expect(resumed.refusedAt).toBeNull();
    expect(persistSnapshot(resumed.snapshot)).toEqual(persistSnapshot(replay(events).snapshot));
  });

  it('replay reports the index of the first refused event and stops there', () => {
    const events = [...TO_IMPLEMENT, fixed(), implemented()];
    const r = replay(events);
    expect(r.refusedAt).toBe(TO_IMPLEMENT.length);
    expect(statusOfSnapshot(r.snapshot)).toBe('IMPLEMENT_MILESTONE');
  });

  it('the initial snapshot persists as SETUP_COMPLETE with the initial context', () => {
    expect(persistSnapshot(initialSnapshot())).toMatchObject({ value: 'SETUP_COMPLETE', context: { run: 0, task: null, pause: null } });
  });

  it('restoreSnapshot refuses an unknown status', () => {
    const p = persistSnapshot(initialSnapshot());
    expect(() => restoreSnapshot({ ...p, value: 'READY' as never })).toThrow(/unknown status/);
  });
});

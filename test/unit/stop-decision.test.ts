import { describe, expect, it } from 'vitest';
import { STATUS_TABLE, STATUSES } from '../../machines/status-table.js';
import {
  applyLoopUpdate,
  decideStop,
  type LoopRecord,
  type StopDecisionInput,
  type StopHookDecision,
} from '../../src/hooks/stop-decision.js';
import { MAX_REASON_CHARS } from '../../src/hooks/stop-reason.js';

const LOOP: LoopRecord = { active: true, ownerSessionId: 's1', capped: false, continuations: 0, lastBlockedRevision: null, noProgressBlocks: 0 };

function input(patch: {
  payload?: Partial<StopDecisionInput['payload']>;
  config?: Partial<NonNullable<StopDecisionInput['config']>> | null;
  loop?: Partial<LoopRecord> | null;
  state?: Partial<NonNullable<StopDecisionInput['state']>> | null;
} = {}): StopDecisionInput {
  return {
    payload: { sessionId: 's1', stopHookActive: false, cwd: '/repo', hookEventName: 'Stop', ...patch.payload },
    config:
      patch.config === null
        ? null
        : { mode: 'full-auto-safe', loopEnabled: true, maxContinuations: 10, maxNoProgressBlocks: 2, language: 'en', ...patch.config },
    loop: patch.loop === null ? null : { ...LOOP, ...patch.loop },
    state:
      patch.state === null
        ? null
        : {
            status: 'IMPLEMENT_MILESTONE',
            revision: 5,
            task: 'add rate limiting',
            milestoneId: 'M001',
            milestoneTitle: 'Token bucket',
            nextInstruction: 'Implement milestone M001, then submit it.',
            nextCommand: 'cccc submit milestone',
            ...patch.state,
          },
  };
}

type Expect = Partial<Omit<Extract<StopHookDecision, { action: 'allow' }>, 'loopUpdate' | 'action' | 'why'>> & {
  action: 'allow' | 'block';
  why: string;
  loopUpdate?: unknown;
};

// Every guard of issue #4 §1, in order, plus the session-claim, cap and progress cases.
const TABLE: [label: string, given: StopDecisionInput, expected: Expect][] = [
  ['the happy path blocks', input(), { action: 'block', why: 'continue', loopUpdate: { continuations: 1, lastBlockedRevision: 5, noProgressBlocks: 0 } }],
  ['a SubagentStop is not ours', input({ payload: { hookEventName: 'SubagentStop' } }), { action: 'allow', why: 'not-stop-event' }],
  ['a missing hook_event_name is tolerated', input({ payload: { hookEventName: null } }), { action: 'block', why: 'continue' }],
  ['unreadable config', input({ config: null }), { action: 'allow', why: 'config-unreadable' }],
  ['supervised-auto mode', input({ config: { mode: 'supervised-auto' } }), { action: 'allow', why: 'mode-not-full-auto-safe' }],
  ['loop flag off', input({ config: { loopEnabled: false } }), { action: 'allow', why: 'loop-disabled' }],
  ['no loop record', input({ loop: null }), { action: 'allow', why: 'no-loop' }],
  ['loop stopped', input({ loop: { active: false } }), { action: 'allow', why: 'loop-inactive' }],
  ['missing session id', input({ payload: { sessionId: null } }), { action: 'allow', why: 'no-session-id' }],
  ['empty session id', input({ payload: { sessionId: '' } }), { action: 'allow', why: 'no-session-id' }],
  ['blank session id', input({ payload: { sessionId: '   ' } }), { action: 'allow', why: 'no-session-id' }],
  ['empty id never claims an unowned loop', input({ payload: { sessionId: '' }, loop: { ownerSessionId: null } }), { action: 'allow', why: 'no-session-id' }],
  ['another session owns the loop', input({ payload: { sessionId: 's2' } }), { action: 'allow', why: 'other-session' }],
  ['first session claims an unowned loop', input({ loop: { ownerSessionId: null } }), { action: 'block', why: 'continue', loopUpdate: { ownerSessionId: 's1', continuations: 1 } }],
  ["an owner of '' counts as unowned", input({ loop: { ownerSessionId: '' } }), { action: 'block', why: 'continue', loopUpdate: { ownerSessionId: 's1' } }],
  ['the claim sticks on an allowed stop', input({ loop: { ownerSessionId: null }, state: { status: 'SETUP_COMPLETE', task: null } }), { action: 'allow', why: 'status-idle', loopUpdate: { ownerSessionId: 's1' } }],
  ['already capped', input({ loop: { capped: true } }), { action: 'allow', why: 'capped' }],
  ['unreadable state', input({ state: null }), { action: 'allow', why: 'state-unreadable' }],
  ['unknown status', input({ state: { status: 'READY_TO_CONTINUE' } }), { action: 'allow', why: 'unknown-status' }],
  ['no task', input({ state: { task: null } }), { action: 'allow', why: 'no-task' }],
  ['empty task', input({ state: { task: '' } }), { action: 'allow', why: 'no-task' }],
  ['budget spent → capped', input({ loop: { continuations: 10 } }), { action: 'allow', why: 'budget-spent', loopUpdate: { capped: true } }],
  ['budget over-spent → capped', input({ loop: { continuations: 12 } }), { action: 'allow', why: 'budget-spent', loopUpdate: { capped: true } }],
  ['last continuation of the budget', input({ loop: { continuations: 9, lastBlockedRevision: 4 } }), { action: 'block', why: 'continue', loopUpdate: { continuations: 10 } }],
  ['invalid max falls back to 10', input({ config: { maxContinuations: Number.NaN }, loop: { continuations: 10 } }), { action: 'allow', why: 'budget-spent', loopUpdate: { capped: true } }],
  ['zero budget never blocks', input({ config: { maxContinuations: 0 } }), { action: 'allow', why: 'budget-spent', loopUpdate: { capped: true } }],
  ['progress resets the no-progress count', input({ loop: { continuations: 3, lastBlockedRevision: 4, noProgressBlocks: 2 } }), { action: 'block', why: 'continue', loopUpdate: { continuations: 4, lastBlockedRevision: 5, noProgressBlocks: 0 } }],
  ['first block without progress', input({ loop: { continuations: 3, lastBlockedRevision: 5, noProgressBlocks: 0 } }), { action: 'block', why: 'continue', loopUpdate: { noProgressBlocks: 1 } }],
  ['second block without progress', input({ loop: { continuations: 4, lastBlockedRevision: 5, noProgressBlocks: 1 } }), { action: 'block', why: 'continue', loopUpdate: { noProgressBlocks: 2 } }],
  ['max blocks without progress → pause', input({ loop: { continuations: 5, lastBlockedRevision: 5, noProgressBlocks: 2 } }), { action: 'allow', why: 'no-progress' }],
  ['max no-progress 0 pauses at once', input({ config: { maxNoProgressBlocks: 0 }, loop: { lastBlockedRevision: 5 } }), { action: 'allow', why: 'no-progress' }],
  ['stop_hook_active with progress continues', input({ payload: { stopHookActive: true }, loop: { lastBlockedRevision: 4, noProgressBlocks: 1 } }), { action: 'block', why: 'continue', loopUpdate: { noProgressBlocks: 0 } }],
  ['stop_hook_active with no block on record counts as no progress', input({ payload: { stopHookActive: true } }), { action: 'block', why: 'continue', loopUpdate: { noProgressBlocks: 1 } }],
  ['stop_hook_active false does not reset the counter (CC-54360)', input({ payload: { stopHookActive: false }, loop: { lastBlockedRevision: 5, noProgressBlocks: 2 } }), { action: 'allow', why: 'no-progress' }],
];

describe('decideStop: guard table (issue #4 §1)', () => {
  it.each(TABLE)('%s', (_label, given, expected) => {
    const decision = decideStop(given);
    expect(decision).toMatchObject(expected);
    if (expected.action === 'allow' && expected.loopUpdate === undefined) expect(decision).not.toHaveProperty('loopUpdate');
  });

  it('never touches another session’s counters', () => {
    expect(decideStop(input({ payload: { sessionId: 's2' } }))).toEqual({ action: 'allow', why: 'other-session' });
  });

  it('requests a PAUSED_FOR_SYSTEM pause saying why when it stops spinning', () => {
    const decision = decideStop(input({ loop: { lastBlockedRevision: 5, noProgressBlocks: 2 } }));
    expect(decision.action === 'allow' && decision.pause?.kind).toBe('system');
    expect(decision.action === 'allow' && decision.pause?.reason).toMatch(/no workflow progress.*revision 5/);
  });

  it('writes the pause reason in Chinese for a zh user', () => {
    const decision = decideStop(input({ config: { language: 'zh-CN' }, loop: { lastBlockedRevision: 5, noProgressBlocks: 2 } }));
    expect(decision.action === 'allow' && decision.pause?.reason).toMatch(/没有进展/);
  });
});

describe('decideStop: every status in STATUS_TABLE', () => {
  it.each(STATUSES)('%s', (status) => {
    const decision = decideStop(input({ state: { status } }));
    const kind = STATUS_TABLE[status].kind;
    if (kind === 'active') expect(decision).toMatchObject({ action: 'block', why: 'continue' });
    else expect(decision).toEqual({ action: 'allow', why: `status-${kind}` });
  });
});

describe('decideStop: block reason', () => {
  const reasonOf = (given: StopDecisionInput): string => {
    const d = decideStop(given);
    if (d.action !== 'block') throw new Error(`expected a block, got ${d.why}`);
    return d.reason;
  };

  it('names status, milestone, the next instruction and command, the budget, and the hard rules', () => {
    const reason = reasonOf(input({ loop: { continuations: 2, lastBlockedRevision: 4 } }));
    for (const part of ['IMPLEMENT_MILESTONE', 'M001 — Token bucket', 'Implement milestone M001', 'cccc submit milestone', '3/10', 'several steps', 'Never bypass a pause for secrets, real money, production access or destructive operations', 'docs/cccc/state.json'])
      expect(reason).toContain(part);
  });

  it('is Simplified Chinese for a Chinese user', () => {
    const reason = reasonOf(input({ config: { language: 'zh' } }));
    expect(reason).toContain('硬性规则');
    expect(reason).toContain('1/10');
    expect(reason).toContain('cccc submit milestone');
  });

  it('stays under Claude Code’s 10,000-char cap with huge inputs', () => {
    const huge = 'x'.repeat(100_000);
    const reason = reasonOf(input({ state: { nextInstruction: huge, nextCommand: huge, task: huge, milestoneTitle: huge } }));
    expect(reason.length).toBeLessThanOrEqual(MAX_REASON_CHARS);
    expect(reason).toContain('Hard rules');
  });
});

describe('decideStop: a loop over several stops', () => {
  it('claims, continues while the revision moves, then pauses after two blocks without progress', () => {
    let loop: LoopRecord = { ...LOOP, ownerSessionId: null };
    const seen: string[] = [];
    for (const revision of [3, 4, 4, 4, 4]) {
      const d = decideStop({ ...input({ state: { revision } }), loop });
      seen.push(d.action === 'block' ? 'block' : d.why);
      if (d.loopUpdate) loop = applyLoopUpdate(loop, d.loopUpdate);
      if (d.action === 'allow') break;
    }
    expect(seen).toEqual(['block', 'block', 'block', 'block', 'no-progress']);
    expect(loop).toMatchObject({ ownerSessionId: 's1', continuations: 4, noProgressBlocks: 2 });
  });

  it('marks the loop capped when the budget runs out, and stays capped', () => {
    let loop: LoopRecord = { ...LOOP };
    const whys: string[] = [];
    for (let revision = 1; revision <= 5; revision++) {
      const d = decideStop({ ...input({ config: { maxContinuations: 3 }, state: { revision } }), loop });
      whys.push(d.why);
      if (d.loopUpdate) loop = applyLoopUpdate(loop, d.loopUpdate);
    }
    expect(whys).toEqual(['continue', 'continue', 'continue', 'budget-spent', 'capped']);
    expect(loop).toMatchObject({ capped: true, continuations: 3, active: true });
  });
});

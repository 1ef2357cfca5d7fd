/**
 * Every status × every event type of the workflow machine (issue #2 §2, "The machine"), as an explicit table
 * written from the transition table — not computed from the machine. Each status is reached by
 * replaying real events (test/helpers/machine-fixtures.ts), then each event is sent once.
 */
import { describe, expect, it } from 'vitest';
import { STATUSES, applyEvent, statusOfSnapshot, type Status, type WorkflowEvent } from '../../machines/index.js';
import {
  answer,
  budgetOut,
  discovery,
  docsSynced,
  failed,
  fixed,
  implemented,
  pauseReq,
  plan,
  reach,
  recheck,
  recheckFailed,
  replanRequested,
  resume,
  start,
  verdict,
  wroteFiles,
} from '../helpers/machine-fixtures.js';

/** Refused: no transition is enabled, `changed === false`. */
const R = 'refused';
/** Accepted, status unchanged (`question.answered` records the answer in any status). */
const SAME = 'same';

const DISCOVER = 'DISCOVER_EXISTING_PROJECT';
const PLANNING = 'CLAUDE_PLANNING_REVIEW';
const PLAN_GATE = 'CODEX_ADVERSARIAL_PLAN_REVIEW';
const IMPLEMENT = 'IMPLEMENT_MILESTONE';
const MS_GATE = 'CODEX_MILESTONE_REVIEW';
const DONE = 'DONE';
const HUMAN = 'PAUSED_FOR_HUMAN';
const UNSAFE = 'UNSAFE';
const CODEX = 'PAUSED_FOR_CODEX';
const REPLAN = 'NEEDS_REPLAN';

type Cell = Status | typeof R | typeof SAME;

/** The columns: one representative event per event type (review events once per gate). */
const COLUMNS: [string, WorkflowEvent][] = [
  ['task.started', start()],
  ['discovery.submitted (all docs filled)', discovery()],
  ['plan.submitted (ok, valid milestones)', plan()],
  ['milestone.submitted (ok, small diff)', implemented()],
  ['fix.submitted (ok)', fixed()],
  ['review.verdict plan approved', verdict('plan', 'approved')],
  ['review.verdict milestone pass', verdict('milestone', 'pass')],
  ['review.verdict final pass', verdict('final', 'pass')],
  ['review.failed plan', failed('plan')],
  ['review.failed milestone', failed('milestone')],
  ['review.failed final', failed('final')],
  ['review.unsafe plan', wroteFiles('plan')],
  ['review.unsafe milestone', wroteFiles('milestone')],
  ['review.unsafe final', wroteFiles('final')],
  ['pause.requested human', pauseReq('human')],
  ['pause.requested unsafe', pauseReq('unsafe')],
  ['question.answered', answer('Q1')],
  ['resume recommended --confirm', resume('recommended', true)],
  ['resume replan --confirm', resume('replan', true)],
  // issue #6
  ['review.budget_exhausted plan', budgetOut('plan')],
  ['review.budget_exhausted milestone', budgetOut('milestone')],
  ['review.budget_exhausted final', budgetOut('final')],
  ['recheck.verdict (no bypass pending)', recheck('milestone', 'M001', 'pass')],
  ['recheck.failed (no bypass pending)', recheckFailed('milestone', 'M001')],
  ['replan.requested', replanRequested()],
  ['docs.synced architecture (high impact)', docsSynced('architecture')],
  ['docs.synced context-only', docsSynced('context', 'current-state.md')],
];

/**
 * Expected outcome per status (rows) and column (same order as COLUMNS). Pauses leave only on `resume`
 * (issue #2 §2: "pauses … | human | `resume`"); `recommended` returns to the interrupted status (named in
 * machine-fixtures PATHS), and is not offered by UNSAFE, REVIEW_THRESHOLD_EXCEEDED or NEEDS_REPLAN.
 * Issue #6 columns: an exhausted budget pauses only its own gate's review status; no recheck is pending on these
 * paths (no bypass happened), so recheck events are refused; `replan.requested` and a high-impact docs sync act
 * only while an approved plan is implemented; a context-only docs sync is accepted wherever the plan is approved
 * (it moves the baseline, the status stays).
 */
// prettier-ignore
const TABLE: Record<Status, Cell[]> = {
  //                task      disc      plan       ms-sub   fix      v:plan     v:ms       v:final  f:plan f:ms   f:final u:plan  u:ms    u:final p:human p:unsafe answer rec+confirm replan+confirm b:plan  b:ms     b:final  rc:v     rc:f     replan   docs:hi  docs:ctx
  SETUP_COMPLETE:   [DISCOVER, R,       R,         R,       R,       R,         R,         R,       R,     R,     R,      R,      R,      R,      R,      R,       SAME,  R,          R, R,       R,       R,       R,       R,       R,       R,       R],
  DISCOVER_EXISTING_PROJECT:
                    [R,       PLANNING, R,         R,       R,       R,         R,         R,       R,     R,     R,      R,      R,      R,      HUMAN,  UNSAFE,  SAME,  R,          R, R,       R,       R,       R,       R,       R,       R,       R],
  CLAUDE_PLANNING_REVIEW:
                    [R,       R,        PLAN_GATE, R,       R,       R,         R,         R,       R,     R,     R,      R,      R,      R,      HUMAN,  UNSAFE,  SAME,  R,          R, R,       R,       R,       R,       R,       R,       R,       R],
  CODEX_ADVERSARIAL_PLAN_REVIEW:
                    [R,       R,        R,         R,       R,       IMPLEMENT, R,         R,       CODEX, R,     R,      UNSAFE, R,      R,      HUMAN,  UNSAFE,  SAME,  R,          R, CODEX,   R,       R,       R,       R,       R,       R,       R],
  CLAUDE_REVISE_PLAN:
                    [R,       R,        PLAN_GATE, R,       R,       R,         R,         R,       R,     R,     R,      R,      R,      R,      HUMAN,  UNSAFE,  SAME,  R,          R, R,       R,       R,       R,       R,       R,       R,       R],
  IMPLEMENT_MILESTONE:
                    [R,       R,        R,         MS_GATE, R,       R,         R,         R,       R,     R,     R,      R,      R,      R,      HUMAN,  UNSAFE,  SAME,  R,          R, R,       R,       R,       R,       R,       PLANNING,REPLAN,  SAME],
  CODEX_MILESTONE_REVIEW:
                    [R,       R,        R,         R,       R,       R,         IMPLEMENT, R,       R,     CODEX, R,      R,      UNSAFE, R,      HUMAN,  UNSAFE,  SAME,  R,          R, R,       CODEX,   R,       R,       R,       PLANNING,REPLAN,  SAME],
  CLAUDE_FIX:       [R,       R,        R,         R,       MS_GATE, R,         R,         R,       R,     R,     R,      R,      R,      R,      HUMAN,  UNSAFE,  SAME,  R,          R, R,       R,       R,       R,       R,       PLANNING,REPLAN,  SAME],
  CODEX_FINAL_REVIEW:
                    [R,       R,        R,         R,       R,       R,         R,         DONE,    R,     R,     CODEX,  R,      R,      UNSAFE, HUMAN,  UNSAFE,  SAME,  R,          R, R,       R,       CODEX,   R,       R,       PLANNING,REPLAN,  SAME],
  DONE:             [DISCOVER, R,       R,         R,       R,       R,         R,         R,       R,     R,     R,      R,      R,      R,      R,      R,       SAME,  R,          R, R,       R,       R,       R,       R,       R,       R,       SAME],
  PAUSED_FOR_HUMAN: [R,       R,        R,         R,       R,       R,         R,         R,       R,     R,     R,      R,      R,      R,      R,      R,       SAME,  MS_GATE,    PLANNING, R,       R,       R,       R,       R,       R,       R,       SAME],
  NEEDS_SECRET:     [R,       R,        R,         R,       R,       R,         R,         R,       R,     R,     R,      R,      R,      R,      R,      R,       SAME,  IMPLEMENT,  PLANNING, R,       R,       R,       R,       R,       R,       R,       SAME],
  SENSITIVE_OPERATION:
                    [R,       R,        R,         R,       R,       R,         R,         R,       R,     R,     R,      R,      R,      R,      R,      R,       SAME,  MS_GATE,    PLANNING, R,       R,       R,       R,       R,       R,       R,       SAME],
  UNSAFE:           [R,       R,        R,         R,       R,       R,         R,         R,       R,     R,     R,      R,      R,      R,      R,      R,       SAME,  R,          PLANNING, R,       R,       R,       R,       R,       R,       R,       SAME],
  PAUSED_FOR_CODEX: [R,       R,        R,         R,       R,       R,         R,         R,       R,     R,     R,      R,      R,      R,      R,      R,       SAME,  MS_GATE,    PLANNING, R,       R,       R,       R,       R,       R,       R,       SAME],
  PAUSED_FOR_SYSTEM:[R,       R,        R,         R,       R,       R,         R,         R,       R,     R,     R,      R,      R,      R,      R,      R,       SAME,  IMPLEMENT,  PLANNING, R,       R,       R,       R,       R,       R,       R,       SAME],
  FAIL_UNCLEAR:     [R,       R,        R,         R,       R,       R,         R,         R,       R,     R,     R,      R,      R,      R,      R,      R,       SAME,  MS_GATE,    PLANNING, R,       R,       R,       R,       R,       R,       R,       SAME],
  REVIEW_THRESHOLD_EXCEEDED:
                    [R,       R,        R,         R,       R,       R,         R,         R,       R,     R,     R,      R,      R,      R,      R,      R,       SAME,  R,          PLANNING, R,       R,       R,       R,       R,       R,       R,       SAME],
  NEEDS_REPLAN:     [R,       R,        R,         R,       R,       R,         R,         R,       R,     R,     R,      R,      R,      R,      R,      R,       SAME,  R,          PLANNING, R,       R,       R,       R,       R,       R,       R,       SAME],
};

const cells = STATUSES.flatMap((status) =>
  COLUMNS.map(([name, event], i) => ({ status, name, event, expected: TABLE[status][i]! })),
);

describe('status × event table (issue #2 §2)', () => {
  it('covers every status and every column', () => {
    expect(Object.keys(TABLE).sort()).toEqual([...STATUSES].sort());
    for (const status of STATUSES) expect(TABLE[status], status).toHaveLength(COLUMNS.length);
    const types = new Set(COLUMNS.map(([, e]) => e.type));
    expect([...types].sort()).toEqual([
      'discovery.submitted',
      'docs.synced',
      'fix.submitted',
      'milestone.submitted',
      'pause.requested',
      'plan.submitted',
      'question.answered',
      'recheck.failed',
      'recheck.verdict',
      'replan.requested',
      'resume',
      'review.budget_exhausted',
      'review.failed',
      'review.unsafe',
      'review.verdict',
      'task.started',
    ]);
  });

  it.each(cells)('$status + $name → $expected', ({ status, event, expected }) => {
    const before = reach(status);
    const { snapshot, changed } = applyEvent(before, event);
    if (expected === R) {
      expect(changed).toBe(false);
      expect(statusOfSnapshot(snapshot)).toBe(status);
    } else {
      expect(changed).toBe(true);
      expect(statusOfSnapshot(snapshot)).toBe(expected === SAME ? status : expected);
    }
  });
});

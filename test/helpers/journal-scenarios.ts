/**
 * Realistic workflow runs for the recorded-journal fixtures (issue #5: "keep a few recorded journals as fixtures
 * and replay them in tests — the regression harness for machine changes"). Each scenario is driven through the
 * real store (`dispatch`: lock, journal append, atomic state write) in a temp workspace with a ticking clock, so
 * the fixture files are exactly what a live run writes.
 *
 * Regenerate the fixtures (after an intended machine or context change; see test/unit/journal-fixtures.test.ts):
 *   CCCC_REGENERATE_JOURNALS=1 npx vitest run test/unit/journal-fixtures.test.ts
 */
import type { Status, WorkflowEvent } from '../../machines/index.js';
import type { Actor } from '../../src/state/journal.js';
import { dispatch } from '../../src/state/store.js';
import type { WorkspacePaths } from '../../src/workspace/paths.js';
import { ev, filledDocs, milestone, record, selfReview, verdictFacts } from './events.js';

/** A recorded run: its events in order and the status it must end in. */
export interface JournalScenario {
  name: string;
  ends: Status;
  events: WorkflowEvent[];
}

const BASE = Date.parse('2026-11-21T09:00:00.000Z');

/** Give events increasing `at` times (one minute apart), as a live run would. */
function tick(events: WorkflowEvent[]): WorkflowEvent[] {
  return events.map((e, i) => ({ ...e, at: new Date(BASE + i * 60_000).toISOString() }));
}

const start = (task: string) => ev('task.started', { task });
const discovery = () => ev('discovery.submitted', { docs: filledDocs() });
const plan = (ids: string[], verdict: 'ok' | 'revise_plan' = 'ok') =>
  ev('plan.submitted', { selfReview: selfReview(verdict), milestones: ids.map((id) => milestone(id)), milestoneErrors: [] });
const implemented = (verdict: 'ok' | 'revise_plan' = 'ok') => ev('milestone.submitted', { selfReview: selfReview(verdict), diffStat: { lines: 120, files: 4 } });
const fixed = () => ev('fix.submitted', { selfReview: selfReview('ok') });
const review = (gate: 'plan' | 'milestone' | 'final', status: string, m: string | null, round = 1, findings: { severity: 'P0' | 'P1' | 'P2' | 'P3'; title: string }[] = []) => {
  const passed = status === (gate === 'plan' ? 'approved' : 'pass') && findings.every((f) => f.severity === 'P2' || f.severity === 'P3');
  const facts = verdictFacts(status as never, findings);
  return ev('review.verdict', { gate, verdict: facts, record: { ...record(gate, status, passed, m, round), artifact: `docs/cccc/reviews/${gate === 'milestone' ? 'milestones' : gate}/${m ?? gate}-r${round}.json` } });
};

/** The recorded scenarios. */
export const JOURNAL_SCENARIOS: JournalScenario[] = [
  {
    name: 'happy-two-milestones-with-fix',
    ends: 'DONE',
    events: tick([
      start('add rate limiting to the API'),
      discovery(),
      plan(['M001', 'M002']),
      review('plan', 'approved', null),
      implemented(),
      review('milestone', 'fail_fixable', 'M001', 1, [{ severity: 'P1', title: 'missing test for the 429 path' }]),
      fixed(),
      review('milestone', 'pass', 'M001', 2, [{ severity: 'P3', title: 'naming' }]),
      implemented(),
      review('milestone', 'pass', 'M002'),
      review('final', 'pass', null),
    ]),
  },
  {
    name: 'paused-and-resumed',
    ends: 'CODEX_FINAL_REVIEW',
    events: tick([
      start('migrate the settings page'),
      discovery(),
      plan(['M001']),
      review('plan', 'approved', null),
      ev('pause.requested', { kind: 'secret', reason: 'needs a real Stripe test key' }),
      ev('resume', { strategy: 'recommended', confirm: true, reason: 'key configured locally' }),
      implemented(),
      ev('review.failed', { gate: 'milestone', reason: 'timeout', message: 'codex timed out after 15 min' }),
      ev('resume', { strategy: 'recommended', confirm: false, reason: 'codex is back' }),
      review('milestone', 'needs_human', 'M001'),
      ev('question.answered', { answer: { questionId: 'Q1', option: 'A', text: null } }),
      ev('resume', { strategy: 'recommended', confirm: true, reason: 'answered' }),
      review('milestone', 'pass', 'M001'),
    ]),
  },
  {
    name: 'replan',
    ends: 'IMPLEMENT_MILESTONE',
    events: tick([
      start('split the billing module'),
      discovery(),
      plan(['M001', 'M002']),
      review('plan', 'approved', null),
      implemented('revise_plan'),
      ev('resume', { strategy: 'replan', confirm: false, reason: 'the plan missed the data migration' }),
      plan(['M001', 'M002', 'M003']),
      review('plan', 'rejected_fixable', null, 1, [{ severity: 'P1', title: 'M003 has no rollback' }]),
      plan(['M001', 'M002', 'M003']),
      review('plan', 'approved', null, 2),
    ]),
  },
  {
    name: 'ends-unsafe',
    ends: 'UNSAFE',
    events: tick([
      start('rotate credentials'),
      discovery(),
      plan(['M001']),
      review('plan', 'approved', null),
      implemented(),
      ev('review.unsafe', { gate: 'milestone', paths: ['src/keys.ts'], message: 'the reviewer changed src/keys.ts' }),
    ]),
  },
];

function actorOf(event: WorkflowEvent): Actor {
  return event.type.startsWith('review.') ? 'codex' : 'cli';
}

/** Drive `scenario` through the store of the workspace at `paths`; returns the final status. Throws on a refusal. */
export async function recordScenario(paths: WorkspacePaths, scenario: JournalScenario): Promise<Status> {
  let status: Status = 'SETUP_COMPLETE';
  for (const event of scenario.events) status = (await dispatch(paths, event, actorOf(event))).after.status;
  return status;
}

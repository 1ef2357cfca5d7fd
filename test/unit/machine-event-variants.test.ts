/**
 * The payload variants of each event in the status that handles it (issue #2 §2 transition table, issue #3 §2
 * verdict statuses per gate), and every pause kind from every active status. Expected tables are written out.
 */
import { describe, expect, it } from 'vitest';
import { applyEvent, statusOfSnapshot, type Status, type WorkflowEvent } from '../../machines/index.js';
import { ev, filledDocs, milestone, selfReview } from '../helpers/events.js';
import {
  TO_FINAL_REVIEW,
  TO_IMPLEMENT,
  applyAll,
  fixed,
  implemented,
  pauseReq,
  plan,
  reach,
  replayAll,
  verdict,
} from '../helpers/machine-fixtures.js';

const R = 'refused';
type Case = [label: string, from: () => ReturnType<typeof reach>, event: WorkflowEvent, expected: Status | typeof R];

const docsWith = (name: string, state: 'missing' | 'template') => ({ ...filledDocs(), [name]: state });
const planWith = (payload: Partial<{ verdict: 'ok' | 'revise_plan' | 'ask_human' | 'read_more_project'; milestones: ReturnType<typeof milestone>[]; errors: string[] }>) =>
  ev('plan.submitted', {
    selfReview: selfReview(payload.verdict ?? 'ok'),
    milestones: payload.milestones ?? [milestone('M001')],
    milestoneErrors: payload.errors ?? [],
  });
const P0 = [{ severity: 'P0' as const, title: 'data loss' }];

const inStatus = (s: Status) => () => reach(s);
/** CODEX_MILESTONE_REVIEW of the last milestone (M002). */
const lastMilestoneReview = () => replayAll([...TO_FINAL_REVIEW.slice(0, -1)]);
/** CLAUDE_FIX reached from the final gate. */
const fixFromFinal = () => replayAll([...TO_FINAL_REVIEW, verdict('final', 'fail_fixable')]);

// prettier-ignore
const CASES: Case[] = [
  // DISCOVER_EXISTING_PROJECT: guard "every required doc exists and differs from its template"
  ['all six docs filled',                  inStatus('DISCOVER_EXISTING_PROJECT'), ev('discovery.submitted', { docs: filledDocs() }), 'CLAUDE_PLANNING_REVIEW'],
  ['architecture.md still the template',   inStatus('DISCOVER_EXISTING_PROJECT'), ev('discovery.submitted', { docs: docsWith('architecture.md', 'template') }), R],
  ['open-questions.md missing',            inStatus('DISCOVER_EXISTING_PROJECT'), ev('discovery.submitted', { docs: docsWith('open-questions.md', 'missing') }), R],
  ['no docs reported at all',              inStatus('DISCOVER_EXISTING_PROJECT'), ev('discovery.submitted', { docs: {} }), R],
  // CLAUDE_PLANNING_REVIEW: plan.submitted{selfReview}
  ['plan ok, valid milestones',            inStatus('CLAUDE_PLANNING_REVIEW'), planWith({}), 'CODEX_ADVERSARIAL_PLAN_REVIEW'],
  ['plan ok, milestones.yaml invalid',     inStatus('CLAUDE_PLANNING_REVIEW'), planWith({ errors: ['M001.risk: invalid'] }), R],
  ['plan ok, no milestones',               inStatus('CLAUDE_PLANNING_REVIEW'), planWith({ milestones: [] }), R],
  ['plan revise_plan',                     inStatus('CLAUDE_PLANNING_REVIEW'), planWith({ verdict: 'revise_plan' }), 'CLAUDE_PLANNING_REVIEW'],
  ['plan read_more_project',               inStatus('CLAUDE_PLANNING_REVIEW'), planWith({ verdict: 'read_more_project' }), 'DISCOVER_EXISTING_PROJECT'],
  ['plan ask_human',                       inStatus('CLAUDE_PLANNING_REVIEW'), planWith({ verdict: 'ask_human' }), 'PAUSED_FOR_HUMAN'],
  // CLAUDE_REVISE_PLAN: plan.submitted → back to the plan gate
  ['revised plan ok',                      inStatus('CLAUDE_REVISE_PLAN'), planWith({}), 'CODEX_ADVERSARIAL_PLAN_REVIEW'],
  ['revised plan, milestones invalid',     inStatus('CLAUDE_REVISE_PLAN'), planWith({ errors: ['duplicate id M001'] }), R],
  ['revised plan revise_plan',             inStatus('CLAUDE_REVISE_PLAN'), planWith({ verdict: 'revise_plan' }), 'CLAUDE_REVISE_PLAN'],
  ['revised plan read_more_project',       inStatus('CLAUDE_REVISE_PLAN'), planWith({ verdict: 'read_more_project' }), 'DISCOVER_EXISTING_PROJECT'],
  ['revised plan ask_human',               inStatus('CLAUDE_REVISE_PLAN'), planWith({ verdict: 'ask_human' }), 'PAUSED_FOR_HUMAN'],
  // CODEX_ADVERSARIAL_PLAN_REVIEW: plan verdicts (approved|rejected_fixable|insufficient_context|needs_human|unsafe)
  ['plan approved',                        inStatus('CODEX_ADVERSARIAL_PLAN_REVIEW'), verdict('plan', 'approved'), 'IMPLEMENT_MILESTONE'],
  ['plan approved with a P0',              inStatus('CODEX_ADVERSARIAL_PLAN_REVIEW'), verdict('plan', 'approved', P0), 'CLAUDE_REVISE_PLAN'],
  ['plan rejected_fixable',                inStatus('CODEX_ADVERSARIAL_PLAN_REVIEW'), verdict('plan', 'rejected_fixable'), 'CLAUDE_REVISE_PLAN'],
  ['plan insufficient_context',            inStatus('CODEX_ADVERSARIAL_PLAN_REVIEW'), verdict('plan', 'insufficient_context'), 'DISCOVER_EXISTING_PROJECT'],
  ['plan needs_human',                     inStatus('CODEX_ADVERSARIAL_PLAN_REVIEW'), verdict('plan', 'needs_human'), 'PAUSED_FOR_HUMAN'],
  ['plan unsafe',                          inStatus('CODEX_ADVERSARIAL_PLAN_REVIEW'), verdict('plan', 'unsafe'), 'UNSAFE'],
  ['plan gate says "pass" (not its word)', inStatus('CODEX_ADVERSARIAL_PLAN_REVIEW'), verdict('plan', 'pass'), 'PAUSED_FOR_CODEX'],
  ['plan gate says "fail_fixable"',        inStatus('CODEX_ADVERSARIAL_PLAN_REVIEW'), verdict('plan', 'fail_fixable'), 'PAUSED_FOR_CODEX'],
  ['plan gate says "fail_unclear"',        inStatus('CODEX_ADVERSARIAL_PLAN_REVIEW'), verdict('plan', 'fail_unclear'), 'PAUSED_FOR_CODEX'],
  ['plan gate unknown status',             inStatus('CODEX_ADVERSARIAL_PLAN_REVIEW'), verdict('plan', 'lgtm'), 'PAUSED_FOR_CODEX'],
  ['plan gate empty status',               inStatus('CODEX_ADVERSARIAL_PLAN_REVIEW'), verdict('plan', ''), 'PAUSED_FOR_CODEX'],
  // IMPLEMENT_MILESTONE: milestone.submitted{selfReview, diffStat}; limits 1200 lines / 20 files
  ['ok, small diff',                       inStatus('IMPLEMENT_MILESTONE'), implemented(40, 3), 'CODEX_MILESTONE_REVIEW'],
  ['ok, exactly at both limits',           inStatus('IMPLEMENT_MILESTONE'), implemented(1200, 20), 'CODEX_MILESTONE_REVIEW'],
  ['ok, one line over',                    inStatus('IMPLEMENT_MILESTONE'), implemented(1201, 3), 'PAUSED_FOR_HUMAN'],
  ['ok, one file over',                    inStatus('IMPLEMENT_MILESTONE'), implemented(40, 21), 'PAUSED_FOR_HUMAN'],
  ['ask_human',                            inStatus('IMPLEMENT_MILESTONE'), implemented(40, 3, 'ask_human'), 'PAUSED_FOR_HUMAN'],
  ['revise_plan',                          inStatus('IMPLEMENT_MILESTONE'), implemented(40, 3, 'revise_plan'), 'NEEDS_REPLAN'],
  ['read_more_project',                    inStatus('IMPLEMENT_MILESTONE'), implemented(40, 3, 'read_more_project'), 'NEEDS_REPLAN'],
  // CODEX_MILESTONE_REVIEW (M001 of 2): milestone verdicts (pass|fail_fixable|fail_unclear|needs_human|unsafe|sensitive_operation)
  ['pass, next milestone',                 inStatus('CODEX_MILESTONE_REVIEW'), verdict('milestone', 'pass'), 'IMPLEMENT_MILESTONE'],
  ['pass on the last milestone',           lastMilestoneReview, verdict('milestone', 'pass'), 'CODEX_FINAL_REVIEW'],
  ['pass with a P0',                       inStatus('CODEX_MILESTONE_REVIEW'), verdict('milestone', 'pass', P0), 'CLAUDE_FIX'],
  ['fail_fixable',                         inStatus('CODEX_MILESTONE_REVIEW'), verdict('milestone', 'fail_fixable'), 'CLAUDE_FIX'],
  ['fail_unclear',                         inStatus('CODEX_MILESTONE_REVIEW'), verdict('milestone', 'fail_unclear'), 'FAIL_UNCLEAR'],
  ['needs_human',                          inStatus('CODEX_MILESTONE_REVIEW'), verdict('milestone', 'needs_human'), 'PAUSED_FOR_HUMAN'],
  ['sensitive_operation',                  inStatus('CODEX_MILESTONE_REVIEW'), verdict('milestone', 'sensitive_operation'), 'SENSITIVE_OPERATION'],
  ['unsafe',                               inStatus('CODEX_MILESTONE_REVIEW'), verdict('milestone', 'unsafe'), 'UNSAFE'],
  ['milestone gate says "approved"',       inStatus('CODEX_MILESTONE_REVIEW'), verdict('milestone', 'approved'), 'PAUSED_FOR_CODEX'],
  ['milestone gate says "rejected_fixable"', inStatus('CODEX_MILESTONE_REVIEW'), verdict('milestone', 'rejected_fixable'), 'PAUSED_FOR_CODEX'],
  ['milestone gate says "insufficient_context"', inStatus('CODEX_MILESTONE_REVIEW'), verdict('milestone', 'insufficient_context'), 'PAUSED_FOR_CODEX'],
  ['milestone gate unknown status',        inStatus('CODEX_MILESTONE_REVIEW'), verdict('milestone', 'PASS'), 'PAUSED_FOR_CODEX'],
  // CLAUDE_FIX: fix.submitted → back to the review it came from
  ['fix ok (from milestone gate)',         inStatus('CLAUDE_FIX'), fixed('ok'), 'CODEX_MILESTONE_REVIEW'],
  ['fix ask_human',                        inStatus('CLAUDE_FIX'), fixed('ask_human'), 'PAUSED_FOR_HUMAN'],
  ['fix ok (from final gate)',             fixFromFinal, fixed('ok'), 'CODEX_FINAL_REVIEW'],
  ['fix ask_human (from final gate)',      fixFromFinal, fixed('ask_human'), 'PAUSED_FOR_HUMAN'],
  // CODEX_FINAL_REVIEW: final verdicts (pass|fail_fixable|needs_human|unsafe)
  ['final pass',                           inStatus('CODEX_FINAL_REVIEW'), verdict('final', 'pass'), 'DONE'],
  ['final pass with a P0',                 inStatus('CODEX_FINAL_REVIEW'), verdict('final', 'pass', P0), 'CLAUDE_FIX'],
  ['final fail_fixable',                   inStatus('CODEX_FINAL_REVIEW'), verdict('final', 'fail_fixable'), 'CLAUDE_FIX'],
  ['final needs_human',                    inStatus('CODEX_FINAL_REVIEW'), verdict('final', 'needs_human'), 'PAUSED_FOR_HUMAN'],
  ['final unsafe',                         inStatus('CODEX_FINAL_REVIEW'), verdict('final', 'unsafe'), 'UNSAFE'],
  ['final gate says "fail_unclear"',       inStatus('CODEX_FINAL_REVIEW'), verdict('final', 'fail_unclear'), 'PAUSED_FOR_CODEX'],
  ['final gate says "sensitive_operation"', inStatus('CODEX_FINAL_REVIEW'), verdict('final', 'sensitive_operation'), 'PAUSED_FOR_CODEX'],
  ['final gate says "approved"',           inStatus('CODEX_FINAL_REVIEW'), verdict('final', 'approved'), 'PAUSED_FOR_CODEX'],
  ['final gate says "rejected_fixable"',   inStatus('CODEX_FINAL_REVIEW'), verdict('final', 'rejected_fixable'), 'PAUSED_FOR_CODEX'],
  ['final gate unknown status',            inStatus('CODEX_FINAL_REVIEW'), verdict('final', 'done'), 'PAUSED_FOR_CODEX'],
];

describe('event variants in the status that handles them', () => {
  const rows = CASES.map(([label, from, event, expected]) => ({ label, from, event, expected }));
  it.each(rows)('$label → $expected', ({ from, event, expected }) => {
    const before = from();
    const { snapshot, changed } = applyEvent(before, event);
    if (expected === R) {
      expect(changed).toBe(false);
    } else {
      expect(changed).toBe(true);
      expect(statusOfSnapshot(snapshot)).toBe(expected);
    }
  });
});

/** Every pause kind from every active status (`cccc pause`, `cccc review`, hooks, sync-docs all send these). */
// prettier-ignore
const PAUSE_KIND_TARGETS = {
  human: 'PAUSED_FOR_HUMAN',
  secret: 'NEEDS_SECRET',
  sensitive: 'SENSITIVE_OPERATION',
  unsafe: 'UNSAFE',
  system: 'PAUSED_FOR_SYSTEM',
  codex: 'PAUSED_FOR_CODEX',
  unclear: 'FAIL_UNCLEAR',
  threshold: 'REVIEW_THRESHOLD_EXCEEDED',
  replan: 'NEEDS_REPLAN',
} as const;
const ACTIVE: Status[] = [
  'DISCOVER_EXISTING_PROJECT',
  'CLAUDE_PLANNING_REVIEW',
  'CODEX_ADVERSARIAL_PLAN_REVIEW',
  'CLAUDE_REVISE_PLAN',
  'IMPLEMENT_MILESTONE',
  'CODEX_MILESTONE_REVIEW',
  'CLAUDE_FIX',
  'CODEX_FINAL_REVIEW',
];

describe('pause.requested from every active status', () => {
  const rows = ACTIVE.flatMap((status) =>
    Object.entries(PAUSE_KIND_TARGETS).map(([kind, target]) => ({ status, kind: kind as keyof typeof PAUSE_KIND_TARGETS, target })),
  );
  it.each(rows)('$status + pause $kind → $target, recording what it interrupted', ({ status, kind, target }) => {
    const { snapshot, changed } = applyEvent(reach(status), pauseReq(kind));
    expect(changed).toBe(true);
    expect(statusOfSnapshot(snapshot)).toBe(target);
    expect(snapshot.context.pause).toEqual({
      kind,
      status: target,
      reason: `pause ${kind}`,
      interrupted: status,
      code: null,
      at: '2026-11-21T12:00:00.000Z',
    });
  });

  it('a pause records the code src/ sends', () => {
    const s = applyAll(replayAll(TO_IMPLEMENT), [ev('pause.requested', { kind: 'system', reason: 'StopFailure', code: 'hook:stop_failure' })]);
    expect(s.context.pause?.code).toBe('hook:stop_failure');
  });

  it('plan(): the fixture plan is valid', () => {
    expect(statusOfSnapshot(applyAll(reach('CLAUDE_PLANNING_REVIEW'), [plan()]))).toBe('CODEX_ADVERSARIAL_PLAN_REVIEW');
  });
});

/**
 * The Codex bypass (issue #6) in the pure machine: each refusal rule of `decideBypass` refuses (a table — the
 * machine and `decideResume` agree, and a refusal names its rule), an allowed bypass passes the gate under lower
 * assurance for it and everything after it, queues a recheck, never records a Codex-looking pass, and the final gate
 * cannot pass while the recheck is pending; a passing recheck clears the lower assurance, a failing one reopens the
 * milestone and pauses in NEEDS_REPLAN.
 */
import { describe, expect, it } from 'vitest';
import {
  applyEvent,
  decideResume,
  statusOfSnapshot,
  type BypassFacts,
  type BypassPolicy,
  type Milestone,
  type WorkflowEvent,
  type WorkflowSnapshot,
} from '../../machines/index.js';
import { ev, milestone, selfReview } from '../helpers/events.js';
import { applyAll, discovery, failed, pauseReq, plan, recheck, replayAll, resume, start, verdict } from '../helpers/machine-fixtures.js';

const POLICY: BypassPolicy = {
  enabled: true,
  unavailablePolicy: 'ask_or_bypass_once',
  mode: 'once_per_gate',
  allowedReasons: ['quota_exhausted', 'codex_cli_unavailable', 'codex_auth_unavailable', 'codex_api_error', 'user_explicit_override'],
  allowForRisk: { low: true, medium: true, high: false, critical: false },
  maxConsecutiveBypassedGates: 1,
  requireLaterCodexRecheck: true,
};

function facts(over: Partial<BypassFacts> = {}, review: Partial<BypassFacts['review']> = {}, policy: Partial<BypassPolicy> = {}): BypassFacts {
  return {
    policy: { ...POLICY, ...policy },
    reason: 'codex_cli_unavailable',
    review: { reviewer: 'claude', gate: 'milestone', milestone: 'M001', status: 'pass', summary: 'checked every criterion', findings: [], ...review },
    artifact: `docs/cccc/reviews/bypass/${review.milestone ?? 'M001'}-claude-bypass-x.json`,
    artifactSha256: 'b'.repeat(64),
    ...over,
  };
}

const bypass = (f: BypassFacts | undefined, confirm = true): WorkflowEvent =>
  ev('resume', { strategy: 'bypass-codex', confirm, reason: f?.reason ?? null, ...(f ? { bypass: f } : {}) });
const submitted = () => ev('milestone.submitted', { selfReview: selfReview(), diffStat: { lines: 10, files: 1 } });

/** Codex failed while reviewing M001 of `plan` (M001 then M002). */
function codexDownAtM001(milestones: Milestone[] = [milestone('M001'), milestone('M002')]): WorkflowSnapshot {
  return replayAll([start(), discovery(), plan(milestones), verdict('plan', 'approved'), submitted(), failed('milestone', 'not_installed')]);
}

/** M001 bypassed, M002 passed by Codex, Codex down again at M002: no wait — at M002's review. */
function bypassedM001(policy: Partial<BypassPolicy> = {}): WorkflowSnapshot {
  return applyAll(codexDownAtM001(), [bypass(facts({}, {}, policy))]);
}

// prettier-ignore
const REFUSALS: [rule: string, from: () => WorkflowSnapshot, event: WorkflowEvent][] = [
  ['self_review_missing',           () => codexDownAtM001(), bypass(undefined)],
  ['bypass_disabled',               () => codexDownAtM001(), bypass(facts({}, {}, { enabled: false }))],
  ['strict_pause',                  () => codexDownAtM001(), bypass(facts({}, {}, { unavailablePolicy: 'strict_pause' }))],
  ['reason_not_allowed',            () => codexDownAtM001(), bypass(facts({ reason: 'in_a_hurry' }))],
  ['reason_not_allowed',            () => codexDownAtM001(), bypass(facts({ reason: 'quota_exhausted' }, {}, { allowedReasons: ['codex_cli_unavailable'] }))],
  ['no_gate',                       () => applyAll(replayAll([start(), discovery(), plan(), verdict('plan', 'approved')]), [pauseReq('codex')]), bypass(facts())],
  ['final_gate',                    () => replayAll([start(), discovery(), plan([milestone('M001')]), verdict('plan', 'approved'), submitted(), verdict('milestone', 'pass'), failed('final')]), bypass(facts({}, { gate: 'final', milestone: null }))],
  ['critical_risk',                 () => codexDownAtM001([milestone('M001', 'critical'), milestone('M002')]), bypass(facts({}, {}, { allowForRisk: { low: true, medium: true, high: true, critical: true } }))],
  ['high_risk',                     () => codexDownAtM001([milestone('M001', 'high'), milestone('M002')]), bypass(facts())],
  ['high_risk',                     () => codexDownAtM001([milestone('M001', 'high'), milestone('M002')]), bypass(facts({}, {}, { unavailablePolicy: 'auto_bypass_low_medium', allowForRisk: { low: true, medium: true, high: true, critical: false } }))],
  ['high_risk',                     () => codexDownAtM001([milestone('M001', 'high'), milestone('M002')]), bypass(facts({}, {}, { mode: 'auto_low_medium', allowForRisk: { low: true, medium: true, high: true, critical: false } }))],
  ['risk_not_allowed',              () => codexDownAtM001(), bypass(facts({}, {}, { allowForRisk: { low: false, medium: true, high: false, critical: false } }))],
  ['risk_not_allowed',              () => codexDownAtM001([milestone('M001', 'medium'), milestone('M002')]), bypass(facts({}, {}, { allowForRisk: { low: true, medium: false, high: false, critical: false } }))],
  ['consecutive_limit',             () => applyAll(bypassedM001(), [submitted(), failed('milestone')]), bypass(facts({}, { milestone: 'M002' }))],
  ['once_per_gate',                 () => reopenedAndDownAgain(), bypass(facts({}, {}, { maxConsecutiveBypassedGates: 5 }))],
  ['self_review_wrong_gate',        () => codexDownAtM001(), bypass(facts({}, { milestone: 'M002' }))],
  ['self_review_wrong_gate',        () => codexDownAtM001(), bypass(facts({}, { gate: 'plan', milestone: null }))],
  ['self_review_not_pass',          () => codexDownAtM001(), bypass(facts({}, { status: 'fail_fixable' }))],
  ['self_review_not_pass',          () => codexDownAtM001(), bypass(facts({}, { status: 'needs_human' }))],
  ['self_review_blocking_findings', () => codexDownAtM001(), bypass(facts({}, { findings: [{ severity: 'P1', title: 'missing test' }] }))],
  ['self_review_blocking_findings', () => codexDownAtM001(), bypass(facts({}, { findings: [{ severity: 'P0', title: 'secret in code' }] }))],
];

/** M001 bypassed, its recheck failed (reopened, NEEDS_REPLAN), replanned and approved by Codex, M001 redone and Codex down again. */
function reopenedAndDownAgain(): WorkflowSnapshot {
  return applyAll(bypassedM001({ maxConsecutiveBypassedGates: 5 }), [
    recheck('milestone', 'M001', 'fail_fixable'),
    resume('replan'),
    plan(),
    verdict('plan', 'approved'),
    submitted(),
    failed('milestone'),
  ]);
}

describe('bypass refusal rules (each refuses, naming its rule)', () => {
  it.each(REFUSALS)('%s', (rule, from, event) => {
    const s = from();
    expect(statusOfSnapshot(s)).toBe('PAUSED_FOR_CODEX');
    const e = event as Extract<WorkflowEvent, { type: 'resume' }>;
    const decision = decideResume('PAUSED_FOR_CODEX', s.context, { strategy: 'bypass-codex', confirm: true, bypass: e.bypass, limits: e.limits });
    expect(decision).toMatchObject({ ok: false, code: 'BYPASS_REFUSED', rule });
    expect(!decision.ok && decision.message).toMatch(new RegExp(`^Bypass refused \\(${rule}\\): `));
    const applied = applyEvent(s, event);
    expect(applied.changed).toBe(false);
    expect(statusOfSnapshot(applied.snapshot)).toBe('PAUSED_FOR_CODEX');
  });

  it('without --confirm the status table refuses first (NEEDS_CONFIRM)', () => {
    const s = codexDownAtM001();
    expect(decideResume('PAUSED_FOR_CODEX', s.context, { strategy: 'bypass-codex', confirm: false, bypass: facts() })).toMatchObject({ code: 'NEEDS_CONFIRM' });
    expect(applyEvent(s, bypass(facts(), false)).changed).toBe(false);
  });

  it.each(['ask_or_bypass_once', 'always_ask', 'custom', 'auto_bypass_low_medium'] as const)('unavailable_policy %s allows a low-risk bypass with --confirm', (unavailablePolicy) => {
    expect(statusOfSnapshot(applyEvent(codexDownAtM001(), bypass(facts({}, {}, { unavailablePolicy }))).snapshot)).toBe('IMPLEMENT_MILESTONE');
  });

  it('high risk is allowed only with allow_for_high_risk', () => {
    const s = applyEvent(codexDownAtM001([milestone('M001', 'high'), milestone('M002')]), bypass(facts({}, {}, { allowForRisk: { low: true, medium: true, high: true, critical: false } })));
    expect(s.changed).toBe(true);
    expect(s.snapshot.context.bypasses[0]?.risk).toBe('high');
  });
});

describe('an allowed bypass', () => {
  it('passes the gate under lower assurance, queues a recheck, and never records a Codex-looking pass', () => {
    const s = bypassedM001();
    expect(statusOfSnapshot(s)).toBe('IMPLEMENT_MILESTONE');
    expect(s.context.milestones[s.context.milestoneIndex!]?.id).toBe('M002');
    const gate = s.context.gates.at(-1)!;
    expect(gate).toMatchObject({ gate: 'milestone', milestone: 'M001', source: 'bypass', verdict: 'bypassed', passed: false });
    expect(gate.artifact).toMatch(/^docs\/cccc\/reviews\/bypass\//);
    expect(s.context.bypasses).toEqual([expect.objectContaining({ gate: 'milestone', milestone: 'M001', recheck: 'pending', risk: 'low', covers: ['M001'], reason: 'codex_cli_unavailable' })]);
    expect(s.context.outcomes).toEqual([expect.objectContaining({ id: 'M001', outcome: 'passed', lowerAssurance: true })]);
    expect(s.context).toMatchObject({ lowerAssurance: true, consecutiveBypasses: 1, pause: null });
  });

  it('everything after it is lower assurance until the recheck passes; the final gate cannot pass while it is pending', () => {
    let s = applyAll(bypassedM001(), [submitted(), verdict('milestone', 'pass')]);
    expect(s.context.consecutiveBypasses).toBe(0);
    expect(s.context.outcomes.map((o) => [o.id, o.lowerAssurance])).toEqual([
      ['M001', true],
      ['M002', true],
    ]);
    s = applyEvent(s, verdict('final', 'pass')).snapshot;
    expect(statusOfSnapshot(s)).toBe('PAUSED_FOR_CODEX');
    expect(s.context.pause).toMatchObject({ code: 'recheck_pending', interrupted: 'CODEX_FINAL_REVIEW' });
    s = applyEvent(s, recheck('milestone', 'M001', 'pass')).snapshot;
    expect(statusOfSnapshot(s)).toBe('PAUSED_FOR_CODEX');
    expect(s.context.bypasses[0]?.recheck).toBe('passed');
    expect(s.context.lowerAssurance).toBe(false);
    expect(s.context.outcomes.map((o) => o.lowerAssurance)).toEqual([false, false]);
    s = applyAll(s, [resume('recommended'), verdict('final', 'pass')]);
    expect(statusOfSnapshot(s)).toBe('DONE');
  });

  it('a recheck runs from an active status and stays there on a pass', () => {
    const s = applyEvent(bypassedM001(), recheck('milestone', 'M001', 'pass'));
    expect(s.changed).toBe(true);
    expect(statusOfSnapshot(s.snapshot)).toBe('IMPLEMENT_MILESTONE');
    expect(s.snapshot.context.gates.at(-1)).toMatchObject({ milestone: 'M001', source: 'codex', passed: true });
  });

  it('a failing recheck reopens the milestone and pauses in NEEDS_REPLAN; the replan implements it again', () => {
    let s = applyEvent(bypassedM001(), recheck('milestone', 'M001', 'fail_fixable')).snapshot;
    expect(statusOfSnapshot(s)).toBe('NEEDS_REPLAN');
    expect(s.context.pause).toMatchObject({ code: 'recheck_failed' });
    expect(s.context.outcomes).toEqual([]);
    expect(s.context.bypasses[0]?.recheck).toBe('failed');
    s = applyAll(s, [resume('replan'), plan(), verdict('plan', 'approved')]);
    expect(s.context.milestones[s.context.milestoneIndex!]?.id).toBe('M001');
  });

  it('a recheck for a gate that was not bypassed, or twice, is refused', () => {
    expect(applyEvent(bypassedM001(), recheck('milestone', 'M002', 'pass')).changed).toBe(false);
    const once = applyEvent(bypassedM001(), recheck('milestone', 'M001', 'pass')).snapshot;
    expect(applyEvent(once, recheck('milestone', 'M001', 'pass')).changed).toBe(false);
  });

  it('with require_later_codex_recheck false nothing is queued, and the gate stays lower assurance', () => {
    const s = applyAll(bypassedM001({ requireLaterCodexRecheck: false }), [submitted(), verdict('milestone', 'pass'), verdict('final', 'pass')]);
    expect(statusOfSnapshot(s)).toBe('DONE');
    expect(s.context.bypasses[0]?.recheck).toBe('not_required');
    expect(s.context.lowerAssurance).toBe(true);
  });

  it('bypasses the plan gate: plan approved under lower assurance, docs baseline from the facts', () => {
    const down = replayAll([start(), discovery(), plan(), failed('plan')]);
    const f = facts({ docs: { 'roadmap.md': 'r'.repeat(64) } }, { gate: 'plan', milestone: null });
    const s = applyEvent(down, bypass(f)).snapshot;
    expect(statusOfSnapshot(s)).toBe('IMPLEMENT_MILESTONE');
    expect(s.context).toMatchObject({ planApproved: true, lowerAssurance: true, docsBaseline: { 'roadmap.md': 'r'.repeat(64) } });
    expect(s.context.bypasses[0]).toMatchObject({ gate: 'plan', milestone: null, risk: 'low' });
  });
});

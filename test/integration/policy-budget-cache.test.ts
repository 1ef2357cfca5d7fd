/**
 * Issue #6 "Done when", through the command functions with the fake `codex` (no build needed): budget exhaustion
 * pauses BEFORE the call that would exceed it (the fake's recorded calls prove no call was made), the ledger counts
 * calls and tokens per run/phase/milestone, a warning is printed when few calls remain, and a cache hit makes 0
 * Codex calls (a replan that resubmits the same plan reuses the approval) while a failing verdict is never reused.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runBudget } from '../../src/commands/budget.js';
import { runReplan } from '../../src/commands/replan.js';
import { runResume } from '../../src/commands/resume.js';
import { runStatus } from '../../src/commands/status.js';
import { runSubmit } from '../../src/commands/submit.js';
import { runTraceVerify } from '../../src/commands/trace-verify.js';
import { CcccError } from '../../src/errors.js';
import { runReview } from '../../src/review/run-review.js';
import { readState } from '../../src/state/store.js';
import { implementAndSubmit, milestone, policyRun, toPlanReview, type PolicyRun } from '../helpers/policy-run.js';

async function codexCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CcccError) return error.code;
    throw error;
  }
  return 'resolved';
}

async function expectReplays(run: PolicyRun): Promise<void> {
  expect((await runTraceVerify(run.deps())).ok).toBe(true);
}

describe('budget ledger and exhaustion', () => {
  it('pauses with budget_exhausted before the call that would exceed max_codex_calls_per_milestone, and resumes once raised', async () => {
    const run = policyRun((c) => {
      c.codex_review_policy.budget.max_codex_calls_per_milestone = 1;
    });
    await toPlanReview(run, [milestone('M001'), milestone('M002')]);
    await runReview(run.deps('pass'));
    await implementAndSubmit(run, 'M001');
    const first = await runReview(run.deps('fail_fixable'));
    expect(first.to).toBe('CLAUDE_FIX');
    expect(run.calls()).toHaveLength(2);
    await runSubmit({ step: 'fix', selfReview: run.selfReview(), readStdin: async () => '' }, run.deps());

    expect(await codexCode(runReview(run.deps('pass')))).toBe('CODEX_BUDGET_EXHAUSTED');
    expect(run.calls()).toHaveLength(2); // no third call
    const status = await runStatus(run.deps());
    expect(status.status).toBe('PAUSED_FOR_CODEX');
    expect(status.pause).toMatchObject({ code: 'budget_exhausted', interrupted: 'CODEX_MILESTONE_REVIEW' });
    expect(status.pause?.reason).toMatch(/milestone M001 used 1 of 1 calls \(codex_review_policy\.budget\.max_codex_calls_per_milestone\)/);
    expect(status.budget.milestones.M001).toMatchObject({ calls: 1, limit: 1, remaining: 0 });

    // Resuming without raising the budget pauses again, still without a call.
    await runResume({ strategy: 'recommended' }, run.deps());
    expect(await codexCode(runReview(run.deps('pass')))).toBe('CODEX_BUDGET_EXHAUSTED');
    expect(run.calls()).toHaveLength(2);

    const file = run.paths.config;
    const config = JSON.parse(readFileSync(file, 'utf8'));
    config.codex_review_policy.budget.max_codex_calls_per_milestone = 3;
    (await import('node:fs')).writeFileSync(file, JSON.stringify(config));
    await runResume({ strategy: 'recommended' }, run.deps());
    expect((await runReview(run.deps('pass'))).to).toBe('IMPLEMENT_MILESTONE');
    expect(run.calls()).toHaveLength(3);
    await expectReplays(run);
  });

  it('counts calls, tokens and wall time per run, phase and milestone; warns when few calls remain', async () => {
    const run = policyRun((c) => {
      c.codex_review_policy.budget.max_codex_calls_per_run = 3;
      c.codex_review_policy.budget.warn_when_remaining_calls_lte = 1;
    });
    await toPlanReview(run, [milestone('M001')]);
    await runReview(run.deps());
    expect(run.logs.some((l) => l.includes('warning'))).toBe(false);
    await implementAndSubmit(run, 'M001');
    await runReview(run.deps());
    expect(run.logs.filter((l) => l.startsWith('cccc: warning: Codex budget'))).toHaveLength(1);
    const budget = await runBudget(run.deps());
    expect(budget.run).toMatchObject({ calls: 2, limit: 3, remaining: 1, cacheHits: 0 });
    expect(budget.phases.planning.calls).toBe(1);
    expect(budget.phases.implementation.calls).toBe(1);
    expect(budget.milestones.M001?.calls).toBe(1);
    expect(budget.run.inputTokens).toBeGreaterThan(0);
    expect(budget.run.outputTokens).toBeGreaterThan(0);
    expect(budget.next).toMatchObject({ gate: 'final', ok: true, warn: true });
    // The last allowed call is the final review; a fourth would exceed the run limit.
    expect((await runReview(run.deps())).to).toBe('DONE');
    expect(run.calls()).toHaveLength(3);
    const journal = readFileSync(run.paths.journal, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const verdicts = journal.filter((e) => e.event.type === 'review.verdict');
    expect(verdicts.every((e) => e.event.usage && e.event.usage.wallMs >= 0)).toBe(true);
    await expectReplays(run);
  });
});

describe('review cache', () => {
  it('a replan that resubmits the same plan reuses the passing plan review: 0 Codex calls, a cache hit in the journal', async () => {
    const run = policyRun();
    await toPlanReview(run, [milestone('M001')]);
    const approved = await runReview(run.deps('pass'));
    expect(approved.to).toBe('IMPLEMENT_MILESTONE');
    expect(run.calls()).toHaveLength(1);

    await runReplan({ reason: 'check the plan again' }, run.deps());
    await runSubmit({ step: 'plan', selfReview: run.selfReview(), readStdin: async () => '' }, run.deps());
    const again = await runReview(run.deps('pass'));
    expect(run.calls()).toHaveLength(1); // no second call
    expect(again).toMatchObject({ source: 'cache', to: 'IMPLEMENT_MILESTONE', artifact: approved.artifact, passed: true });

    const state = await readState(run.paths);
    const gates = state.snapshot.context.gates;
    expect(gates.map((g) => g.source)).toEqual(['codex', 'cache']);
    expect(gates[1]!.cacheKey).toBe(gates[0]!.cacheKey);
    expect(state.snapshot.context.ledger.run).toMatchObject({ calls: 1, cacheHits: 1 });
    const last = readFileSync(run.paths.journal, 'utf8').trim().split('\n').map((l) => JSON.parse(l)).at(-1);
    expect(last.event).toMatchObject({ type: 'review.verdict', record: { source: 'cache' } });
    expect(last.event.usage).toBeUndefined();
    await expectReplays(run);
  });

  it('a failing verdict is never reused: the same plan rejected, resubmitted unchanged, is reviewed by Codex again', async () => {
    const run = policyRun();
    await toPlanReview(run, [milestone('M001')]);
    expect((await runReview(run.deps('fail_fixable'))).to).toBe('CLAUDE_REVISE_PLAN');
    await runSubmit({ step: 'plan', selfReview: run.selfReview(), readStdin: async () => '' }, run.deps());
    expect((await runReview(run.deps('pass'))).source).toBe('codex');
    expect(run.calls()).toHaveLength(2);
  });

  it('no cache hit when cache.enabled is false', async () => {
    const run = policyRun((c) => {
      c.codex_review_policy.cache.enabled = false;
    });
    await toPlanReview(run, [milestone('M001')]);
    await runReview(run.deps('pass'));
    await runReplan({}, run.deps());
    await runSubmit({ step: 'plan', selfReview: run.selfReview(), readStdin: async () => '' }, run.deps());
    expect((await runReview(run.deps('pass'))).source).toBe('codex');
    expect(run.calls()).toHaveLength(2);
  });
});

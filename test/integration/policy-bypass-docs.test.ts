/**
 * Issue #6 "Done when", through the command functions with the fake `codex`: a bypassed gate shows as lower
 * assurance in `gates --json` / `status --json` until `cccc recheck` passes (the final gate refuses while it is
 * pending), the bypass writes a Claude artifact (never a Codex-looking one) and a decision-log entry, bypass
 * refusals name their rule and write nothing; a changed architecture doc moves an in-progress run to NEEDS_REPLAN,
 * a context-only change does not, and `cccc replan` keeps the completed milestones.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runGates } from '../../src/commands/gates.js';
import { runGatesAssert } from '../../src/commands/gates-assert.js';
import { runNext } from '../../src/commands/next.js';
import { runReplan } from '../../src/commands/replan.js';
import { runResume } from '../../src/commands/resume.js';
import { runStatus } from '../../src/commands/status.js';
import { runSyncDocs } from '../../src/commands/sync-docs.js';
import { runTraceVerify } from '../../src/commands/trace-verify.js';
import type { CcccConfig } from '../../src/config/schema.js';
import { CcccError } from '../../src/errors.js';
import { runRecheck } from '../../src/review/run-recheck.js';
import { runReview } from '../../src/review/run-review.js';
import { tempDir } from '../helpers/tmp.js';
import { implementAndSubmit, milestone, policyRun, toPlanReview, type PolicyRun } from '../helpers/policy-run.js';

async function errorOf(p: Promise<unknown>): Promise<CcccError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof CcccError) return e;
    throw e;
  }
  throw new Error('expected an error');
}

function adversarialReview(over: Record<string, unknown> = {}): string {
  const file = path.join(tempDir('cccc-bypass-review-'), 'review.json');
  writeFileSync(
    file,
    JSON.stringify({
      reviewer: 'claude',
      gate: 'milestone',
      milestone: 'M001',
      status: 'pass',
      summary: 'Read the diff against each acceptance criterion; the function and its test are there.',
      findings: [{ severity: 'P3', title: 'naming', evidence: 'm001()', recommendation: 'fine as is', files: ['src/M001.js'] }],
      checked: ['M001 works: src/M001.js returns M001', 'npm test passes'],
      ...over,
    }),
  );
  return file;
}

/** Strict-like bypass policy: enabled, ask_or_bypass_once, low/medium allowed, one in a row, recheck required. */
const bypassable = (c: CcccConfig) => {
  c.codex.unavailable_policy = 'ask_or_bypass_once';
  c.codex.bypass.enabled = true;
};

async function codexDownAtM001(run: PolicyRun): Promise<void> {
  await toPlanReview(run, [milestone('M001'), milestone('M002')]);
  await runReview(run.deps('pass'));
  await implementAndSubmit(run, 'M001');
  expect((await errorOf(runReview(run.deps('nonzero_exit')))).code).toMatch(/^CODEX_/);
  expect((await runStatus(run.deps())).status).toBe('PAUSED_FOR_CODEX');
}

describe('bypass and recheck', () => {
  it('a bypassed gate is lower assurance in gates/status until the recheck passes; the final gate waits for it', async () => {
    const run = policyRun(bypassable);
    await codexDownAtM001(run);
    const resumed = await runResume({ strategy: 'bypass-codex', reason: 'codex_api_error', selfReview: adversarialReview(), confirm: true }, run.deps());
    expect(resumed).toMatchObject({ from: 'PAUSED_FOR_CODEX', status: 'IMPLEMENT_MILESTONE', strategy: 'bypass-codex' });

    // The artifact is Claude's, under reviews/bypass/, and never looks like a Codex review.
    const dir = path.join(run.paths.reviews, 'bypass');
    const [name] = readdirSync(dir);
    expect(name).toMatch(/^M001-claude-bypass-\d{8}T\d{9}Z\.json$/);
    const artifact = JSON.parse(readFileSync(path.join(dir, name!), 'utf8'));
    expect(artifact).toMatchObject({ kind: 'cccc-claude-bypass-review', reviewer: 'claude', bypasses_codex: true, assurance_level: 'lower_than_codex_review', gate: 'milestone', milestone: 'M001', reason: 'codex_api_error', recheck: 'pending' });
    expect(artifact.verdict).toBeUndefined();
    expect(artifact.review.checked).toHaveLength(2);
    expect(readdirSync(path.join(run.paths.reviews, 'milestones')).filter((f) => f.startsWith('M001') && !f.includes('.failed'))).toEqual([]);
    const log = readFileSync(run.paths.decisionLog, 'utf8');
    expect(log).toMatch(/— Codex bypass: milestone gate of M001\n/);
    expect(log).toMatch(/- recheck: queued: run cccc recheck when Codex is back/);

    let gates = await runGates(run.deps());
    expect(gates.gates.find((g) => g.milestone === 'M001')).toMatchObject({ state: 'bypassed', assurance: 'lower' });
    expect(gates.assurance.level).toBe('lower');
    expect(gates.pendingRechecks).toEqual([expect.objectContaining({ gate: 'milestone', milestone: 'M001', reason: 'codex_api_error' })]);
    expect((await errorOf(runGatesAssert('milestone', { milestone: 'M001' }, run.deps()))).code).toBe('GATE_BYPASSED');
    let status = await runStatus(run.deps());
    expect(status).toMatchObject({ lowerAssurance: true, assurance: { level: 'lower' } });
    expect(status.assurance.reasons.join(' ')).toMatch(/recheck is pending/);

    // M002 passes by Codex, but is after the bypass: lower assurance too. The final gate refuses to run.
    await implementAndSubmit(run, 'M002');
    await runReview(run.deps('pass'));
    gates = await runGates(run.deps());
    expect(gates.gates.find((g) => g.milestone === 'M002')).toMatchObject({ state: 'passed', assurance: 'lower' });
    const callsBefore = run.calls().length;
    expect((await errorOf(runReview(run.deps('pass')))).code).toBe('RECHECKS_PENDING');
    expect(run.calls()).toHaveLength(callsBefore);
    const next = await runNext(run.deps());
    expect(next).toMatchObject({ status: 'CODEX_FINAL_REVIEW', command: 'cccc recheck' });

    const rechecked = await runRecheck(run.deps('pass'));
    expect(rechecked).toMatchObject({ rechecked: [{ gate: 'milestone', milestone: 'M001', verdict: 'pass', passed: true }], pending: [], status: 'CODEX_FINAL_REVIEW' });
    expect(run.calls().at(-1)?.prompt).toMatch(/M001 works/);
    gates = await runGates(run.deps());
    expect(gates.gates.find((g) => g.milestone === 'M001')).toMatchObject({ state: 'passed', assurance: 'full' });
    expect(gates.gates.find((g) => g.milestone === 'M002')).toMatchObject({ assurance: 'full' });
    expect(gates.assurance).toEqual({ level: 'full', reasons: [] });
    expect((await runGatesAssert('milestone', { milestone: 'M001' }, run.deps())).milestone).toBe('M001');
    expect((await runReview(run.deps('pass'))).to).toBe('DONE');
    expect((await runTraceVerify(run.deps())).ok).toBe(true);
  });

  it('refusals name the rule and write nothing: bypass disabled (recommended preset), reason not allowed, no --confirm, bad review file', async () => {
    const run = policyRun();
    await codexDownAtM001(run);
    const disabled = await errorOf(runResume({ strategy: 'bypass-codex', reason: 'codex_api_error', selfReview: adversarialReview(), confirm: true }, run.deps()));
    expect(disabled).toMatchObject({ code: 'RESUME_REFUSED' });
    expect(disabled.message).toMatch(/^Bypass refused \(bypass_disabled\)/);
    expect(existsSync(path.join(run.paths.reviews, 'bypass'))).toBe(false);

    const strict = policyRun(bypassable);
    await codexDownAtM001(strict);
    const reason = await errorOf(runResume({ strategy: 'bypass-codex', reason: 'bored', selfReview: adversarialReview(), confirm: true }, strict.deps()));
    expect(reason.message).toMatch(/\(reason_not_allowed\)/);
    expect((await errorOf(runResume({ strategy: 'bypass-codex', reason: 'codex_api_error', selfReview: adversarialReview() }, strict.deps()))).message).toMatch(/needs --confirm/);
    expect((await errorOf(runResume({ strategy: 'bypass-codex', reason: 'codex_api_error', selfReview: adversarialReview({ reviewer: 'codex' }), confirm: true }, strict.deps()))).code).toBe('BYPASS_REVIEW_INVALID');
    expect((await errorOf(runResume({ strategy: 'bypass-codex', reason: 'codex_api_error', selfReview: adversarialReview({ status: 'fail_fixable' }), confirm: true }, strict.deps()))).message).toMatch(/\(self_review_not_pass\)/);
    expect((await errorOf(runResume({ strategy: 'bypass-codex', selfReview: adversarialReview(), confirm: true }, strict.deps()))).code).toBe('USAGE');
    expect(existsSync(path.join(strict.paths.reviews, 'bypass'))).toBe(false);
    expect((await runStatus(strict.deps())).status).toBe('PAUSED_FOR_CODEX');
  });
});

describe('docs sync and replan', () => {
  async function implementing(): Promise<PolicyRun> {
    const run = policyRun();
    await toPlanReview(run, [milestone('M001'), milestone('M002')]);
    run.write('docs/cccc/architecture.md', '# architecture.md\n\nOne module per feature.\nStore: plain files.\n');
    await runReview(run.deps('pass'));
    await implementAndSubmit(run, 'M001');
    await runReview(run.deps('pass'));
    expect((await runStatus(run.deps())).status).toBe('IMPLEMENT_MILESTONE');
    return run;
  }

  it('a changed architecture doc moves an in-progress run to NEEDS_REPLAN; replan keeps M001', async () => {
    const run = await implementing();
    expect((await runSyncDocs({}, run.deps())).result).toBe('clean');
    run.write('docs/cccc/architecture.md', '# architecture.md\n\nOne module per feature.\nStore: we switch to SQLite.\n');
    const next = await runNext(run.deps());
    expect(next.command).toBe('cccc sync-docs');
    expect(next.unsyncedDocs).toEqual([expect.objectContaining({ doc: 'architecture.md', impact: 'stack' })]);
    expect((await runSyncDocs({ dryRun: true }, run.deps())).result).toBe('changed');
    expect((await runStatus(run.deps())).status).toBe('IMPLEMENT_MILESTONE');

    const synced = await runSyncDocs({}, run.deps());
    expect(synced).toMatchObject({ result: 'replan', highImpact: true, status: 'NEEDS_REPLAN' });
    const status = await runStatus(run.deps());
    expect(status).toMatchObject({ status: 'NEEDS_REPLAN', planApproved: false, pause: { code: 'docs_changed' } });
    const replanned = await runReplan({ reason: 'store changed' }, run.deps());
    expect(replanned).toMatchObject({ from: 'NEEDS_REPLAN', status: 'CLAUDE_PLANNING_REVIEW', kept: ['M001'] });
    expect((await runTraceVerify(run.deps())).ok).toBe(true);
  });

  it('a context-only change keeps the status, rebuilds the bundle and moves the baseline; cccc’s own decision-log entries are not changes', async () => {
    const run = await implementing();
    run.write('docs/cccc/current-state.md', '# current-state.md\n\nM001 done; CI is slow.\n');
    const synced = await runSyncDocs({}, run.deps());
    expect(synced).toMatchObject({ result: 'synced', highImpact: false, status: 'IMPLEMENT_MILESTONE', bundleRebuilt: true });
    expect(synced.changes).toEqual([expect.objectContaining({ doc: 'current-state.md', impact: 'context' })]);
    expect((await runSyncDocs({}, run.deps())).result).toBe('clean');
    // A pause and resume appends to the decision log; that is cccc's own write.
    const { runPause } = await import('../../src/commands/pause.js');
    await runPause({ kind: 'human', reason: 'coffee' }, run.deps());
    await runResume({ strategy: 'recommended' }, run.deps());
    expect((await runSyncDocs({}, run.deps())).result).toBe('clean');
  });

  it('cccc replan from an active status, and refused while planning', async () => {
    const run = await implementing();
    expect(await runReplan({}, run.deps())).toMatchObject({ from: 'IMPLEMENT_MILESTONE', status: 'CLAUDE_PLANNING_REVIEW', kept: ['M001'] });
    expect((await errorOf(runReplan({}, run.deps()))).code).toBe('NOT_REPLANNABLE');
  });
});

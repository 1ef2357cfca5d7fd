/**
 * Issue #3 "Done when" with the fake `codex` first on PATH, through the BUILT CLI in temp git repositories:
 * every fault scenario ends in PAUSED_FOR_CODEX with its classified reason (`status --json` .pause.code
 * `codex:<reason>`), exit 6, and no gate recorded as passed; a reviewer that writes → UNSAFE naming the path;
 * P0/P1 findings under a passing status do not pass, P2 passes unless `allow_continue_with_p2` is false;
 * fail-then-pass across rounds at every gate; the argv and prompt cccc gives codex; `gates assert` passes right
 * after each approval and fails (exit 8, naming the change) after one changed line or an edited artifact.
 * Every test ends with `cccc trace --verify` (the journal replays to state.json).
 *
 * Three prepared repositories (walked once in beforeAll, copied per test) start each test at a gate:
 * CODEX_ADVERSARIAL_PLAN_REVIEW, CODEX_MILESTONE_REVIEW (M001) and CODEX_FINAL_REVIEW.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GateName } from '../../machines/types.js';
import { verdictJsonSchema } from '../../src/verdicts/json-schema.js';
import { cliIn, copyRepo, editConfig, editRepoFile, milestone, newUserRepo, runCli, walkToPlanReview, writeRepoFile, writeSelfReview, type CliResult } from '../helpers/cli.js';
import { fakeCodexCalls, fakeCodexEnv, fakeCodexSleeperPid, processAlive } from '../helpers/fake-codex.js';
import { tempDir } from '../helpers/tmp.js';

const GATE_STATUS: Record<GateName, string> = {
  plan: 'CODEX_ADVERSARIAL_PLAN_REVIEW',
  milestone: 'CODEX_MILESTONE_REVIEW',
  final: 'CODEX_FINAL_REVIEW',
};

/** The code Claude writes for each milestone (and the fix round): one function per step. */
const CODE = {
  M001: ['src/greet.js', "/** Says goodbye. */\nexport function farewell(name) {\n  return `Goodbye, ${name}!`;\n}\n"],
  M002: ['src/shout.js', "/** Greets loudly. */\nexport function shout(name) {\n  return `HELLO, ${name.toUpperCase()}!`;\n}\n"],
} as const;

/** Append milestone `id`'s code to the tree (M001 extends src/greet.js, M002 adds src/shout.js). */
function implement(root: string, id: keyof typeof CODE): void {
  const [file, code] = CODE[id];
  const abs = path.join(root, file);
  let before = '';
  try {
    before = readFileSync(abs, 'utf8');
  } catch {
    // a new file
  }
  writeRepoFile(root, file, `${before}${before ? '\n' : ''}${code}`);
}

/** Fresh fake-codex environment for one test: `scenario` for every call, or a list (one per call). */
function fake(scenario: string | string[], extra: Record<string, string> = {}): { env: Record<string, string>; recordDir: string } {
  const recordDir = path.join(tempDir('cccc-fake-calls-'), 'calls');
  return { env: fakeCodexEnv(recordDir, scenario, extra), recordDir };
}

async function mustRun(root: string, env: Record<string, string>, args: string[]): Promise<CliResult> {
  const r = await runCli(args, { cwd: root, env });
  if (r.exitCode !== 0) throw new Error(`cccc ${args.join(' ')} exited ${r.exitCode}:\n${r.stderr}`);
  return r;
}

/** The gates that `cccc gates --json` shows as passed. */
async function passedGates(root: string): Promise<string[]> {
  const gates = (await runCli(['gates', '--json'], { cwd: root })).json();
  return gates.gates.filter((g: any) => g.state === 'passed').map(gateName);
}

/** `plan`, `milestone:M001`, `final`: a gate view's name. */
function gateName(g: { gate: string; milestone: string | null }): string {
  return g.milestone ? `${g.gate}:${g.milestone}` : g.gate;
}

async function expectTraceVerifies(root: string): Promise<void> {
  const verify = await runCli(['trace', '--verify'], { cwd: root });
  expect(verify.exitCode, verify.stdout + verify.stderr).toBe(0);
}

/** Poll until `pid` is gone (a SIGKILL lands asynchronously); false if it is still alive after ~3 s. */
async function gone(pid: number): Promise<boolean> {
  for (let i = 0; i < 60; i++) {
    if (!processAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

const fixtures: Record<GateName, string> = { plan: '', milestone: '', final: '' };
let fixtureRoot = '';

beforeAll(async () => {
  fixtureRoot = mkdtempSync(path.join(os.tmpdir(), 'cccc-review-fixtures-'));
  const approve = fakeCodexEnv(path.join(fixtureRoot, 'calls'), 'pass');
  // At the plan gate: setup, start, discovery, plan with two milestones.
  fixtures.plan = path.join(fixtureRoot, 'plan');
  mkdirSync(fixtures.plan);
  newUserRepo(fixtures.plan);
  await walkToPlanReview(fixtures.plan, [milestone('M001'), milestone('M002', { depends_on: ['M001'], expected_files: ['src/shout.js'] })], undefined, undefined, fixtureRoot);
  // At the M001 gate: plan approved, M001 implemented and submitted.
  fixtures.milestone = path.join(fixtureRoot, 'milestone');
  cpSync(fixtures.plan, fixtures.milestone, { recursive: true });
  await mustRun(fixtures.milestone, approve, ['review']);
  implement(fixtures.milestone, 'M001');
  await mustRun(fixtures.milestone, approve, ['submit', 'milestone', '--self-review', writeSelfReview({}, fixtureRoot)]);
  // At the final gate: M001 and M002 passed.
  fixtures.final = path.join(fixtureRoot, 'final');
  cpSync(fixtures.milestone, fixtures.final, { recursive: true });
  await mustRun(fixtures.final, approve, ['review']);
  implement(fixtures.final, 'M002');
  await mustRun(fixtures.final, approve, ['submit', 'milestone', '--self-review', writeSelfReview({}, fixtureRoot)]);
  await mustRun(fixtures.final, approve, ['review']);
  for (const gate of ['plan', 'milestone', 'final'] as const) {
    expect((await runCli(['status', '--json'], { cwd: fixtures[gate] })).json().status).toBe(GATE_STATUS[gate]);
  }
});

afterAll(() => {
  if (fixtureRoot) rmSync(fixtureRoot, { recursive: true, force: true });
});

/** Copy the prepared repository that sits at `gate`'s review. */
function atGate(gate: GateName): string {
  return copyRepo(fixtures[gate]);
}

interface Fault {
  scenario: string;
  reason: string;
  /** Config for the scenario (watchdog limits, a missing binary). */
  config?: (root: string) => void;
  extra?: Record<string, string>;
}

const FAULTS: Fault[] = [
  { scenario: 'garbage', reason: 'invalid_output' },
  { scenario: 'empty', reason: 'invalid_output' },
  { scenario: 'schema_fail', reason: 'invalid_output' },
  { scenario: 'nonzero_exit', reason: 'nonzero_exit' },
  // Both limits must exceed the fake's start-up (a Node process, slow on a loaded runner) so it records its call
  // and its sleeper before the kill; see codex-watchdog.test.ts.
  { scenario: 'hang', reason: 'idle_timeout', config: (root) => editConfig(root, (c) => void (c.codex.idle_timeout_ms = 3000)) },
  { scenario: 'slow', reason: 'timeout', config: (root) => editConfig(root, (c) => void (c.codex.timeout_ms = 6000)), extra: { FAKE_CODEX_SLOW_INTERVAL_MS: '50' } },
  { scenario: 'rate_limit', reason: 'rate_limited_or_quota' },
  { scenario: 'network', reason: 'network' },
  { scenario: 'not_logged_in', reason: 'not_logged_in' },
  {
    scenario: 'not_installed',
    reason: 'not_installed',
    config: (root) => editConfig(root, (c) => void (c.codex.cli_command = path.join(tempDir('cccc-no-codex-'), 'bin', 'codex'))),
  },
];

/** Gates passed in each prepared repository: a fault must leave exactly these. */
const PASSED_BEFORE: Record<GateName, string[]> = { plan: [], milestone: ['plan'], final: ['plan', 'milestone:M001', 'milestone:M002'] };

/**
 * Every fault at the plan gate; at the milestone gate one scenario per way a run can fail (bad output, the
 * watchdog, a binary that cannot start, the login probe) — the same classification code serves every gate.
 */
const FAULTS_AT: Record<'plan' | 'milestone', Fault[]> = {
  plan: FAULTS,
  milestone: FAULTS.filter((f) => ['schema_fail', 'hang', 'not_installed', 'not_logged_in'].includes(f.scenario)),
};

describe.each(['plan', 'milestone'] as const)('Codex faults at the %s gate', (gate) => {
  it.each(FAULTS_AT[gate])('$scenario → PAUSED_FOR_CODEX (codex:$reason), exit 6, no gate passed', async ({ scenario, reason, config, extra }) => {
    const root = atGate(gate);
    config?.(root);
    const { env, recordDir } = fake(scenario === 'not_installed' ? 'pass' : scenario, extra);

    const review = await runCli(['review', '--json'], { cwd: root, env });
    expect(review.exitCode, review.stderr).toBe(6);
    const error = review.json().error;
    expect(error.code).toBe(`CODEX_${reason.toUpperCase()}`);
    expect(error.details).toMatchObject({ reason, status: 'PAUSED_FOR_CODEX' });
    expect(existsSync(path.join(root, error.details.artifact))).toBe(true);

    const status = (await runCli(['status', '--json'], { cwd: root })).json();
    expect(status.status).toBe('PAUSED_FOR_CODEX');
    expect(status.pause).toMatchObject({ kind: 'codex', code: `codex:${reason}`, interrupted: GATE_STATUS[gate] });
    const gates = (await runCli(['gates', '--json'], { cwd: root })).json();
    const thisGate = gates.gates.filter((g: any) => g.gate === gate && (gate !== 'milestone' || g.milestone === 'M001'));
    expect(thisGate.map((g: any) => g.state)).toEqual(['not_run']);
    expect(gates.gates.filter((g: any) => g.state === 'passed').map(gateName)).toEqual(PASSED_BEFORE[gate]);

    const trace = (await runCli(['trace', '--json', '--limit', '1'], { cwd: root })).json();
    expect(trace.events[0]).toMatchObject({ actor: 'codex', event: 'review.failed', from: GATE_STATUS[gate], to: 'PAUSED_FOR_CODEX', detail: reason });
    if (scenario === 'hang' || scenario === 'slow') {
      const sleeper = fakeCodexSleeperPid(recordDir, 1);
      expect(sleeper).not.toBeNull();
      expect(await gone(sleeper!), 'the watchdog kills codex\'s whole process group').toBe(true);
    }
    await expectTraceVerifies(root);
  });

  it('a reviewer that writes to the tree → UNSAFE naming the path, exit 6, no gate passed', async () => {
    const root = atGate(gate);
    const written = gate === 'plan' ? 'codex-was-here.txt' : 'src/greet.js';
    const { env } = fake('writes_file', { FAKE_CODEX_WRITE_FILE: written });

    const review = await runCli(['review', '--json'], { cwd: root, env });
    expect(review.exitCode).toBe(6);
    const error = review.json().error;
    expect(error.code).toBe('CODEX_WROTE_FILES');
    expect(error.message).toContain(written);
    expect(error.details.paths).toEqual([written]);

    const status = (await runCli(['status', '--json'], { cwd: root })).json();
    expect(status.status).toBe('UNSAFE');
    expect(status.pause).toMatchObject({ kind: 'unsafe', code: 'codex:wrote_files', interrupted: GATE_STATUS[gate] });
    expect(status.pause.reason).toContain(written);
    expect(await passedGates(root)).toEqual(PASSED_BEFORE[gate]);
    // Only replan --confirm leaves UNSAFE.
    expect((await runCli(['resume', '--strategy', 'recommended'], { cwd: root })).exitCode).toBe(3);
    await expectTraceVerifies(root);
  });
});

describe('leaving a Codex pause', () => {
  it('PAUSED_FOR_CODEX → resume recommended → the same gate and round again → it can pass', async () => {
    const root = atGate('milestone');
    const { env } = fake(['nonzero_exit', 'pass']);
    const cccc = cliIn(root, env);
    expect((await cccc(['review'])).exitCode).toBe(6);
    expect((await cccc(['submit', 'fix', '--self-review', writeSelfReview()])).exitCode).toBe(3);
    const resume = await cccc(['resume', '--strategy', 'recommended', '--json']);
    expect(resume.exitCode, resume.stderr).toBe(0);
    expect((await cccc(['status', '--json'])).json()).toMatchObject({ status: 'CODEX_MILESTONE_REVIEW', milestone: 'M001', pause: null });
    const review = (await cccc(['review', '--json'])).json();
    // A failed Codex run is not a review round: the retry is still round 1.
    expect(review).toMatchObject({ gate: 'milestone', milestone: 'M001', round: 1, passed: true, to: 'IMPLEMENT_MILESTONE' });
    expect(await passedGates(root)).toEqual(['plan', 'milestone:M001']);
    await expectTraceVerifies(root);
  });

  it('UNSAFE → only replan --confirm leaves it, and it invalidates the plan approval until the plan passes again', async () => {
    const root = atGate('milestone');
    const { env } = fake(['writes_file', 'pass']);
    const cccc = cliIn(root, env);
    expect((await cccc(['review'])).exitCode).toBe(6);
    rmSync(path.join(root, 'codex-was-here.txt'));

    const refused = await cccc(['resume', '--strategy', 'recommended', '--json']);
    expect(refused.exitCode).toBe(3);
    expect(refused.json().error.hint).toContain('replan');
    expect((await cccc(['resume', '--strategy', 'replan'])).exitCode).toBe(3); // needs --confirm
    expect((await cccc(['resume', '--strategy', 'replan', '--confirm', '--reason', 'inspected the reviewer'])).exitCode).toBe(0);
    expect((await cccc(['status', '--json'])).json()).toMatchObject({ status: 'CLAUDE_PLANNING_REVIEW', planApproved: false });
    const invalidated = await cccc(['gates', 'assert', 'plan', '--json']);
    expect(invalidated.exitCode).toBe(8);
    expect(invalidated.json().error.code).toBe('GATE_INVALIDATED');

    expect((await cccc(['submit', 'plan', '--self-review', writeSelfReview()])).exitCode).toBe(0);
    expect((await cccc(['review', '--json'])).json()).toMatchObject({ gate: 'plan', passed: true, to: 'IMPLEMENT_MILESTONE' });
    expect((await cccc(['gates', 'assert', 'plan'])).exitCode).toBe(0);
    await expectTraceVerifies(root);
  });
});

describe('severity: a passing status with blocking findings is not a pass', () => {
  const FIX_STATUS: Record<GateName, string> = { plan: 'CLAUDE_REVISE_PLAN', milestone: 'CLAUDE_FIX', final: 'CLAUDE_FIX' };
  const PASS_STATUS: Record<GateName, string> = { plan: 'IMPLEMENT_MILESTONE', milestone: 'IMPLEMENT_MILESTONE', final: 'DONE' };
  const cases: { gate: GateName; scenario: string; p2Allowed: boolean; passed: boolean }[] = [];
  for (const gate of ['plan', 'milestone', 'final'] as const) {
    cases.push({ gate, scenario: 'findings_p0', p2Allowed: true, passed: false });
    cases.push({ gate, scenario: 'findings_p1', p2Allowed: true, passed: false });
    cases.push({ gate, scenario: 'findings_p2', p2Allowed: true, passed: true });
    cases.push({ gate, scenario: 'findings_p2', p2Allowed: false, passed: false });
  }
  cases.push({ gate: 'milestone', scenario: 'findings_p3', p2Allowed: false, passed: true });

  it.each(cases)('$gate gate, $scenario, allow_continue_with_p2=$p2Allowed → passed=$passed', async ({ gate, scenario, p2Allowed, passed }) => {
    const root = atGate(gate);
    if (!p2Allowed) editConfig(root, (c) => void (c.review.allow_continue_with_p2 = false));
    const { env } = fake(scenario);

    const review = await runCli(['review', '--json'], { cwd: root, env });
    expect(review.exitCode, review.stderr).toBe(0);
    const result = review.json();
    expect(result.verdict).toBe(gate === 'plan' ? 'approved' : 'pass');
    expect(result.passed).toBe(passed);
    expect(result.to).toBe(passed ? PASS_STATUS[gate] : FIX_STATUS[gate]);
    expect(result.findings).toEqual([{ severity: scenario.slice(-2).toUpperCase(), title: `fake ${scenario.slice(-2).toUpperCase()} finding` }]);

    const gates = (await runCli(['gates', '--json'], { cwd: root })).json();
    const view = gates.gates.find((g: any) => g.gate === gate && (gate !== 'milestone' || g.milestone === 'M001'));
    expect(view.state).toBe(passed ? 'passed' : 'failed');
    const assert = await runCli(['gates', 'assert', gate, '--json'], { cwd: root });
    if (passed) expect(assert.exitCode, assert.stderr).toBe(0);
    else {
      // This gate has no passing record in the run (at the milestone gate, M001 is the first milestone).
      expect(assert.exitCode).toBe(8);
      expect(assert.json().error.code).toBe('GATE_NOT_PASSED');
    }
    await expectTraceVerifies(root);
  });
});

describe('fail, fix, pass across rounds', () => {
  it('plan gate: rejected_fixable → CLAUDE_REVISE_PLAN → revised plan → round 2 approved', async () => {
    const root = atGate('plan');
    const { env, recordDir } = fake('fail_then_pass');
    const cccc = cliIn(root, env);

    const r1 = (await cccc(['review', '--json'])).json();
    expect(r1).toMatchObject({ gate: 'plan', round: 1, verdict: 'rejected_fixable', passed: false, to: 'CLAUDE_REVISE_PLAN' });
    expect((await cccc(['next', '--json'])).json().details).toEqual(['P1 fake P1 finding']);
    editRepoFile(root, 'docs/cccc/roadmap.md', 'one small milestone at a time.', 'one small milestone at a time, each with its own test.');
    expect((await cccc(['submit', 'plan', '--self-review', writeSelfReview()])).exitCode).toBe(0);
    const r2 = (await cccc(['review', '--json'])).json();
    expect(r2).toMatchObject({ gate: 'plan', round: 2, verdict: 'approved', passed: true, to: 'IMPLEMENT_MILESTONE' });
    expect(r2.artifact).toMatch(/^docs\/cccc\/reviews\/plan\/plan-r2-\d{8}T\d{9}Z\.json$/);
    expect(r1.artifact).toMatch(/^docs\/cccc\/reviews\/plan\/plan-r1-/);
    // Round 2's bundle carries round 1's finding.
    expect(fakeCodexCalls(recordDir).map((c) => c.prompt.includes('fake P1 finding'))).toEqual([false, true]);
    expect((await cccc(['gates', 'assert', 'plan'])).exitCode).toBe(0);
    await expectTraceVerifies(root);
  });

  it('milestone gate: fail_fixable → CLAUDE_FIX → fix submitted → round 2 pass → next milestone', async () => {
    const root = atGate('milestone');
    const { env, recordDir } = fake('fail_then_pass');
    const cccc = cliIn(root, env);

    const r1 = (await cccc(['review', '--json'])).json();
    expect(r1).toMatchObject({ gate: 'milestone', milestone: 'M001', round: 1, verdict: 'fail_fixable', passed: false, to: 'CLAUDE_FIX' });
    expect((await cccc(['gates', 'assert', 'milestone'])).exitCode).toBe(8);
    editRepoFile(root, 'src/greet.js', 'return `Goodbye, ${name}!`;', 'return `Goodbye, ${name.trim()}!`;');
    expect((await cccc(['submit', 'fix', '--self-review', writeSelfReview()])).exitCode).toBe(0);
    const r2 = (await cccc(['review', '--json'])).json();
    expect(r2).toMatchObject({ gate: 'milestone', milestone: 'M001', round: 2, verdict: 'pass', passed: true, to: 'IMPLEMENT_MILESTONE' });
    expect(fakeCodexCalls(recordDir).map((c) => c.prompt.includes('fake P1 finding'))).toEqual([false, true]);
    // The fix is in the diff Codex saw in round 2.
    expect(fakeCodexCalls(recordDir)[1]!.prompt).toContain('name.trim()');
    const status = (await cccc(['status', '--json'])).json();
    expect(status).toMatchObject({ status: 'IMPLEMENT_MILESTONE', milestone: 'M002' });
    expect(status.milestones.map((m: any) => m.outcome)).toEqual(['passed', 'current']);
    expect((await cccc(['gates', 'assert', 'milestone'])).exitCode).toBe(0);
    await expectTraceVerifies(root);
  });

  it('final gate: fail_fixable → CLAUDE_FIX → fix submitted → back to the final gate → DONE', async () => {
    const root = atGate('final');
    const { env } = fake('fail_then_pass');
    const cccc = cliIn(root, env);

    expect((await cccc(['review', '--json'])).json()).toMatchObject({ gate: 'final', round: 1, passed: false, to: 'CLAUDE_FIX' });
    editRepoFile(root, 'src/shout.js', 'return `HELLO', 'return `HELLO THERE');
    const fix = (await cccc(['submit', 'fix', '--self-review', writeSelfReview(), '--json'])).json();
    expect(fix).toMatchObject({ from: 'CLAUDE_FIX', status: 'CODEX_FINAL_REVIEW' });
    expect((await cccc(['review', '--json'])).json()).toMatchObject({ gate: 'final', round: 2, passed: true, to: 'DONE' });
    expect((await cccc(['gates', 'assert', 'final'])).exitCode).toBe(0);
    await expectTraceVerifies(root);
  });
});

describe('thresholds from config are enforced', () => {
  it('review.max_review_rounds_per_milestone: the second failed round pauses; extend-review grants one more round', async () => {
    const root = atGate('milestone');
    editConfig(root, (c) => void (c.review.max_review_rounds_per_milestone = 2));
    const { env } = fake(['fail_fixable', 'fail_fixable', 'pass']);
    const cccc = cliIn(root, env);
    const fix = async (from: string, to: string) => {
      editRepoFile(root, 'src/greet.js', from, to);
      expect((await cccc(['submit', 'fix', '--self-review', writeSelfReview()])).exitCode).toBe(0);
    };

    expect((await cccc(['review', '--json'])).json()).toMatchObject({ round: 1, to: 'CLAUDE_FIX' });
    await fix('Goodbye', 'Bye');
    expect((await cccc(['review', '--json'])).json()).toMatchObject({ round: 2, passed: false, to: 'REVIEW_THRESHOLD_EXCEEDED' });
    const status = (await cccc(['status', '--json'])).json();
    expect(status.pause).toMatchObject({ kind: 'threshold', code: 'review_threshold' });
    expect(status.pause.reason).toContain('max_review_rounds_per_milestone');
    expect((await cccc(['next', '--json'])).json().allowedStrategies).toContain('extend-review');
    expect((await cccc(['review'])).exitCode).toBe(3); // no gate to run while paused

    expect((await cccc(['resume', '--strategy', 'extend-review', '--json'])).json()).toMatchObject({ status: 'CLAUDE_FIX' });
    await fix('Bye', 'Goodbye');
    expect((await cccc(['review', '--json'])).json()).toMatchObject({ round: 3, passed: true, to: 'IMPLEMENT_MILESTONE' });
    await expectTraceVerifies(root);
  });

  it('planning.max_plan_review_rounds: a rejection in the last round pauses instead of asking for a revision', async () => {
    const root = atGate('plan');
    editConfig(root, (c) => void (c.planning.max_plan_review_rounds = 1));
    const { env } = fake('fail_fixable');
    const review = (await cliIn(root, env)(['review', '--json'])).json();
    expect(review).toMatchObject({ gate: 'plan', round: 1, verdict: 'rejected_fixable', to: 'REVIEW_THRESHOLD_EXCEEDED' });
    expect((await runCli(['status', '--json'], { cwd: root })).json().pause.reason).toContain('max_plan_review_rounds');
    await expectTraceVerifies(root);
  });

  it('milestones.max_diff_lines_per_milestone: an oversized milestone pauses for a human; resume --confirm waives it', async () => {
    const root = atGate('plan');
    editConfig(root, (c) => void (c.milestones.max_diff_lines_per_milestone = 3));
    const { env } = fake('pass');
    const cccc = cliIn(root, env);
    expect((await cccc(['review'])).exitCode).toBe(0);
    implement(root, 'M001'); // 5 lines
    const submit = (await cccc(['submit', 'milestone', '--self-review', writeSelfReview(), '--json'])).json();
    expect(submit).toMatchObject({ status: 'PAUSED_FOR_HUMAN', diffStat: { lines: 5, files: 1 } });
    const status = (await cccc(['status', '--json'])).json();
    expect(status.pause).toMatchObject({ kind: 'human', code: 'diff_limit', interrupted: 'IMPLEMENT_MILESTONE' });
    expect(status.pause.reason).toContain('5 lines');
    expect((await cccc(['resume', '--strategy', 'recommended', '--confirm'])).exitCode).toBe(0);
    expect((await cccc(['submit', 'milestone', '--self-review', writeSelfReview(), '--json'])).json()).toMatchObject({ status: 'CODEX_MILESTONE_REVIEW' });
    await expectTraceVerifies(root);
  });
});

describe('what cccc gives codex', () => {
  it.each(['plan', 'milestone', 'final'] as const)('%s gate: the exact exec argv, the gate\'s strict schema, a prompt containing the bundle, progress on stderr, and the artifact, raw events and gate record', async (gate) => {
    const root = atGate(gate);
    const { env, recordDir } = fake('pass');
    const review = await runCli(['review', '--json'], { cwd: root, env });
    expect(review.exitCode, review.stderr).toBe(0);
    // Progress on stderr (stdout is the one JSON document), so a person watching sees Codex is alive.
    expect(review.stderr).toContain('codex: turn started');
    expect(review.stderr).toMatch(/codex: turn completed, tokens so far: \d+/);
    const result = review.json();

    // The artifact, the raw event stream next to it, and a gate record bound to both.
    const artifactBytes = readFileSync(path.join(root, result.artifact));
    const artifact = JSON.parse(artifactBytes.toString('utf8'));
    expect(artifact).toMatchObject({ gate, round: result.round, outcome: 'verdict', passed: true, fingerprint: { value: result.fingerprint } });
    expect(readFileSync(path.join(root, result.eventsFile), 'utf8')).toContain('"type":"thread.started"');
    const gates = (await runCli(['gates', '--json'], { cwd: root })).json();
    const record = gates.gates.find((g: any) => g.gate === gate && g.latest?.artifact === result.artifact).latest;
    expect(record).toMatchObject({ gate, round: result.round, verdict: result.verdict, passed: true, fingerprint: result.fingerprint, source: 'codex' });
    expect(record.artifactSha256).toBe(createHash('sha256').update(artifactBytes).digest('hex'));

    const [call, ...more] = fakeCodexCalls(recordDir);
    expect(more).toEqual([]);
    const real = realpathSync(root);
    const runtime = path.join(real, 'docs/cccc/runtime/review');
    const schemaFile = path.join(runtime, `${gate}-verdict.schema.json`);
    const outFile = path.join(runtime, `${gate}-last-message.json`);
    expect(call!.argv).toEqual(['exec', '--cd', real, '--sandbox', 'read-only', '--skip-git-repo-check', '--json', '--output-schema', schemaFile, '--output-last-message', outFile, '-']);
    expect(realpathSync(call!.cwd)).toBe(real);
    expect(call!.gate).toBe(gate);
    expect(JSON.parse(readFileSync(schemaFile, 'utf8'))).toEqual(verdictJsonSchema(gate));

    const bundle = readFileSync(path.join(root, 'docs/cccc/context-bundle.md'), 'utf8');
    expect(bundle).toContain('# cccc context bundle');
    expect(call!.prompt).toContain(bundle);
    if (gate === 'plan') expect(call!.prompt).toContain('Add a farewell next to the greeting');
    if (gate === 'milestone') expect(call!.prompt).toContain('export function farewell(name)');
    if (gate === 'final') expect(call!.prompt).toContain('export function shout(name)');
    await expectTraceVerifies(root);
  });
});

describe('gates assert: bound to what Codex approved', () => {
  it('passes right after each approval; fails (exit 8, naming the change) after one changed line or an edited artifact', async () => {
    const root = atGate('plan');
    const { env } = fake('pass');
    const cccc = cliIn(root, env);
    const assertGate = (gate: GateName, ...more: string[]) => cccc(['gates', 'assert', gate, ...more, '--json']);
    const expectMismatch = async (gate: GateName, names: string, more: string[] = []) => {
      const r = await assertGate(gate, ...more);
      expect(r.exitCode, `${gate}: ${r.stdout}`).toBe(8);
      expect(r.json().error.code).toBe('GATE_MISMATCH');
      expect(r.json().error.message).toContain(names);
    };
    const lineChange = async (file: string, from: string, to: string, checks: () => Promise<void>) => {
      const abs = path.join(root, file);
      const original = readFileSync(abs);
      editRepoFile(root, file, from, to);
      await checks();
      writeFileSync(abs, original);
    };

    // Plan gate.
    const none = await assertGate('plan');
    expect(none.exitCode, none.stderr).toBe(8); // nothing approved yet
    expect((await cccc(['review'])).exitCode).toBe(0);
    expect((await assertGate('plan')).exitCode).toBe(0);
    await lineChange('docs/cccc/milestones.yaml', 'title: Milestone M002', 'title: Milestone M002, bigger', async () => {
      await expectMismatch('plan', 'milestones.yaml');
    });
    expect((await assertGate('plan')).exitCode).toBe(0);

    // Milestone gate (M001).
    implement(root, 'M001');
    expect((await cccc(['submit', 'milestone', '--self-review', writeSelfReview()])).exitCode).toBe(0);
    expect((await cccc(['review'])).exitCode).toBe(0);
    expect((await assertGate('milestone')).exitCode).toBe(0);
    await lineChange('src/greet.js', 'Goodbye', 'Farewell', async () => {
      await expectMismatch('milestone', 'src/greet.js');
    });
    expect((await assertGate('milestone', '--milestone', 'M001')).exitCode).toBe(0);

    // Milestone gate (M002), then the final gate.
    implement(root, 'M002');
    expect((await cccc(['submit', 'milestone', '--self-review', writeSelfReview()])).exitCode).toBe(0);
    expect((await cccc(['review'])).exitCode).toBe(0);
    expect((await assertGate('milestone', '--milestone', 'M002')).exitCode).toBe(0);
    expect((await cccc(['review'])).exitCode).toBe(0);
    expect((await cccc(['status', '--json'])).json().status).toBe('DONE');
    for (const gate of ['plan', 'milestone', 'final'] as const) expect((await assertGate(gate)).exitCode, gate).toBe(0);

    // One line of code changes: the final and the latest milestone gate no longer hold.
    await lineChange('src/shout.js', 'HELLO', 'HI', async () => {
      await expectMismatch('final', 'src/shout.js');
      await expectMismatch('milestone', 'src/shout.js');
      expect((await assertGate('plan')).exitCode).toBe(0); // the plan did not change
    });
    // A new untracked file is a code change too.
    const stray = writeRepoFile(root, 'src/stray.js', 'export const stray = 1;\n');
    await expectMismatch('final', 'src/stray.js');
    rmSync(stray);

    // An edited artifact fails its gate, naming the artifact.
    const gates = (await cccc(['gates', '--json'])).json();
    for (const gate of ['plan', 'milestone', 'final'] as const) {
      expect((await assertGate(gate)).exitCode).toBe(0);
      const record = gates.gates.filter((g: any) => g.gate === gate && g.state === 'passed').at(-1).latest;
      const abs = path.join(root, record.artifact);
      const original = readFileSync(abs);
      writeFileSync(abs, original.toString('utf8').replace('"passed": true', '"passed":  true'));
      const r = await assertGate(gate);
      expect(r.exitCode).toBe(8);
      expect(r.json().error.code).toBe('GATE_ARTIFACT_EDITED');
      expect(r.json().error.message).toContain(record.artifact);
      writeFileSync(abs, original);
      expect((await assertGate(gate)).exitCode).toBe(0);
    }
    await expectTraceVerifies(root);
  }, 240_000);
});

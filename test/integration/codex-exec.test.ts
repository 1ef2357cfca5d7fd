/**
 * runCodexExec against the fake codex (test/fixtures/fake-codex): argv, stdin prompt, JSONL parsing, progress,
 * and every scenario of issue #3 §5 classified. Watchdog cases are in codex-watchdog.test.ts.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GateName } from '../../machines/index.js';
import { runCodexExec, type CodexExecOptions, type CodexRunResult } from '../../src/codex/exec.js';
import { PASS_STATUS } from '../../src/verdicts/schemas.js';
import { fakeCodexCalls, fakeCodexEnv, FAKE_CODEX_BIN, prepareReview } from '../helpers/fake-codex.js';
import { tempDir } from '../helpers/tmp.js';

const PROMPT = 'Review this milestone.\n\n# Context Bundle\n\nünïcödé ✓\n';

interface Run<G extends GateName> {
  result: CodexRunResult<G>;
  stderr: string[];
  threadIds: string[];
  recordDir: string;
  root: string;
  outputFile: string;
}

async function run<G extends GateName>(gate: G, scenario: string | string[], over: Partial<CodexExecOptions<G>> = {}, extraEnv: Record<string, string> = {}): Promise<Run<G>> {
  const review = await prepareReview(tempDir('cccc-codex-'), gate);
  const stderr: string[] = [];
  const threadIds: string[] = [];
  const result = await runCodexExec({
    gate,
    root: review.root,
    prompt: PROMPT,
    schemaFile: review.schemaFile,
    outputFile: review.outputFile,
    env: fakeCodexEnv(review.recordDir, scenario, extraEnv),
    stderr: (line) => stderr.push(line),
    onThreadId: (id) => void threadIds.push(id),
    timeoutMs: 20_000,
    idleTimeoutMs: 10_000,
    ...over,
  });
  return { result, stderr, threadIds, ...review };
}

describe('runCodexExec with the fake codex', () => {
  it.each(['plan', 'milestone', 'final'] as const)('%s: passes the exact argv, the prompt on stdin, and returns the verdict', async (gate) => {
    const { result, stderr, threadIds, recordDir, root, outputFile } = await run(gate, 'pass');
    expect(result).toMatchObject({ ok: true, verdict: { status: PASS_STATUS[gate] }, exitCode: 0 });
    const [call, ...more] = fakeCodexCalls(recordDir);
    expect(more).toEqual([]);
    expect(call?.gate).toBe(gate);
    expect(call?.prompt).toBe(PROMPT);
    expect(call?.cwd).toBe(root);
    expect(call?.argv).toEqual([
      'exec', '--cd', root, '--sandbox', 'read-only', '--skip-git-repo-check', '--json',
      '--output-schema', join(root, '..', 'schemas', `${gate}-verdict.schema.json`), '--output-last-message', outputFile, '-',
    ]);
    expect(result.argv).toEqual(['codex', ...(call?.argv ?? [])]);
    expect(result.threadId).toBe('0199a213-0000-7000-8000-000000000001');
    expect(threadIds).toEqual([result.threadId]);
    expect(result.usage).toEqual({ inputTokens: 1200, cachedInputTokens: 200, outputTokens: 300, reasoningOutputTokens: 50 });
    expect(result.rawEvents.split('\n').filter(Boolean).map((l) => JSON.parse(l).type)).toEqual([
      'thread.started', 'turn.started', 'item.completed', 'item.completed', 'item.completed', 'turn.completed',
    ]);
    expect(result.stderr).toContain('Reading prompt from stdin');
    expect(stderr.some((l) => /^codex: turn started \(\d+ s\)$/.test(l))).toBe(true);
    expect(stderr.some((l) => /^codex: turn completed, tokens so far: 1500/.test(l))).toBe(true);
    expect(stderr.at(-1)).toMatch(/^codex: exited with code 0 after \d+ s$/);
  });

  it.each<[string, GateName, Record<string, unknown>]>([
    ['findings_p0', 'milestone', { status: 'pass', findings: [{ severity: 'P0' }] }],
    ['findings_p1', 'milestone', { status: 'pass', findings: [{ severity: 'P1' }] }],
    ['findings_p2', 'final', { status: 'pass', findings: [{ severity: 'P2' }] }],
    ['fail_fixable', 'plan', { status: 'rejected_fixable', required_changes: ['fix the P1 finding'] }],
    ['fail_fixable', 'milestone', { status: 'fail_fixable', fix_plan: ['fix the P1 finding'] }],
    ['needs_human', 'plan', { status: 'needs_human', human_questions: [{ id: 'Q1', recommended: 'A' }] }],
    ['unsafe', 'final', { status: 'unsafe', findings: [{ severity: 'P0' }] }],
    ['sensitive_operation', 'milestone', { status: 'sensitive_operation' }],
    ['insufficient_context', 'plan', { status: 'insufficient_context', missing_context: ['the test strategy'] }],
    ['fail_unclear', 'milestone', { status: 'fail_unclear' }],
    ['error_then_pass', 'milestone', { status: 'pass' }],
    ['two_messages', 'final', { status: 'pass' }],
  ])('%s (%s gate) returns that verdict', async (scenario, gate, expected) => {
    const { result } = await run(gate, scenario);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.verdict).toMatchObject(expected);
  });

  it.each([
    ['garbage', 'invalid_output', /not JSON/],
    ['empty', 'invalid_output', /verdict is empty/],
    ['schema_fail', 'invalid_output', /fails the schema: status: /],
    ['nonzero_exit', 'nonzero_exit', /exited with code 1: Error: fake codex internal failure/],
    ['rate_limit', 'rate_limited_or_quota', /429 Too Many Requests/],
    ['network', 'network', /stream disconnected/],
    ['not_logged_in', 'not_logged_in', /401 Unauthorized/],
  ])('%s → %s, with raw events kept', async (scenario, reason, message) => {
    const { result } = await run('milestone', scenario);
    expect(result).toMatchObject({ ok: false, reason });
    if (!result.ok) expect(result.message).toMatch(message);
    expect(result.rawEvents).toContain('"thread.started"');
  });

  it('fail_then_pass fails the first call and passes the next', async () => {
    const review = await prepareReview(tempDir('cccc-codex-'), 'milestone');
    const options = { gate: 'milestone' as const, root: review.root, prompt: PROMPT, schemaFile: review.schemaFile, outputFile: review.outputFile, env: fakeCodexEnv(review.recordDir, 'fail_then_pass'), stderr: () => undefined };
    const first = await runCodexExec(options);
    const second = await runCodexExec(options);
    expect(first.ok && first.verdict.status).toBe('fail_fixable');
    expect(second.ok && second.verdict.status).toBe('pass');
    expect(fakeCodexCalls(review.recordDir).map((c) => c.n)).toEqual([1, 2]);
  });

  it('a scenario list is consumed one per call', async () => {
    const review = await prepareReview(tempDir('cccc-codex-'), 'plan');
    const options = { gate: 'plan' as const, root: review.root, prompt: PROMPT, schemaFile: review.schemaFile, outputFile: review.outputFile, env: fakeCodexEnv(review.recordDir, ['rate_limit', 'approve']), stderr: () => undefined };
    expect(await runCodexExec(options)).toMatchObject({ ok: false, reason: 'rate_limited_or_quota' });
    expect(await runCodexExec(options)).toMatchObject({ ok: true, verdict: { status: 'approved' } });
  });

  it('writes_file: the fake writes into --cd and still passes (detecting the write is the caller\'s fingerprint)', async () => {
    const { result, root } = await run('milestone', 'writes_file');
    expect(result.ok).toBe(true);
    expect(readFileSync(join(root, 'codex-was-here.txt'), 'utf8')).toMatch(/fake codex/);
  });

  it('deletes a stale output file before running', async () => {
    const review = await prepareReview(tempDir('cccc-codex-'), 'final');
    const stale = JSON.stringify({ status: 'pass', summary: 'stale', findings: [], required_changes: [], residual_risks: [], human_questions: [], language: 'en' });
    mkdirSync(dirname(review.outputFile), { recursive: true });
    writeFileSync(review.outputFile, stale);
    const result = await runCodexExec({ gate: 'final', root: review.root, prompt: PROMPT, schemaFile: review.schemaFile, outputFile: review.outputFile, env: fakeCodexEnv(review.recordDir, 'nonzero_exit'), stderr: () => undefined });
    expect(result).toMatchObject({ ok: false, reason: 'nonzero_exit' });
    expect(existsSync(review.outputFile)).toBe(false);
  });

  it('appends codex.extra_args and accepts cli_command as an absolute path', async () => {
    const { result, recordDir } = await run('plan', 'pass', { cliCommand: FAKE_CODEX_BIN, extraArgs: ['-m', 'gpt-fake', '-c', 'model_reasoning_effort="high"'] });
    expect(result.ok).toBe(true);
    expect(result.argv[0]).toBe(FAKE_CODEX_BIN);
    const [call] = fakeCodexCalls(recordDir);
    expect(call?.argv.slice(-5)).toEqual(['-m', 'gpt-fake', '-c', 'model_reasoning_effort="high"', '-']);
    expect(call?.options.model).toBe('gpt-fake');
  });

  it('prints heartbeat lines while Codex is quiet', async () => {
    const { result, stderr } = await run('milestone', 'pass', { progressIntervalMs: 50 }, { FAKE_CODEX_DELAY_MS: '400' });
    expect(result.ok).toBe(true);
    expect(stderr.some((l) => /^codex: working, \d+ s elapsed, 2 events, tokens so far: not reported yet$/.test(l))).toBe(true);
  });

  it('a failing onThreadId callback is reported, not fatal', async () => {
    const { result, stderr } = await run('milestone', 'pass', { onThreadId: async () => { throw new Error('disk full'); } });
    expect(result.ok).toBe(true);
    expect(stderr).toContain('codex: could not save thread id 0199a213-0000-7000-8000-000000000001: disk full');
  });

  it('an unknown cli_command is not_installed', async () => {
    const { result } = await run('plan', 'pass', { cliCommand: join(tempDir(), 'no-such-codex') });
    expect(result).toMatchObject({ ok: false, reason: 'not_installed', rawEvents: '', threadId: null, usage: null });
  });
});

/**
 * The watchdog of runCodexExec (issue #3 §1): idle and wall-clock limits kill the whole process group,
 * including tools Codex started. These assert behaviour, not speed. The idle limit (2 s) must exceed the fake's
 * start-up (a Node process: ~0.3 s idle, over 1 s on a loaded 2-CPU runner), or `slow` would die idle before
 * its first event and `hang` before it records its call.
 */
import { describe, expect, it } from 'vitest';
import { runCodexExec } from '../../src/codex/exec.js';
import { fakeCodexCalls, fakeCodexEnv, fakeCodexSleeperPid, prepareReview, processAlive } from '../helpers/fake-codex.js';
import { tempDir } from '../helpers/tmp.js';

/** Poll until `pid` is gone (the kill is asynchronous); false if it survives `tries` × 50 ms. */
async function gone(pid: number, tries = 60): Promise<boolean> {
  for (let i = 0; i < tries; i++) {
    if (!processAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

async function watchdogRun(scenario: 'hang' | 'slow', limits: { timeoutMs: number; idleTimeoutMs: number }) {
  const review = await prepareReview(tempDir('cccc-watchdog-'), 'milestone');
  const stderr: string[] = [];
  const result = await runCodexExec({
    gate: 'milestone',
    root: review.root,
    prompt: 'review',
    schemaFile: review.schemaFile,
    outputFile: review.outputFile,
    env: fakeCodexEnv(review.recordDir, scenario, { FAKE_CODEX_SLOW_INTERVAL_MS: '50' }),
    stderr: (line) => stderr.push(line),
    ...limits,
  });
  const sleeper = fakeCodexSleeperPid(review.recordDir, 1);
  return { result, stderr, sleeper, recordDir: review.recordDir };
}

describe('runCodexExec watchdog', () => {
  it('hang (no event at all) → idle_timeout, and the process group including its grandchild is killed', async () => {
    const { result, stderr, sleeper, recordDir } = await watchdogRun('hang', { timeoutMs: 30_000, idleTimeoutMs: 2000 });
    expect(result).toMatchObject({ ok: false, reason: 'idle_timeout', exitCode: null, rawEvents: '' });
    if (!result.ok) expect(result.message).toMatch(/no event for 2 s \(codex.idle_timeout_ms\)/);
    expect(fakeCodexCalls(recordDir)).toHaveLength(1);
    expect(sleeper).not.toBeNull();
    expect(await gone(sleeper!)).toBe(true);
    expect(stderr.some((l) => /^codex: idle limit reached after \d+ s, killing its process group$/.test(l))).toBe(true);
  });

  it('slow (events keep coming, never finishes) → timeout, group killed, raw events and thread id kept', async () => {
    const { result, stderr, sleeper } = await watchdogRun('slow', { timeoutMs: 4500, idleTimeoutMs: 2000 });
    expect(result).toMatchObject({ ok: false, reason: 'timeout', threadId: '0199a213-0000-7000-8000-000000000001' });
    if (!result.ok) expect(result.message).toMatch(/within 4500 ms \(codex.timeout_ms\)/);
    expect(result.rawEvents.split('\n').filter(Boolean).length).toBeGreaterThan(5);
    expect(sleeper).not.toBeNull();
    expect(await gone(sleeper!)).toBe(true);
    expect(stderr.some((l) => l.startsWith('codex: wall-clock limit reached'))).toBe(true);
  });
});

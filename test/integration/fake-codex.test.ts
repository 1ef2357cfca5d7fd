/**
 * The fake codex fixture keeps its contract (it refuses what real codex would make unsafe or cccc must not
 * send), and the availability probes (`codex --version`, `codex login status`) read it like the real one.
 */
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { codexAvailability, codexLoginStatus, codexVersion } from '../../src/codex/status.js';
import { fakeCodexCalls, fakeCodexEnv, FAKE_CODEX_BIN, prepareReview } from '../helpers/fake-codex.js';
import { tempDir } from '../helpers/tmp.js';

describe('fake codex contract', () => {
  it.each([
    ['no --sandbox', (s: string, o: string) => ['exec', '--json', '--output-schema', s, '-o', o, '-'], /--sandbox read-only/],
    ['a writable sandbox', (s: string, o: string) => ['exec', '--sandbox', 'workspace-write', '--json', '--output-schema', s, '-o', o, '-'], /--sandbox read-only/],
    ['no --json', (s: string, o: string) => ['exec', '-s', 'read-only', '--output-schema', s, '-o', o, '-'], /--json/],
    ['no --output-schema', (_s: string, o: string) => ['exec', '-s', 'read-only', '--json', '-o', o, '-'], /--output-schema/],
    ['no -o', (s: string) => ['exec', '-s', 'read-only', '--json', '--output-schema', s, '-'], /-o\/--output-last-message/],
    ['a positional prompt', (s: string, o: string) => ['exec', '-s', 'read-only', '--json', '--output-schema', s, '-o', o, 'review it'], /prompt on stdin/],
    ['the removed --full-auto', (s: string, o: string) => ['exec', '--full-auto', '-s', 'read-only', '--json', '--output-schema', s, '-o', o, '-'], /unexpected argument '--full-auto'/],
    ['no exec', () => ['review'], /expected "exec"/],
  ])('refuses %s with exit 2 and records nothing', async (_name, argv, message) => {
    const review = await prepareReview(tempDir('cccc-fake-'), 'plan');
    const result = await execa(FAKE_CODEX_BIN, argv(review.schemaFile, review.outputFile), { input: 'prompt', reject: false, env: fakeCodexEnv(review.recordDir, 'pass') });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(fakeCodexCalls(review.recordDir)).toEqual([]);
  });

  it('an empty prompt on stdin exits 1 like real codex', async () => {
    const review = await prepareReview(tempDir('cccc-fake-'), 'plan');
    const result = await execa(FAKE_CODEX_BIN, ['exec', '-s', 'read-only', '--json', '--output-schema', review.schemaFile, '-o', review.outputFile, '-'], { input: '', reject: false, env: fakeCodexEnv(review.recordDir, 'pass') });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/No prompt provided/);
  });
});

describe('codex availability probes', () => {
  const env = (scenario: string): Record<string, string> => fakeCodexEnv(join(tempDir('cccc-probe-'), 'calls'), scenario);

  it('reads the version', async () => {
    expect(await codexVersion('codex', { env: env('pass') })).toEqual({ ok: true, version: '0.169.0-fake', raw: 'codex-cli 0.169.0-fake' });
  });

  it('login status: exit 0 logged in, exit 1 not logged in (message from stderr)', async () => {
    expect(await codexLoginStatus('codex', { env: env('pass') })).toEqual({ ok: true, message: 'Logged in using an API key - sk-fake***1234' });
    expect(await codexLoginStatus('codex', { env: env('not_logged_in') })).toEqual({ ok: false, reason: 'not_logged_in', message: 'Not logged in' });
  });

  it('availability combines both', async () => {
    expect(await codexAvailability('codex', { env: env('pass') })).toMatchObject({ available: true, version: '0.169.0-fake', loggedIn: true, reason: null });
    expect(await codexAvailability('codex', { env: env('not_logged_in') })).toMatchObject({ available: false, version: '0.169.0-fake', loggedIn: false, reason: 'not_logged_in' });
    const missing = await codexAvailability(join(tempDir(), 'codex'), { env: env('pass') });
    expect(missing).toMatchObject({ available: false, version: null, loggedIn: null, reason: 'not_installed' });
    expect(missing.message).toMatch(/ENOENT/);
  });
});

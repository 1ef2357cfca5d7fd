import { describe, expect, it } from 'vitest';
import { classifyCodexRun, CODEX_FAILURE_HINTS, CODEX_FAILURE_REASONS, reasonFromMessages, type CodexProcessOutcome } from '../../src/codex/classify.js';
import { emptyStreamSummary, type CodexStreamSummary } from '../../src/codex/events.js';

const VERDICT = JSON.stringify({ status: 'pass', summary: 'ok', findings: [], fix_plan: [], unmet_acceptance_criteria: [], human_questions: [], language: 'en' });

/** Overrides of an outcome; `stream` is merged into a completed-turn summary. */
type Over = Partial<Omit<CodexProcessOutcome, 'stream'>> & { stream?: Partial<CodexStreamSummary> };

function outcome(over: Over = {}): CodexProcessOutcome {
  return {
    spawnErrorCode: null,
    killedFor: null,
    exitCode: 0,
    signal: null,
    stderr: '',
    outputText: VERDICT,
    timeoutMs: 900_000,
    idleTimeoutMs: 300_000,
    command: 'codex',
    ...over,
    stream: { ...emptyStreamSummary(), turnStarted: true, turnCompleted: true, ...over.stream },
  };
}

describe('classifyCodexRun', () => {
  it('returns the verdict of a clean run', () => {
    const result = classifyCodexRun('milestone', outcome());
    expect(result).toMatchObject({ ok: true, verdict: { status: 'pass' } });
  });

  it.each<[string, Over, string, RegExp]>([
    ['binary missing', { spawnErrorCode: 'ENOENT', exitCode: null }, 'not_installed', /Could not run "codex" \(ENOENT\)/],
    ['binary not executable', { spawnErrorCode: 'EACCES', exitCode: null }, 'not_installed', /EACCES/],
    ['other spawn error', { spawnErrorCode: 'E2BIG', exitCode: null }, 'nonzero_exit', /E2BIG/],
    ['wall-clock kill', { killedFor: 'timeout', exitCode: null, signal: 'SIGKILL' }, 'timeout', /within 900 s \(codex.timeout_ms\)/],
    ['idle kill', { killedFor: 'idle_timeout', exitCode: null, signal: 'SIGKILL', idleTimeoutMs: 300 }, 'idle_timeout', /no event for 300 ms/],
    ['idle kill while retrying the network', { killedFor: 'idle_timeout', exitCode: null, signal: 'SIGKILL', idleTimeoutMs: 8000, outputText: null, stream: { turnCompleted: false, errors: ['Reconnecting... waiting for network (Connection failed: error sending request)'], lastEventIsError: true } }, 'network', /still retrying when its limit of 8 s \(codex.idle_timeout_ms\) ran out.*waiting for network/],
    ['wall kill while retrying a 429', { killedFor: 'timeout', exitCode: null, signal: 'SIGKILL', outputText: null, stream: { turnCompleted: false, errors: ['Reconnecting... 2/5 (429 Too Many Requests)'], lastEventIsError: true } }, 'rate_limited_or_quota', /900 s \(codex.timeout_ms\).*429/],
    ['wall kill after a network error Codex recovered from', { killedFor: 'timeout', exitCode: null, signal: 'SIGKILL', outputText: null, stream: { turnCompleted: false, errors: ['stream disconnected before completion'], lastEventIsError: false } }, 'timeout', /within 900 s/],
    ['idle kill while retrying an unknown error', { killedFor: 'idle_timeout', exitCode: null, signal: 'SIGKILL', outputText: null, stream: { turnCompleted: false, errors: ['something odd'], lastEventIsError: true } }, 'idle_timeout', /no event for/],
    ['401 in turn.failed', { exitCode: 1, outputText: null, stream: { turnFailed: 'unexpected status 401 Unauthorized: Missing bearer' } }, 'not_logged_in', /401 Unauthorized/],
    ['missing env key (stub provider)', { exitCode: 1, outputText: null, stream: { turnFailed: 'Missing environment variable: `STUB_KEY`' } }, 'not_logged_in', /STUB_KEY/],
    ['429 after retries', { exitCode: 1, outputText: null, stream: { errors: ['Reconnecting... 1/5 (stream disconnected before completion)'], turnFailed: 'exceeded retry limit, last status: 429 Too Many Requests' } }, 'rate_limited_or_quota', /429/],
    ['usage limit', { exitCode: 1, outputText: null, stream: { turnFailed: "You've hit your usage limit. Try again later." } }, 'rate_limited_or_quota', /usage limit/],
    ['quota', { exitCode: 1, outputText: null, stream: { turnFailed: 'insufficient_quota: You exceeded your current quota' } }, 'rate_limited_or_quota', /quota/],
    ['stream disconnected', { exitCode: 1, outputText: null, stream: { turnFailed: 'stream disconnected before completion: error sending request for url' } }, 'network', /stream disconnected/],
    ['ECONNREFUSED in error events only', { exitCode: 1, outputText: null, stream: { errors: ['connect ECONNREFUSED 127.0.0.1:9'] } }, 'network', /ECONNREFUSED/],
    ['ENOTFOUND on stderr only', { exitCode: 1, outputText: null, stderr: 'ERROR: getaddrinfo ENOTFOUND api.openai.com\n' }, 'network', /ENOTFOUND/],
    ['plain non-zero exit', { exitCode: 1, outputText: null, stderr: 'Error: boom\n' }, 'nonzero_exit', /exited with code 1: Error: boom/],
    ['clap usage error', { exitCode: 2, outputText: null, stderr: "error: unexpected argument '--full-auto' found\n\nUsage: codex exec\n" }, 'nonzero_exit', /code 2: error: unexpected argument '--full-auto'/],
    ['killed by someone else', { exitCode: null, signal: 'SIGTERM', outputText: null }, 'nonzero_exit', /killed by SIGTERM/],
    ['turn.failed with exit 0', { exitCode: 0, outputText: null, stream: { turnFailed: 'model refused' } }, 'nonzero_exit', /exited with code 0 after its turn failed: model refused/],
    ['no -o file', { outputText: null }, 'invalid_output', /wrote no --output-last-message file/],
    ['empty -o file', { outputText: '' }, 'invalid_output', /verdict is empty/],
    ['not JSON', { outputText: 'LGTM' }, 'invalid_output', /not JSON/],
    ['fails the schema', { outputText: '{"status":"looks_fine","summary":42}' }, 'invalid_output', /fails the schema: status: .*summary: /],
  ])('%s → reason', (_name, over, reason, message) => {
    const result = classifyCodexRun('milestone', outcome(over));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toBe(reason);
      expect(result.message).toMatch(message);
    }
  });

  it('prefers the turn.failed message over earlier retry errors', () => {
    expect(reasonFromMessages(['exceeded retry limit, last status: 401 Unauthorized', 'stream disconnected'])).toBe('not_logged_in');
    expect(reasonFromMessages(['', 'Reconnecting... (stream disconnected)'])).toBe('network');
    expect(reasonFromMessages(['something odd'])).toBeNull();
  });

  it('has a hint for every reason', () => {
    for (const reason of CODEX_FAILURE_REASONS) expect(CODEX_FAILURE_HINTS[reason]).toMatch(/\w/);
  });
});

/**
 * Classifying how a `codex exec` run ended (issue #3 §1): every failure gets one reason, recorded with
 * `PAUSED_FOR_CODEX`; none of them ever passes a gate. Pure: it takes what the process did and what it wrote.
 */
import type { GateName } from '../../machines/types.js';
import { parseVerdict } from '../verdicts/parse.js';
import type { VerdictFor } from '../verdicts/schemas.js';
import type { CodexStreamSummary } from './events.js';

/** Why a Codex run did not produce a usable verdict (issue #3 §1). */
export const CODEX_FAILURE_REASONS = [
  'not_installed',
  'not_logged_in',
  'rate_limited_or_quota',
  'network',
  'timeout',
  'idle_timeout',
  'invalid_output',
  'nonzero_exit',
] as const;

/** One of {@link CODEX_FAILURE_REASONS}. */
export type CodexFailureReason = (typeof CODEX_FAILURE_REASONS)[number];

/** What a person can do about each failure (for `CodexError` hints, `doctor` and `next`). */
export const CODEX_FAILURE_HINTS: Record<CodexFailureReason, string> = {
  not_installed: 'Install the Codex CLI (npm i -g @openai/codex) or set codex.cli_command in docs/cccc/config.json.',
  not_logged_in: 'Run `codex login` (or set CODEX_API_KEY), check with `codex login status`, then `cccc resume`.',
  rate_limited_or_quota: 'Wait for the rate limit or quota to reset, then `cccc resume`.',
  network: 'Check the network connection to the model provider, then `cccc resume`.',
  timeout: 'Codex ran past codex.timeout_ms; raise it or shrink the milestone, then `cccc resume`.',
  idle_timeout: 'Codex printed nothing for codex.idle_timeout_ms; raise it or retry with `cccc resume`.',
  invalid_output: 'Codex did not return a valid verdict; retry with `cccc resume` (the raw events are saved next to the review).',
  nonzero_exit: 'Codex failed; read its stderr and raw events, fix the cause, then `cccc resume`.',
};

/** How the process ended. `killedFor` is set when cccc's watchdog killed it. */
export interface CodexProcessOutcome {
  /** `error.code` when the binary could not be spawned (e.g. `ENOENT`), else null. */
  spawnErrorCode: string | null;
  killedFor: 'timeout' | 'idle_timeout' | null;
  exitCode: number | null;
  signal: string | null;
  stream: CodexStreamSummary;
  /** Codex's stderr (possibly only its tail). */
  stderr: string;
  /** Text of the `-o` file, or null when Codex did not write it. */
  outputText: string | null;
  /** Limits, for the messages (ms). */
  timeoutMs: number;
  idleTimeoutMs: number;
  /** The command as configured, for the messages. */
  command: string;
}

/** A run that produced a valid verdict. */
export interface CodexVerdictOk<G extends GateName> {
  ok: true;
  verdict: VerdictFor<G>;
}

/** A run that failed, with its reason and a message a person can act on. */
export interface CodexFailure {
  ok: false;
  reason: CodexFailureReason;
  message: string;
}

type Matcher = [CodexFailureReason, RegExp];

/**
 * Message patterns, most specific first. Codex reports provider errors in `turn.failed`/`error` messages, e.g.
 * `unexpected status 401 Unauthorized`, `exceeded retry limit, last status: 429 Too Many Requests`,
 * `stream disconnected before completion: error sending request for url (…)` (A4, real-clients.md).
 */
const MATCHERS: readonly Matcher[] = [
  ['not_logged_in', /not logged in|\b401\b|unauthori[sz]ed|missing bearer|invalid api key|incorrect api key|codex login|missing environment variable/i],
  ['rate_limited_or_quota', /\b429\b|rate.?limit|quota|usage limit|too many requests/i],
  ['network', /ECONNREFUSED|ENOTFOUND|ECONNRESET|ETIMEDOUT|EAI_AGAIN|stream disconnected|error sending request|connection (refused|reset|closed)|dns error|failed to connect|network (error|is unreachable)/i],
];

/**
 * Classify a finished run of `gate`. Order: spawn failure → watchdog kill (the reason of the error Codex was
 * still retrying when killed, if its message has one; else `timeout` / `idle_timeout`) → failed turn / non-zero exit /
 * signal (reason from the messages: `turn.failed` first, then `error` events newest first, then stderr) →
 * missing, empty, non-JSON or schema-failing `-o` file (`invalid_output`) → the verdict.
 */
export function classifyCodexRun<G extends GateName>(gate: G, outcome: CodexProcessOutcome): CodexVerdictOk<G> | CodexFailure {
  if (outcome.spawnErrorCode !== null) {
    const reason: CodexFailureReason = outcome.spawnErrorCode === 'ENOENT' || outcome.spawnErrorCode === 'EACCES' ? 'not_installed' : 'nonzero_exit';
    return failure(reason, `Could not run "${outcome.command}" (${outcome.spawnErrorCode}).`);
  }
  // Killed while Codex was retrying a provider error (e.g. "waiting for network" with the provider unreachable):
  // that error is the cause, and its hint is what helps — a longer limit would only wait longer.
  const retrying = outcome.killedFor !== null && outcome.stream.lastEventIsError ? outcome.stream.errors.at(-1) : undefined;
  const retryReason = retrying === undefined ? null : reasonFromMessages([retrying]);
  if (retrying !== undefined && retryReason !== null) {
    const limit = outcome.killedFor === 'timeout' ? `${seconds(outcome.timeoutMs)} (codex.timeout_ms)` : `${seconds(outcome.idleTimeoutMs)} (codex.idle_timeout_ms)`;
    return failure(retryReason, `Codex was still retrying when its limit of ${limit} ran out; its process group was killed. Last error: ${retrying}`);
  }
  if (outcome.killedFor === 'timeout') {
    return failure('timeout', `Codex did not finish within ${seconds(outcome.timeoutMs)} (codex.timeout_ms); its process group was killed.`);
  }
  if (outcome.killedFor === 'idle_timeout') {
    return failure('idle_timeout', `Codex printed no event for ${seconds(outcome.idleTimeoutMs)} (codex.idle_timeout_ms); its process group was killed.`);
  }
  const failedTurn = outcome.stream.turnFailed;
  if (outcome.exitCode !== 0 || failedTurn !== null) {
    const how = outcome.exitCode === null ? `was killed by ${outcome.signal ?? 'a signal'}` : `exited with code ${outcome.exitCode}`;
    const detail = failureDetail(outcome);
    const reason = reasonFromMessages([failedTurn ?? '', ...[...outcome.stream.errors].reverse(), outcome.stderr]) ?? 'nonzero_exit';
    const turn = failedTurn === null ? '' : ' after its turn failed';
    return failure(reason, `Codex ${how}${turn}${detail === '' ? '' : `: ${detail}`}`);
  }
  if (outcome.outputText === null) {
    return failure('invalid_output', 'Codex exited 0 but wrote no --output-last-message file (no completed turn).');
  }
  const parsed = parseVerdict(gate, outcome.outputText);
  return parsed.ok ? { ok: true, verdict: parsed.verdict } : failure('invalid_output', parsed.message);
}

/** The first reason whose pattern matches, trying each message in order; null when none matches. */
export function reasonFromMessages(messages: readonly string[]): CodexFailureReason | null {
  for (const message of messages) {
    if (message === '') continue;
    for (const [reason, pattern] of MATCHERS) if (pattern.test(message)) return reason;
  }
  return null;
}

/** The most telling message: the failed turn's, else the last error event, else the last stderr line naming an error (else the last line). */
function failureDetail(outcome: CodexProcessOutcome): string {
  if (outcome.stream.turnFailed) return outcome.stream.turnFailed;
  const lastError = outcome.stream.errors.at(-1);
  if (lastError !== undefined) return lastError;
  const lines = outcome.stderr.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  return lines.filter((l) => /error/i.test(l)).at(-1) ?? lines.at(-1) ?? '';
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

function failure(reason: CodexFailureReason, message: string): CodexFailure {
  return { ok: false, reason, message };
}

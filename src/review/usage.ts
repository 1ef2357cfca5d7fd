/**
 * The cost of one `codex exec` run as the machine's budget ledger records it (issue #6): tokens from
 * `turn.completed` usage, cccc's wall time, and rate-limit events (rate-limit or quota messages in the JSONL
 * stream's `error` events — Codex retries those, so they are not failures — plus the failure itself when the run
 * ended `rate_limited_or_quota`).
 */
import type { CodexCallFacts } from '../../machines/policy-types.js';
import type { CodexUsage } from '../codex/events.js';

const RATE_LIMIT = /\b429\b|rate.?limit|quota|usage limit|too many requests/i;

/** Number of JSONL events in `rawEvents` of type `error` (or a failed turn) whose text mentions a rate limit or quota. */
export function rateLimitEventsIn(rawEvents: string): number {
  let n = 0;
  for (const line of rawEvents.split('\n')) {
    if (!RATE_LIMIT.test(line)) continue;
    try {
      const event = JSON.parse(line) as { type?: unknown };
      if (event.type === 'error' || event.type === 'turn.failed') n++;
    } catch {
      // Not a JSON event line: not counted (stderr is classified separately).
    }
  }
  return n;
}

/** The {@link CodexCallFacts} of a run: `usage` (null = no `turn.completed`), its duration (ms) and events. */
export function codexCallFacts(run: { usage: CodexUsage | null; durationMs: number; rawEvents: string }, failureReason: string | null = null): CodexCallFacts {
  const counted = rateLimitEventsIn(run.rawEvents);
  return {
    inputTokens: run.usage?.inputTokens ?? 0,
    cachedInputTokens: run.usage?.cachedInputTokens ?? 0,
    outputTokens: run.usage?.outputTokens ?? 0,
    reasoningOutputTokens: run.usage?.reasoningOutputTokens ?? 0,
    wallMs: Math.max(0, Math.round(run.durationMs)),
    rateLimitEvents: failureReason === 'rate_limited_or_quota' ? Math.max(1, counted) : counted,
  };
}

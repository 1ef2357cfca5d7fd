/**
 * Reading `codex exec --json` output: one JSON event per stdout line (external-interfaces A4, real-clients.md).
 * Pure functions, folded line by line so the caller sees the thread id as soon as it arrives.
 *
 * Parsed tolerantly: unknown event types, unknown item types and extra fields are ignored, and a line that is
 * not a JSON object is counted, not fatal — newer CLIs add fields and types (A4 "Parse tolerantly").
 */

/** A JSONL event: an object with a string `type`; other fields vary by type. */
export interface CodexEvent {
  type: string;
  [field: string]: unknown;
}

/** Token usage from `turn.completed.usage`, summed over turns (0 when a field is absent). */
export interface CodexUsage {
  inputTokens: number;
  cachedInputTokens: number;
  outputTokens: number;
  reasoningOutputTokens: number;
}

/** What the stream said so far. */
export interface CodexStreamSummary {
  /** From `thread.started`; the id `codex exec resume` takes (A3). */
  threadId: string | null;
  turnStarted: boolean;
  turnCompleted: boolean;
  /** `turn.failed.error.message`, or `''` if it had none; null while no turn failed. */
  turnFailed: string | null;
  /** Messages of `error` events and `error` items: not terminal, Codex may retry (A4). */
  errors: string[];
  /**
   * True when the latest event was an `error` event or item: Codex is still retrying what `errors.at(-1)` says
   * (with the provider unreachable, codex 0.169.0 emits "Reconnecting... waiting for network" and nothing else).
   */
  lastEventIsError: boolean;
  /** Null until a `turn.completed` carries usage. */
  usage: CodexUsage | null;
  /** Text of the last completed `agent_message` — the last one, never the first (A5, openai/codex #19816). */
  lastAgentMessage: string | null;
  /** Number of events read, and of lines that were not a JSON object with a `type`. */
  events: number;
  unparsedLines: number;
}

/** The summary of an empty stream. */
export function emptyStreamSummary(): CodexStreamSummary {
  return { threadId: null, turnStarted: false, turnCompleted: false, turnFailed: null, errors: [], lastEventIsError: false, usage: null, lastAgentMessage: null, events: 0, unparsedLines: 0 };
}

/** Parse one stdout line; null for blank lines and anything that is not a JSON object with a string `type`. */
export function parseCodexEventLine(line: string): CodexEvent | null {
  const trimmed = line.trim();
  if (trimmed === '') return null;
  try {
    const value: unknown = JSON.parse(trimmed);
    return isRecord(value) && typeof value.type === 'string' ? (value as CodexEvent) : null;
  } catch {
    return null;
  }
}

/** Fold one stdout line into the summary (returns a new summary; blank lines change nothing). */
export function foldCodexLine(summary: CodexStreamSummary, line: string): CodexStreamSummary {
  if (line.trim() === '') return summary;
  const event = parseCodexEventLine(line);
  if (event === null) return { ...summary, unparsedLines: summary.unparsedLines + 1 };
  return foldCodexEvent(summary, event);
}

/** Fold one event into the summary (returns a new summary). */
export function foldCodexEvent(summary: CodexStreamSummary, event: CodexEvent): CodexStreamSummary {
  const next = { ...summary, events: summary.events + 1, lastEventIsError: false };
  switch (event.type) {
    case 'thread.started':
      return typeof event.thread_id === 'string' ? { ...next, threadId: event.thread_id } : next;
    case 'turn.started':
      return { ...next, turnStarted: true };
    case 'turn.completed':
      return { ...next, turnCompleted: true, usage: addUsage(next.usage, event.usage) };
    case 'turn.failed':
      return { ...next, turnFailed: messageOf(event.error) ?? '' };
    case 'error':
      return { ...next, errors: [...next.errors, messageOf(event) ?? 'error event without a message'], lastEventIsError: true };
    case 'item.completed':
      return foldItem(next, event.item);
    default:
      return next;
  }
}

/** Summarize a whole raw stdout text (e.g. a saved raw events file). */
export function summarizeCodexStream(raw: string): CodexStreamSummary {
  return raw.split('\n').reduce(foldCodexLine, emptyStreamSummary());
}

/** Total tokens of a usage (input + output; cached and reasoning are subsets Codex reports separately). */
export function totalTokens(usage: CodexUsage | null): number {
  return usage === null ? 0 : usage.inputTokens + usage.outputTokens;
}

function foldItem(summary: CodexStreamSummary, item: unknown): CodexStreamSummary {
  if (!isRecord(item)) return summary;
  if (item.type === 'agent_message' && typeof item.text === 'string') return { ...summary, lastAgentMessage: item.text };
  if (item.type === 'error') return { ...summary, errors: [...summary.errors, messageOf(item) ?? 'error item without a message'], lastEventIsError: true };
  return summary;
}

function addUsage(previous: CodexUsage | null, raw: unknown): CodexUsage | null {
  if (!isRecord(raw)) return previous;
  const base = previous ?? { inputTokens: 0, cachedInputTokens: 0, outputTokens: 0, reasoningOutputTokens: 0 };
  return {
    inputTokens: base.inputTokens + count(raw.input_tokens),
    cachedInputTokens: base.cachedInputTokens + count(raw.cached_input_tokens),
    outputTokens: base.outputTokens + count(raw.output_tokens),
    reasoningOutputTokens: base.reasoningOutputTokens + count(raw.reasoning_output_tokens),
  };
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : 0;
}

function messageOf(value: unknown): string | null {
  return isRecord(value) && typeof value.message === 'string' ? value.message : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

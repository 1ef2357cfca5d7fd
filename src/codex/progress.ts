/**
 * Progress lines for a running review, written to stderr (never stdout) so a person watching Claude's Bash tool
 * sees Codex is alive (issue #3 §1). Pure: the caller passes the event, the summary and the elapsed time.
 */
import { totalTokens, type CodexEvent, type CodexStreamSummary } from './events.js';

/** Longest message quoted in a progress line (characters). */
const QUOTE_CHARS = 160;

/** The progress line for `event`, or null for events not worth a line (item updates, reasoning…). */
export function progressLine(event: CodexEvent, summary: CodexStreamSummary, elapsedMs: number): string | null {
  const at = `(${elapsedSeconds(elapsedMs)})`;
  switch (event.type) {
    case 'thread.started':
      return `codex: thread ${summary.threadId ?? '?'} started ${at}`;
    case 'turn.started':
      return `codex: turn started ${at}`;
    case 'turn.completed':
      return `codex: turn completed, ${tokens(summary)} ${at}`;
    case 'turn.failed':
      return `codex: turn failed: ${quote(summary.turnFailed ?? '')} ${at}`;
    case 'error':
      return `codex: error (Codex may retry): ${quote(summary.errors.at(-1) ?? '')} ${at}`;
    case 'item.completed':
      return itemLine(event.item, at);
    default:
      return null;
  }
}

/** The periodic "still alive" line. */
export function heartbeatLine(summary: CodexStreamSummary, elapsedMs: number): string {
  return `codex: working, ${elapsedSeconds(elapsedMs)} elapsed, ${summary.events} events, ${tokens(summary)}`;
}

/** `12 s` from milliseconds (whole seconds). */
export function elapsedSeconds(ms: number): string {
  return `${Math.floor(ms / 1000)} s`;
}

function itemLine(item: unknown, at: string): string | null {
  if (typeof item !== 'object' || item === null) return null;
  const { type, command } = item as { type?: unknown; command?: unknown };
  if (type === 'command_execution') return `codex: ran ${quote(typeof command === 'string' ? command : 'a command')} ${at}`;
  if (type === 'agent_message') return `codex: answer received ${at}`;
  return null;
}

function tokens(summary: CodexStreamSummary): string {
  return summary.usage === null ? 'tokens so far: not reported yet' : `tokens so far: ${totalTokens(summary.usage)} (${summary.usage.outputTokens} output)`;
}

function quote(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > QUOTE_CHARS ? `${line.slice(0, QUOTE_CHARS)}…` : line;
}

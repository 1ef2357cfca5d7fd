/**
 * Hook stdin: bounded reading and tolerant parsing of Claude Code hook payloads into typed facts
 * (external-interfaces B3). A field of the wrong type is treated as missing (null), never as an error, and
 * nothing here throws: the hooks fail open (issue #4 §1).
 *
 * Only the fields cccc decides on are kept. `transcript_path` is never read or logged; the raw text is not
 * returned.
 */
import type { Readable } from 'node:stream';

/** Default stdin cap, in bytes (4 MiB). A Write of a large file can exceed 1 MiB; anything bigger is cut. */
export const HOOK_STDIN_CAP_BYTES = 4 * 1024 * 1024;

/** Default time to wait for stdin to end, in milliseconds (Claude Code closes stdin right after writing). */
export const HOOK_STDIN_TIMEOUT_MS = 5_000;

/** Longest `session_id` accepted, in characters; longer ids are treated as missing. */
export const MAX_SESSION_ID_CHARS = 256;

/** What {@link readHookStdin} read. `truncated` when the cap or the timeout cut it short. */
export interface HookStdin {
  /** UTF-8 text of at most `capBytes` bytes (an invalid sequence becomes U+FFFD). */
  text: string;
  /** Bytes received before stopping (≤ capBytes + one chunk). */
  bytes: number;
  truncated: boolean;
  timedOut: boolean;
}

/**
 * Read a hook payload from `stream` (normally `process.stdin`), keeping at most `capBytes` bytes and waiting at
 * most `timeoutMs` ms. Past the cap it stops reading and destroys the stream. A stream error ends reading
 * with what was received. `prefix` is text already read from the same input (see hook-io.ts). Never rejects.
 */
export function readHookStdin(
  stream: Readable,
  options: { capBytes?: number; timeoutMs?: number; prefix?: Buffer } = {},
): Promise<HookStdin> {
  const capBytes = options.capBytes ?? HOOK_STDIN_CAP_BYTES;
  const timeoutMs = options.timeoutMs ?? HOOK_STDIN_TIMEOUT_MS;
  return new Promise((resolve) => {
    const chunks: Buffer[] = options.prefix ? [options.prefix] : [];
    let bytes = options.prefix?.length ?? 0;
    let done = false;
    const finish = (truncated: boolean, timedOut: boolean): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      stream.off('data', onData);
      stream.off('end', onEnd);
      stream.off('error', onEnd);
      const all = Buffer.concat(chunks);
      const kept = all.length > capBytes ? all.subarray(0, capBytes) : all;
      resolve({ text: kept.toString('utf8'), bytes, truncated, timedOut });
    };
    const onData = (chunk: Buffer | string): void => {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      chunks.push(buf);
      bytes += buf.length;
      if (bytes > capBytes) {
        finish(true, false);
        stream.destroy();
      }
    };
    const onEnd = (): void => finish(false, false);
    const timer = setTimeout(() => {
      finish(true, true);
      stream.pause();
    }, timeoutMs);
    timer.unref?.();
    stream.on('data', onData);
    stream.once('end', onEnd);
    stream.once('error', onEnd);
  });
}

/** The payload facts cccc uses, from any hook event. Every field is null/false/empty when missing or mistyped. */
export interface HookPayload {
  /** False when the text was not a JSON object (then every other field is empty). */
  valid: boolean;
  /** `session_id`: a non-empty string ≤ {@link MAX_SESSION_ID_CHARS} chars without control characters. */
  sessionId: string | null;
  cwd: string | null;
  hookEventName: string | null;
  /** `stop_hook_active` (Stop/SubagentStop): true only for the JSON value `true`. */
  stopHookActive: boolean;
  /** `tool_name` (PreToolUse). */
  toolName: string | null;
  /** `tool_input` (PreToolUse) when it is a JSON object. */
  toolInput: Record<string, unknown> | null;
  /** `error` (StopFailure), e.g. `rate_limit`. */
  error: string | null;
  /** `error_details` (StopFailure), clipped to 2,000 chars. */
  errorDetails: string | null;
}

/** Parse hook payload text tolerantly. Never throws. */
export function parseHookPayload(text: unknown): HookPayload {
  const empty: HookPayload = {
    valid: false,
    sessionId: null,
    cwd: null,
    hookEventName: null,
    stopHookActive: false,
    toolName: null,
    toolInput: null,
    error: null,
    errorDetails: null,
  };
  if (typeof text !== 'string') return empty;
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return empty;
  }
  if (!isObject(raw)) return empty;
  const sessionId = str(raw.session_id);
  return {
    valid: true,
    sessionId: sessionId !== null && isSessionId(sessionId) ? sessionId : null,
    cwd: str(raw.cwd),
    hookEventName: str(raw.hook_event_name),
    stopHookActive: raw.stop_hook_active === true,
    toolName: str(raw.tool_name),
    toolInput: isObject(raw.tool_input) ? raw.tool_input : null,
    error: str(raw.error),
    errorDetails: typeof raw.error_details === 'string' ? raw.error_details.slice(0, 2_000) : null,
  };
}

/** A string field of `input`, or null when missing or not a string. For reading `tool_input` fields. */
export function stringField(input: Record<string, unknown> | null, key: string): string | null {
  return input === null ? null : str(input[key]);
}

function isSessionId(value: string): boolean {
  // eslint-disable-next-line no-control-regex
  return value.trim() !== '' && value.length <= MAX_SESSION_ID_CHARS && !/[\u0000-\u001f\u007f]/.test(value);
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

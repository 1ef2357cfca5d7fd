/**
 * The hook diagnostics log `docs/cccc/logs/hooks.jsonl` (issue #4 §1): one JSON line per hook run with the
 * payload fields that matter (session id, event, `stop_hook_active`, tool name), the decision and why, and the
 * workflow facts it saw. Never the transcript, `last_assistant_message`, tool input bodies or file contents.
 * Best effort: a failed write is reported on stderr and never changes the decision.
 */
import { fs } from './node-fs.js';
import path from 'node:path';

const { appendFileSync, mkdirSync } = fs;

/** One line of hooks.jsonl. Field names are stable (tests and `loop status` read them). */
export interface HookLogLine {
  /** ISO time. */
  at: string;
  /** `stop`, `stop-failure` or `guard`. */
  hook: string;
  sessionId: string | null;
  /** The payload's `hook_event_name`. */
  event: string | null;
  /** `allow`, `block`, `deny`, `pause`, `ignore` or `error`. */
  decision: string;
  /** Stable code: a `StopAllowWhy`, `continue`, a guard rule, … */
  why: string;
  /** Wall time of the hook until the decision, in ms. */
  ms: number;
  [field: string]: unknown;
}

/** Append `line` to `hookLog` (creating `logs/`). Returns false (after writing to `stderr`) when it failed. */
export function appendHookLog(hookLog: string, line: HookLogLine, stderr: (text: string) => void): boolean {
  const text = `${JSON.stringify(line)}\n`;
  try {
    appendFileSync(hookLog, text);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      try {
        mkdirSync(path.dirname(hookLog), { recursive: true });
        appendFileSync(hookLog, text);
        return true;
      } catch {
        // fall through to the report
      }
    }
    stderr(`cccc hook: could not write ${hookLog}: ${(error as Error).message}\n`);
    return false;
  }
}

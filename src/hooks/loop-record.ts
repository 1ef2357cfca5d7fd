/**
 * The Stop-hook loop record, `docs/cccc/runtime/loop/loop.json` (issue #4 §1–2): one file per loop, written by
 * `cccc loop start|stop` and updated by `cccc hook stop`.
 *
 * Design — one record with an owner, not one file per session: only the owning session is ever continued, so
 * only its counters can move; a record per session would hold nothing but zeros for every other session. The
 * counters in this file *are* the owner's per-session counters ("counters live on disk per session": they
 * survive restarts and never depend on `stop_hook_active`, external-interfaces D1). `cccc loop start` for another
 * session, or after the loop was capped, starts a new loop with fresh counters. A capped loop stays on disk with
 * `capped: true` (never silently deleted); `loop stop` sets `active: false` and keeps the counters visible.
 *
 * Hot path: node:fs and node:path only. Reads are tolerant (a damaged file reads as "no loop", so the hook
 * allows the stop); writes go to a temp file renamed over the record, under a small `O_EXCL` lock file.
 */
import { fs } from './hook-io.js';
import path from 'node:path';
import type { LoopRecord } from './stop-decision.js';

const { closeSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } = fs;

/** File name of the loop record inside `docs/cccc/runtime/loop/`. */
export const LOOP_RECORD_FILE = 'loop.json';

/** The record on disk: the decision's {@link LoopRecord} plus bookkeeping for `loop status` and `loop stop`. */
export interface LoopFile extends LoopRecord {
  schemaVersion: 1;
  /** ISO time of `cccc loop start`. */
  startedAt: string;
  /** ISO time of `cccc loop stop`, or null while active. */
  stoppedAt: string | null;
  /** ISO time of the last write (start, stop, or a hook decision that changed a counter). */
  updatedAt: string;
  /** `automation.max_stop_hook_continuations` when the record was last written (the hook uses the config's). */
  maxContinuations: number;
  /** `mode` before `loop start` set `full-auto-safe`; `loop stop` restores it. */
  previousMode: string | null;
  /** `automation.stop_hook_loop_enabled` before `loop start`. */
  previousLoopEnabled: boolean | null;
  /** Repo-relative settings file the hooks were registered in (`.claude/settings.json` or `.local.json`). */
  settingsFile: string | null;
  /** Why the last hook decision was made (a `StopAllowWhy` or `continue`), for `loop status`. */
  lastDecision: string | null;
}

/** Absolute path of the loop record for a workspace whose `loopDir` is given. */
export function loopRecordPath(loopDir: string): string {
  return path.join(loopDir, LOOP_RECORD_FILE);
}

/** Read the record; null when missing, unreadable, not JSON or not the expected shape. Never throws. */
export function readLoopFile(loopDir: string): LoopFile | null {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(loopRecordPath(loopDir), 'utf8'));
  } catch {
    return null;
  }
  return parseLoopFile(raw);
}

/** Shape-check a parsed record (missing optional bookkeeping gets defaults). Null when a decision field is wrong. */
export function parseLoopFile(raw: unknown): LoopFile | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const r = raw as Record<string, unknown>;
  const count = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : null);
  const continuations = count(r.continuations);
  const noProgressBlocks = count(r.noProgressBlocks);
  if (typeof r.active !== 'boolean' || typeof r.capped !== 'boolean' || continuations === null || noProgressBlocks === null) return null;
  if (r.ownerSessionId !== null && typeof r.ownerSessionId !== 'string') return null;
  if (r.lastBlockedRevision !== null && count(r.lastBlockedRevision) === null) return null;
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    schemaVersion: 1,
    active: r.active,
    ownerSessionId: r.ownerSessionId === '' ? null : (r.ownerSessionId as string | null),
    capped: r.capped,
    continuations,
    lastBlockedRevision: r.lastBlockedRevision as number | null,
    noProgressBlocks,
    startedAt: str(r.startedAt) ?? '',
    stoppedAt: str(r.stoppedAt),
    updatedAt: str(r.updatedAt) ?? '',
    maxContinuations: count(r.maxContinuations) ?? 0,
    previousMode: str(r.previousMode),
    previousLoopEnabled: typeof r.previousLoopEnabled === 'boolean' ? r.previousLoopEnabled : null,
    settingsFile: str(r.settingsFile),
    lastDecision: str(r.lastDecision),
  };
}

/**
 * Write the record: a temp file in the same folder, then rename over `loop.json` (a reader sees the old or the
 * new record, never a torn one). No fsync: losing the last counter update in a power cut costs at most one
 * extra continuation, while an fsync on every stop would cost milliseconds on the hook's hot path.
 */
export function writeLoopFile(loopDir: string, record: LoopFile): void {
  const target = loopRecordPath(loopDir);
  const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
  const text = `${JSON.stringify(record, null, 2)}\n`;
  try {
    writeFileSync(temp, text);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(loopDir, { recursive: true });
    writeFileSync(temp, text);
  }
  try {
    renameSync(temp, target);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // already gone
    }
    throw error;
  }
}

/** A lock older than this (ms) is from a crashed writer and is broken. */
export const LOOP_LOCK_STALE_MS = 10_000;
/** How long to wait for the lock (ms) before giving up. */
export const LOOP_LOCK_WAIT_MS = 2_000;

/** Thrown by {@link withLoopLock} when the lock stays taken for {@link LOOP_LOCK_WAIT_MS}. */
export class LoopLockBusyError extends Error {
  constructor(file: string) {
    super(`${file} is locked by another cccc process`);
    this.name = 'LoopLockBusyError';
  }
}

/**
 * Run `fn` holding `loop.json.lock` (created with `O_EXCL`; a lock older than {@link LOOP_LOCK_STALE_MS} is
 * broken). Synchronous on purpose: the critical section is a read, a decision and a rename. Throws
 * {@link LoopLockBusyError} after {@link LOOP_LOCK_WAIT_MS}.
 */
export function withLoopLock<T>(loopDir: string, fn: () => T): T {
  const lock = `${loopRecordPath(loopDir)}.lock`;
  const deadline = Date.now() + LOOP_LOCK_WAIT_MS;
  let created = false;
  for (;;) {
    try {
      closeSync(openSync(lock, 'wx'));
      break;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' && !created) {
        mkdirSync(loopDir, { recursive: true });
        created = true;
        continue;
      }
      if (code !== 'EEXIST') throw error;
      if (lockAge(lock) > LOOP_LOCK_STALE_MS) {
        try {
          unlinkSync(lock);
        } catch {
          // another process broke it first
        }
        continue;
      }
      if (Date.now() > deadline) throw new LoopLockBusyError(lock);
      sleep(5);
    }
  }
  try {
    return fn();
  } finally {
    try {
      unlinkSync(lock);
    } catch {
      // broken as stale by another process
    }
  }
}

function lockAge(lock: string): number {
  try {
    return Date.now() - statSync(lock).mtimeMs;
  } catch {
    return Infinity;
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** The loop as `cccc status --json` shows it (issue #4 §1: a capped loop is visible, not deleted). */
export interface LoopSummary {
  active: boolean;
  capped: boolean;
  continuations: number;
}

/** The summary of the loop record in `loopDir`, or null when there is none (or it is unreadable). */
export function loopSummary(loopDir: string): LoopSummary | null {
  const record = readLoopFile(loopDir);
  return record === null ? null : { active: record.active, capped: record.capped, continuations: record.continuations };
}

/** One human line for `cccc status`, e.g. `Loop:      active, 3 continuations, CAPPED`. */
export function formatLoopSummary(loop: LoopSummary): string {
  return `Loop:      ${loop.active ? 'active' : 'stopped'}, ${loop.continuations} continuation(s)${loop.capped ? ', CAPPED (budget spent)' : ''}`;
}

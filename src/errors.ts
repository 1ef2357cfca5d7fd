/**
 * Typed errors with a stable code, a hint and an exit code (style.md habit 2). Commands throw these; only the
 * entry file (`src/bin.ts`) turns them into output and `process.exitCode`. The exit-code table is
 * {@link EXIT_CODES} and is reproduced in the README.
 */

/**
 * Exit codes, one place (README "Exit codes").
 * - 0 ok
 * - 1 internal error (a bug; please report)
 * - 2 usage: bad flags or arguments
 * - 3 refused: the command is not allowed in the current status (wrong step, refused resume, gate not passed)
 * - 4 invalid input: a file cccc reads (config, state, milestones, self-review, verdict) is missing or invalid
 * - 5 locked: another cccc process holds the workspace lock
 * - 6 Codex unavailable or failed (the workflow is paused for Codex)
 * - 7 not set up: no `docs/cccc/config.json` (run `cccc setup`), or not a git repository
 * - 8 check failed: `doctor` found a FAIL, `gates assert` found a mismatch, `trace --verify` diverged
 */
export const EXIT_CODES = {
  OK: 0,
  INTERNAL: 1,
  USAGE: 2,
  REFUSED: 3,
  INVALID_INPUT: 4,
  LOCKED: 5,
  CODEX: 6,
  NOT_SET_UP: 7,
  CHECK_FAILED: 8,
} as const;

/** A process exit code from {@link EXIT_CODES}. */
export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];

/** Base class: `code` is stable (tests and `--json` consumers match on it), `hint` says how to fix it. */
export class CcccError extends Error {
  readonly code: string;
  readonly hint: string | null;
  readonly exitCode: ExitCode;
  /** Extra machine-readable detail for `--json` error output. */
  readonly details: Record<string, unknown>;

  constructor(code: string, message: string, options: { hint?: string | null; exitCode?: ExitCode; details?: Record<string, unknown>; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.hint = options.hint ?? null;
    this.exitCode = options.exitCode ?? EXIT_CODES.INTERNAL;
    this.details = options.details ?? {};
  }

  /** The `--json` form of the error: `{error: {code, message, hint, details}}`. */
  toJSON(): { error: { code: string; message: string; hint: string | null; details: Record<string, unknown> } } {
    return { error: { code: this.code, message: this.message, hint: this.hint, details: this.details } };
  }
}

/** Bad flags or arguments (exit 2). */
export class UsageError extends CcccError {
  constructor(message: string, hint?: string, details?: Record<string, unknown>) {
    super('USAGE', message, { hint, exitCode: EXIT_CODES.USAGE, details });
  }
}

/** The command is not allowed now — wrong step, refused resume, unmet guard (exit 3). */
export class RefusedError extends CcccError {
  constructor(code: string, message: string, hint?: string, details?: Record<string, unknown>) {
    super(code, message, { hint, exitCode: EXIT_CODES.REFUSED, details });
  }
}

/** A file cccc reads is missing, unparseable or invalid; names the file, the field and the fix (exit 4). */
export class InvalidInputError extends CcccError {
  constructor(code: string, message: string, hint?: string, details?: Record<string, unknown>, cause?: unknown) {
    super(code, message, { hint, exitCode: EXIT_CODES.INVALID_INPUT, details, cause });
  }
}

/** Another process holds the workspace lock (exit 5). */
export class LockedError extends CcccError {
  constructor(message: string, hint?: string) {
    super('STATE_LOCKED', message, { hint, exitCode: EXIT_CODES.LOCKED });
  }
}

/** Codex is unavailable or failed (exit 6). `code` is `CODEX_<REASON>`. */
export class CodexError extends CcccError {
  constructor(code: string, message: string, hint?: string, details?: Record<string, unknown>) {
    super(code, message, { hint, exitCode: EXIT_CODES.CODEX, details });
  }
}

/** The workspace is not set up, or the folder is not a git repository (exit 7). */
export class NotSetUpError extends CcccError {
  constructor(code: string, message: string, hint?: string) {
    super(code, message, { hint, exitCode: EXIT_CODES.NOT_SET_UP });
  }
}

/** A check found a problem: doctor FAIL, gate assert mismatch, replay divergence (exit 8). */
export class CheckFailedError extends CcccError {
  constructor(code: string, message: string, hint?: string, details?: Record<string, unknown>) {
    super(code, message, { hint, exitCode: EXIT_CODES.CHECK_FAILED, details });
  }
}

/**
 * The one status table of cccc.
 *
 * Every consumer — the machine, the Stop hook, `cccc gates`, `cccc doctor`, `cccc resume` — reads whether a
 * status is active, paused, idle or terminal, and which resume strategies it accepts, from here and never
 * keeps its own list (brief, "Architecture rules"; the original's four inconsistent lists are inventory §2.3).
 *
 * This file has no imports on purpose: the Stop hook loads it on its hot path.
 */

/**
 * How a status behaves.
 * - `active`: the workflow is mid-run and someone (Claude or `cccc review`) has a move; the Stop hook may
 *   continue it.
 * - `paused`: a human must decide (`cccc resume`); the Stop hook always lets Claude stop.
 * - `idle`: nothing to do until a task is started (`SETUP_COMPLETE`).
 * - `terminal`: the run is over (`DONE`); `cccc start` begins a new run.
 */
export type StatusKind = 'active' | 'paused' | 'idle' | 'terminal';

/** Whose move a status waits for. `codex` means `cccc review` must be run (by Claude or a person). */
export type StatusActor = 'user' | 'claude' | 'codex' | 'human' | 'none';

/**
 * Resume strategies (issue #2 §2, issue #6 for `bypass-codex`).
 * - `recommended`: back to the interrupted status.
 * - `extend-review`: one more review round (only `REVIEW_THRESHOLD_EXCEEDED`).
 * - `skip`: skip the current milestone, recorded as skipped (needs `--confirm`).
 * - `mock`: continue with mock secrets, lower assurance (only `NEEDS_SECRET`).
 * - `replan`: back to `CLAUDE_PLANNING_REVIEW`, invalidating the plan approval.
 * - `bypass-codex`: policy-checked Codex bypass (only `PAUSED_FOR_CODEX`).
 */
export const RESUME_STRATEGIES = ['recommended', 'extend-review', 'skip', 'mock', 'replan', 'bypass-codex'] as const;
/** One of {@link RESUME_STRATEGIES}. */
export type ResumeStrategy = (typeof RESUME_STRATEGIES)[number];

/** A status row: its kind, whose move it is, the resume strategies it accepts, and which of them need `--confirm`. */
export interface StatusRow {
  readonly kind: StatusKind;
  readonly actor: StatusActor;
  /** Strategies `cccc resume --strategy` accepts in this status (empty unless paused). */
  readonly resume: readonly ResumeStrategy[];
  /** Strategies that are refused without `--confirm` in this status. */
  readonly confirm: readonly ResumeStrategy[];
  /** The gate a `cccc review` run in this status decides, if any. */
  readonly gate: 'plan' | 'milestone' | 'final' | null;
}

const active = (actor: StatusActor, gate: StatusRow['gate'] = null): StatusRow => ({
  kind: 'active',
  actor,
  resume: [],
  confirm: [],
  gate,
});

const paused = (resume: ResumeStrategy[], confirm: ResumeStrategy[]): StatusRow => ({
  kind: 'paused',
  actor: 'human',
  resume,
  confirm,
  gate: null,
});

/**
 * Every status, with the names kept from the original skill (inventory §2.2) so its users recognise them.
 * Rules for the pause rows come from issue #2 §2 ("Resume strategies"): `recommended` is refused for `UNSAFE`;
 * `NEEDS_SECRET` and `SENSITIVE_OPERATION` need `--confirm`; `skip` needs `--confirm` and is refused for
 * `UNSAFE` and `SENSITIVE_OPERATION`; `replan` works from any pause and is the only way out of `UNSAFE`
 * (with `--confirm`). `REVIEW_THRESHOLD_EXCEEDED` has no `recommended` (returning to the review would
 * exceed the threshold again); `NEEDS_REPLAN` only accepts `replan`. `PAUSED_FOR_CODEX` also accepts
 * `bypass-codex` with `--confirm`, further checked by the bypass policy (issue #6, `bypass.ts`).
 */
export const STATUS_TABLE = {
  SETUP_COMPLETE: { kind: 'idle', actor: 'user', resume: [], confirm: [], gate: null },
  DISCOVER_EXISTING_PROJECT: active('claude'),
  CLAUDE_PLANNING_REVIEW: active('claude'),
  CODEX_ADVERSARIAL_PLAN_REVIEW: active('codex', 'plan'),
  CLAUDE_REVISE_PLAN: active('claude'),
  IMPLEMENT_MILESTONE: active('claude'),
  CODEX_MILESTONE_REVIEW: active('codex', 'milestone'),
  CLAUDE_FIX: active('claude'),
  CODEX_FINAL_REVIEW: active('codex', 'final'),
  DONE: { kind: 'terminal', actor: 'none', resume: [], confirm: [], gate: null },
  PAUSED_FOR_HUMAN: paused(['recommended', 'skip', 'replan'], ['skip']),
  NEEDS_SECRET: paused(['recommended', 'mock', 'skip', 'replan'], ['recommended', 'skip']),
  SENSITIVE_OPERATION: paused(['recommended', 'replan'], ['recommended']),
  UNSAFE: paused(['replan'], ['replan']),
  PAUSED_FOR_CODEX: paused(['recommended', 'skip', 'replan', 'bypass-codex'], ['skip', 'bypass-codex']),
  PAUSED_FOR_SYSTEM: paused(['recommended', 'skip', 'replan'], ['skip']),
  FAIL_UNCLEAR: paused(['recommended', 'skip', 'replan'], ['skip']),
  REVIEW_THRESHOLD_EXCEEDED: paused(['extend-review', 'skip', 'replan'], ['skip']),
  NEEDS_REPLAN: paused(['replan'], []),
} as const satisfies Record<string, StatusRow>;

/** Every persisted workflow status. */
export type Status = keyof typeof STATUS_TABLE;

/** All statuses, in table order. */
export const STATUSES = Object.keys(STATUS_TABLE) as Status[];

/** Statuses of kind `paused`. */
export type PauseStatus =
  | 'PAUSED_FOR_HUMAN'
  | 'NEEDS_SECRET'
  | 'SENSITIVE_OPERATION'
  | 'UNSAFE'
  | 'PAUSED_FOR_CODEX'
  | 'PAUSED_FOR_SYSTEM'
  | 'FAIL_UNCLEAR'
  | 'REVIEW_THRESHOLD_EXCEEDED'
  | 'NEEDS_REPLAN';

/** Statuses of kind `active`. */
export type ActiveStatus =
  | 'DISCOVER_EXISTING_PROJECT'
  | 'CLAUDE_PLANNING_REVIEW'
  | 'CODEX_ADVERSARIAL_PLAN_REVIEW'
  | 'CLAUDE_REVISE_PLAN'
  | 'IMPLEMENT_MILESTONE'
  | 'CODEX_MILESTONE_REVIEW'
  | 'CLAUDE_FIX'
  | 'CODEX_FINAL_REVIEW';

/**
 * `cccc pause --kind` values and the pause status each one enters. `codex` and `replan` are not offered by
 * `cccc pause` (they are entered by `cccc review`/`codex-check` and `sync-docs`), but share the mapping.
 */
export const PAUSE_KIND_STATUS = {
  human: 'PAUSED_FOR_HUMAN',
  secret: 'NEEDS_SECRET',
  sensitive: 'SENSITIVE_OPERATION',
  unsafe: 'UNSAFE',
  system: 'PAUSED_FOR_SYSTEM',
  codex: 'PAUSED_FOR_CODEX',
  unclear: 'FAIL_UNCLEAR',
  threshold: 'REVIEW_THRESHOLD_EXCEEDED',
  replan: 'NEEDS_REPLAN',
} as const satisfies Record<string, PauseStatus>;

/** A pause kind, e.g. `human` or `secret`. */
export type PauseKind = keyof typeof PAUSE_KIND_STATUS;

/** The pause kinds a person may request with `cccc pause --kind` (issue #2 §5). */
export const USER_PAUSE_KINDS = ['human', 'secret', 'sensitive', 'unsafe', 'system'] as const satisfies readonly PauseKind[];

/** True when `value` is a known status name. */
export function isStatus(value: unknown): value is Status {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(STATUS_TABLE, value);
}

/** The table row for `status`. */
export function statusRow(status: Status): StatusRow {
  return STATUS_TABLE[status];
}

/** True when `status` is of kind `paused`. */
export function isPaused(status: Status): status is PauseStatus {
  return STATUS_TABLE[status].kind === 'paused';
}

/** True when `status` is of kind `active`. */
export function isActive(status: Status): status is ActiveStatus {
  return STATUS_TABLE[status].kind === 'active';
}

/** The pause kind whose status is `status`, or null when `status` is not a pause. */
export function pauseKindOf(status: Status): PauseKind | null {
  for (const [kind, s] of Object.entries(PAUSE_KIND_STATUS)) if (s === status) return kind as PauseKind;
  return null;
}

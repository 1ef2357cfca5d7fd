/**
 * The Stop-hook decision: should Claude be told to keep working, or may it stop? (issue #4 §1)
 *
 * Pure: plain facts in, a {@link StopHookDecision} out. The caller (`cccc hook stop`) reads the hook payload,
 * config, the per-session loop record and the state, calls {@link decideStop}, then persists `loopUpdate` and
 * `pause` and prints `{"decision":"block","reason":…}` only for `action: 'block'`.
 *
 * Hot path: this module imports only the status table (which has no imports) and the reason text builder.
 * No zod, xstate or commander here.
 *
 * Rules, in the order they are checked (the first that fails gives the stable `why` code):
 * 1. the event is `Stop` (a missing `hook_event_name` is tolerated) — else `not-stop-event`;
 * 2. config was readable — else `config-unreadable`;
 * 3. `mode` is `full-auto-safe` — else `mode-not-full-auto-safe`;
 * 4. `automation.stop_hook_loop_enabled` — else `loop-disabled`;
 * 5. a loop record exists and is active — else `no-loop` / `loop-inactive`;
 * 6. the payload has a non-empty `session_id` — else `no-session-id` (an empty id never matches anything:
 *    peers.md §7.11, inventory §10 B17);
 * 7. the loop is unowned (the first non-empty session to get here claims it, see {@link LoopUpdate}) or owned
 *    by this session — else `other-session` (no update: another session's counters are never touched);
 * 8. the loop is not already `capped` — else `capped`;
 * 9. the state was readable (with a finite revision) — else `state-unreadable`;
 * 10. the status is known and of kind `active` in STATUS_TABLE — else `unknown-status`, `status-paused`,
 *     `status-terminal`, `status-idle`;
 * 11. a task is set — else `no-task`;
 * 12. `continuations < maxContinuations` — else `budget-spent` with `loopUpdate.capped = true` (the loop is
 *     marked capped, never deleted: inventory §10 B17);
 * 13. progress: when the state revision did not move since our last block this is a *no-progress* block;
 *     after `maxNoProgressBlocks` of them in a row the stop is allowed with `why: 'no-progress'` and a
 *     `PAUSED_FOR_SYSTEM` pause request — the hook never spins.
 *
 * (`loop-record-unwritable` is never returned here: the caller uses it when it cannot persist a block's
 * `loopUpdate` and therefore allows the stop — an unrecorded continuation would escape the budget.)
 *
 * `stop_hook_active` rule (external-interfaces D1, peers §2.4): the flag is one bit and Claude Code has
 * reported it `false` on re-fires (CC-54360), so cccc's on-disk counters decide, not the flag. A `false` flag
 * never resets a counter. A `true` flag means this stop follows a hook continuation: it may continue only if
 * the revision moved since our last block; when we have no record of a previous block (another hook caused
 * the continuation, or our counters were reset) a `true` flag counts as a no-progress block.
 */
import { STATUS_TABLE } from '../../machines/status-table.js';
import { buildNoProgressPauseReason, buildStopBlockReason } from './stop-reason.js';

/** The Stop-hook payload fields the decision uses (parsed tolerantly by `payload.ts`; wrong types are null). */
export interface StopPayloadFacts {
  /** `session_id`; null or '' when missing. Never matched when empty. */
  sessionId: string | null;
  /** `stop_hook_active`; true only when the payload said exactly `true`. */
  stopHookActive: boolean;
  /** `cwd` (unused by the decision; the caller resolves the workspace from it). */
  cwd: string | null;
  /** `hook_event_name`; null when missing (tolerated as `Stop`). */
  hookEventName: string | null;
}

/** Config facts, from `docs/cccc/config.json` (inventory §3 key names in the comments). */
export interface StopConfigFacts {
  /** `mode`: only `full-auto-safe` lets the hook block. */
  mode: string;
  /** `automation.stop_hook_loop_enabled`. */
  loopEnabled: boolean;
  /** `automation.max_stop_hook_continuations` (count of blocks per loop; default 10 when not a number ≥ 0). */
  maxContinuations: number;
  /** `automation.max_no_progress_blocks` (count; default 2 when not a number ≥ 0). */
  maxNoProgressBlocks: number;
  /** `language.user_language`: `zh…`/Chinese gives Simplified Chinese text, anything else English. */
  language: string;
}

/**
 * The per-session loop record the caller keeps on disk (docs/cccc/runtime/loop/). Counts are plain integers.
 * `ownerSessionId` null (or '') means unclaimed.
 */
export interface LoopRecord {
  /** False after `cccc loop stop`. */
  active: boolean;
  /** The session allowed to be continued; null until claimed (or given by `loop start --session-id`). */
  ownerSessionId: string | null;
  /** True once the continuation budget was spent; the loop stays visible as capped. */
  capped: boolean;
  /** Blocks issued so far in this loop. */
  continuations: number;
  /** State revision at our last block; null before the first block. */
  lastBlockedRevision: number | null;
  /** Consecutive blocks issued without the state revision moving. */
  noProgressBlocks: number;
}

/** State facts, from `docs/cccc/state.json` and `cccc next` (null when the state could not be read). */
export interface StopStateFacts {
  /** Workflow status name; unknown names are never continued. */
  status: string;
  /** State revision (increments on every transition). */
  revision: number;
  /** The current task, or null before `cccc start`. */
  task: string | null;
  milestoneId: string | null;
  milestoneTitle: string | null;
  /** What `cccc next` says to do now (prose). */
  nextInstruction: string;
  /** The command `cccc next` names (e.g. `cccc submit milestone`). */
  nextCommand: string;
}

/** Everything {@link decideStop} looks at. */
export interface StopDecisionInput {
  payload: StopPayloadFacts;
  config: StopConfigFacts | null;
  loop: LoopRecord | null;
  state: StopStateFacts | null;
}

/** New values (not deltas) for the loop record; apply with {@link applyLoopUpdate}. */
export type LoopUpdate = Partial<
  Pick<LoopRecord, 'ownerSessionId' | 'capped' | 'continuations' | 'lastBlockedRevision' | 'noProgressBlocks'>
>;

/** Stable codes for an allowed stop (logged to hooks.jsonl, asserted by tests). */
export type StopAllowWhy =
  | 'not-stop-event'
  | 'config-unreadable'
  | 'mode-not-full-auto-safe'
  | 'loop-disabled'
  | 'no-loop'
  | 'loop-inactive'
  | 'no-session-id'
  | 'other-session'
  | 'capped'
  | 'state-unreadable'
  | 'unknown-status'
  | 'status-paused'
  | 'status-terminal'
  | 'status-idle'
  | 'no-task'
  | 'budget-spent'
  | 'no-progress'
  | 'loop-record-unwritable';

/** The decision. `block.reason` is the text Claude receives as its next instruction (< 10,000 chars). */
export type StopHookDecision =
  | { action: 'allow'; why: StopAllowWhy; loopUpdate?: LoopUpdate; pause?: { kind: 'system'; reason: string } }
  | { action: 'block'; why: 'continue'; reason: string; loopUpdate: LoopUpdate };

/** The allow branch of {@link StopHookDecision}. */
export type StopAllowDecision = Extract<StopHookDecision, { action: 'allow' }>;

/** Defaults used when a config number is missing or invalid (inventory §3 presets). */
export const STOP_DEFAULTS = { maxContinuations: 10, maxNoProgressBlocks: 2 } as const;

/** Decide one Stop event. Never throws on any input shape the types allow. */
export function decideStop(input: StopDecisionInput): StopHookDecision {
  const { payload, config, loop, state } = input;
  if (payload.hookEventName !== null && payload.hookEventName !== 'Stop') return allow('not-stop-event');
  if (config === null) return allow('config-unreadable');
  if (config.mode !== 'full-auto-safe') return allow('mode-not-full-auto-safe');
  if (config.loopEnabled !== true) return allow('loop-disabled');
  if (loop === null) return allow('no-loop');
  if (loop.active !== true) return allow('loop-inactive');

  const sessionId = nonEmpty(payload.sessionId);
  if (sessionId === null) return allow('no-session-id');
  const owner = nonEmpty(loop.ownerSessionId);
  if (owner !== null && owner !== sessionId) return allow('other-session');
  // First non-empty session to stop after `loop start` claims the loop; the claim sticks whatever follows.
  const claim: LoopUpdate = owner === null ? { ownerSessionId: sessionId } : {};
  const allowWith = (why: StopAllowWhy, extra: LoopUpdate = {}): StopAllowDecision =>
    withUpdate({ action: 'allow', why }, { ...claim, ...extra });

  if (loop.capped === true) return allowWith('capped');
  if (state === null || typeof state.revision !== 'number' || !Number.isFinite(state.revision)) return allowWith('state-unreadable');
  const row = Object.prototype.hasOwnProperty.call(STATUS_TABLE, state.status)
    ? STATUS_TABLE[state.status as keyof typeof STATUS_TABLE]
    : null;
  if (row === null) return allowWith('unknown-status');
  if (row.kind !== 'active') return allowWith(`status-${row.kind}`);
  if (nonEmpty(state.task) === null) return allowWith('no-task');

  const maxContinuations = count(config.maxContinuations, STOP_DEFAULTS.maxContinuations);
  const continuations = count(loop.continuations, 0);
  if (continuations >= maxContinuations) return allowWith('budget-spent', { capped: true });

  const lastRevision = finiteOrNull(loop.lastBlockedRevision);
  const noProgress =
    (lastRevision !== null && lastRevision === state.revision) || (payload.stopHookActive === true && lastRevision === null);
  const previousNoProgress = count(loop.noProgressBlocks, 0);
  const maxNoProgress = count(config.maxNoProgressBlocks, STOP_DEFAULTS.maxNoProgressBlocks);
  if (noProgress && previousNoProgress >= maxNoProgress) {
    return {
      ...allowWith('no-progress'),
      pause: { kind: 'system', reason: buildNoProgressPauseReason(config.language, previousNoProgress, state.revision) },
    };
  }
  const used = continuations + 1;
  return {
    action: 'block',
    why: 'continue',
    reason: buildStopBlockReason({ language: config.language, state, used, max: maxContinuations }),
    loopUpdate: {
      ...claim,
      continuations: used,
      lastBlockedRevision: state.revision,
      noProgressBlocks: noProgress ? previousNoProgress + 1 : 0,
    },
  };
}

/** The loop record after `update` (a shallow merge; `update` holds new values, not deltas). */
export function applyLoopUpdate(loop: LoopRecord, update: LoopUpdate): LoopRecord {
  return { ...loop, ...update };
}

function allow(why: StopAllowWhy): StopHookDecision {
  return { action: 'allow', why };
}

function withUpdate(decision: StopAllowDecision, update: LoopUpdate): StopAllowDecision {
  return Object.keys(update).length === 0 ? decision : { ...decision, loopUpdate: update };
}

function nonEmpty(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** A non-negative integer count, or `fallback` when `value` is not a finite number ≥ 0. */
function count(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.floor(value) : fallback;
}

function finiteOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

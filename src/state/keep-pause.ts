/**
 * Keeping a pause across a rebuild (issue #5: repair "never changes a pause into an active status"; reset and
 * update likewise — the original's repair set `UNSAFE` to ready, inventory §8.4 and §10 #14). When a rebuilt
 * state would not be the pause an older record shows (a corrupt state.json that still names `UNSAFE`, a state
 * ahead of its journal, an original workspace paused for a secret), the rebuild appends machine events that
 * enter that same pause, with its reason, so a human still has to resume it through the guarded strategies.
 */
import { isPaused, pauseKindOf, STATUS_TABLE, type PauseStatus, type Status } from '../../machines/status-table.js';
import type { EventPayload } from './rebuild.js';

/** A pause that must survive a rebuild: its status, the reason to show, and where it was found. */
export interface PauseToKeep {
  status: PauseStatus;
  reason: string;
  /** Where the pause was read, e.g. `state.json (corrupt)`; shown in reports. */
  source: string;
}

/** The task recorded when a pause must be kept but no task is known (the machine only pauses a running task). */
export const UNKNOWN_TASK = '(task unknown: rebuilt by cccc; see docs/cccc/project-brief.md)';

/**
 * Events that take the workflow from `current` into `keep.status`: none when it is already there; one
 * `pause.requested` from an active status; a `task.started` (with `task`, or {@link UNKNOWN_TASK}) first from
 * `SETUP_COMPLETE`/`DONE`. Returns null when `current` is a different pause: the machine refuses a pause request
 * while paused (only a human's `resume` leaves a pause), so the caller must not rebuild that way. The reason says
 * the pause was kept and where it came from.
 */
export function eventsToKeepPause(current: Status, keep: PauseToKeep, task: string | null): EventPayload[] | null {
  if (current === keep.status) return [];
  const kind = pauseKindOf(keep.status);
  const rowKind = STATUS_TABLE[current].kind;
  if (kind === null || rowKind === 'paused') return null;
  const events: EventPayload[] = [];
  if (rowKind === 'idle' || rowKind === 'terminal') events.push({ type: 'task.started', task: task ?? UNKNOWN_TASK });
  events.push({ type: 'pause.requested', kind, reason: keptReason(keep), code: 'kept_pause' });
  return events;
}

/** The reason recorded for a kept pause: the original reason and where it was found. */
export function keptReason(keep: PauseToKeep): string {
  return `${keep.reason} (pause kept from ${keep.source})`;
}

/**
 * The pause named by state text that could not be used (corrupt JSON, failed validation, or a state ahead of
 * the journal): looks for a paused `status` (top level or `snapshot.value`) and its `snapshot.context.pause.reason`.
 * Falls back to a regex on the raw text when it does not parse. Returns null when no pause is named.
 */
export function pauseNamedIn(text: string, source: string): PauseToKeep | null {
  let status: unknown;
  let reason: unknown;
  try {
    const value = JSON.parse(text) as { status?: unknown; snapshot?: { value?: unknown; context?: { pause?: { reason?: unknown } } } };
    status = value?.status ?? value?.snapshot?.value;
    reason = value?.snapshot?.context?.pause?.reason;
  } catch {
    status = /"status"\s*:\s*"([A-Z_]+)"/.exec(text)?.[1];
  }
  if (typeof status !== 'string' || !(status in STATUS_TABLE) || !isPaused(status as Status)) return null;
  return { status: status as PauseStatus, reason: typeof reason === 'string' && reason ? reason : `state.json said ${status}`, source };
}

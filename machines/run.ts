/**
 * Running the workflow machine as pure functions (xstate `initialTransition` / `transition`), and turning
 * snapshots into the persisted `{value, context}` form and back. `src/state/` builds on these; replay
 * (`cccc trace --verify`) folds journal events through {@link applyEvent}.
 */
import { initialTransition, transition, type SnapshotFrom } from 'xstate';
import { isStatus, type Status } from './status-table.js';
import type { WorkflowContext, WorkflowEvent } from './types.js';
import { workflowMachine } from './workflow.js';

/** A live machine snapshot. */
export type WorkflowSnapshot = SnapshotFrom<typeof workflowMachine>;

/** The persisted form of a snapshot: the status and the context, nothing else (no actors, no history). */
export interface PersistedWorkflow {
  value: Status;
  context: WorkflowContext;
}

/** The snapshot of a freshly set-up workspace (`SETUP_COMPLETE`). */
export function initialSnapshot(): WorkflowSnapshot {
  return initialTransition(workflowMachine)[0];
}

/**
 * Restore a snapshot from its persisted form. Throws `Error` when the status is unknown or xstate resolves
 * it into an error snapshot (an incompatible snapshot is restored as `status: 'error'` rather than thrown —
 * style.md §5), so a bad file never silently becomes a fresh workflow.
 */
export function restoreSnapshot(persisted: PersistedWorkflow): WorkflowSnapshot {
  if (!isStatus(persisted.value)) throw new Error(`unknown status ${JSON.stringify(persisted.value)}`);
  const snapshot = workflowMachine.resolveState({ value: persisted.value, context: persisted.context });
  if (snapshot.status !== 'active' && snapshot.status !== 'done') {
    throw new Error(`xstate restored the snapshot as ${snapshot.status}`);
  }
  return snapshot;
}

/** The persisted form of `snapshot`. */
export function persistSnapshot(snapshot: WorkflowSnapshot): PersistedWorkflow {
  return { value: snapshot.value as Status, context: snapshot.context };
}

/** The status of `snapshot`. */
export function statusOfSnapshot(snapshot: WorkflowSnapshot): Status {
  return snapshot.value as Status;
}

/** Result of {@link applyEvent}: the next snapshot, and whether the event changed anything. */
export interface Applied {
  snapshot: WorkflowSnapshot;
  changed: boolean;
}

/**
 * Apply one event. `changed` is false when no transition was enabled (a refused event: wrong status, a guard
 * said no); the caller then reports the refusal instead of writing a new revision.
 */
export function applyEvent(snapshot: WorkflowSnapshot, event: WorkflowEvent): Applied {
  const [next] = transition(workflowMachine, snapshot, event);
  const changed =
    next.value !== snapshot.value || JSON.stringify(next.context) !== JSON.stringify(snapshot.context);
  return { snapshot: next, changed };
}

/** Replay `events` from the initial snapshot; returns the final snapshot and the index of any refused event. */
export function replay(events: readonly WorkflowEvent[], from: WorkflowSnapshot = initialSnapshot()): { snapshot: WorkflowSnapshot; refusedAt: number | null } {
  let snapshot = from;
  for (let i = 0; i < events.length; i++) {
    const result = applyEvent(snapshot, events[i]!);
    if (!result.changed) return { snapshot, refusedAt: i };
    snapshot = result.snapshot;
  }
  return { snapshot, refusedAt: null };
}

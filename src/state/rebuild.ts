/**
 * Writing state that `repair`, `reset` and `update` rebuilt (issue #5). Every write keeps the journal the
 * source of truth, so `cccc trace --verify` passes afterwards: either state.json becomes the replay of the
 * existing journal (plus any events appended here, each journaled first), or a fresh journal is written whose
 * replay from the initial snapshot is exactly the new state. Callers hold the workspace lock and have made
 * their backups; nothing here decides *what* to rebuild.
 */
import { mkdir } from 'node:fs/promises';
import writeFileAtomic from 'write-file-atomic';
import { applyEvent, initialSnapshot, persistSnapshot, restoreSnapshot, statusOfSnapshot, type PersistedWorkflow } from '../../machines/run.js';
import type { Limits, WorkflowEvent } from '../../machines/types.js';
import { MACHINE_VERSION } from '../../machines/workflow.js';
import type { WorkspacePaths } from '../workspace/paths.js';
import { STATE_SCHEMA_VERSION, type StateEnvelope } from './envelope.js';
import { appendJournal, type Actor, type JournalEntry } from './journal.js';
import { writeEnvelope } from './store.js';

/** A workflow event without its `at` and `limits` (they are stamped by {@link stampEvent}). */
export type EventPayload = WithoutBase<WorkflowEvent>;
type WithoutBase<E> = E extends WorkflowEvent ? Omit<E, 'at' | 'limits'> : never;

/** `payload` with the time and limits every journaled event carries. */
export function stampEvent(payload: EventPayload, at: string, limits: Limits): WorkflowEvent {
  return { ...payload, at, limits } as WorkflowEvent;
}

/** The envelope of a persisted snapshot at `revision`, last changed at `updatedAt`. */
export function envelopeOf(persisted: PersistedWorkflow, revision: number, updatedAt: string): StateEnvelope {
  return {
    schemaVersion: STATE_SCHEMA_VERSION,
    machineVersion: MACHINE_VERSION,
    revision,
    status: persisted.value,
    updatedAt,
    snapshot: persisted,
  };
}

/**
 * Fold `events` onto `base` (revision `base.revision`), producing one journal entry each. Pure. Throws `Error`
 * when the machine refuses an event: the caller built a sequence the machine does not allow (a bug).
 */
export function foldEvents(base: StateEnvelope, events: readonly WorkflowEvent[], actor: Actor): { entries: JournalEntry[]; envelope: StateEnvelope } {
  let snapshot = restoreSnapshot(base.snapshot);
  let envelope = base;
  const entries: JournalEntry[] = [];
  for (const event of events) {
    const from = statusOfSnapshot(snapshot);
    const result = applyEvent(snapshot, event);
    if (!result.changed) throw new Error(`internal: the machine refused ${event.type} in ${from} while rebuilding state`);
    snapshot = result.snapshot;
    const entry: JournalEntry = { revision: envelope.revision + 1, at: event.at, actor, event, from, to: statusOfSnapshot(snapshot) };
    entries.push(entry);
    envelope = envelopeOf(persistSnapshot(snapshot), entry.revision, event.at);
  }
  return { entries, envelope };
}

/** {@link foldEvents} from the initial snapshot (revision 0, `SETUP_COMPLETE`, updated at `at`). */
export function journalFromEvents(events: readonly WorkflowEvent[], actor: Actor, at: string): { entries: JournalEntry[]; envelope: StateEnvelope } {
  return foldEvents(envelopeOf(persistSnapshot(initialSnapshot()), 0, at), events, actor);
}

/**
 * Append `events` after `base`, which must already equal the replay of the journal on disk: each entry is
 * appended and fsynced, then state.json is written (write-ahead, as `dispatch` does). Returns the new envelope.
 */
export async function appendEvents(paths: WorkspacePaths, base: StateEnvelope, events: readonly WorkflowEvent[], actor: Actor): Promise<StateEnvelope> {
  const { entries, envelope } = foldEvents(base, events, actor);
  for (const entry of entries) await appendJournal(paths.journal, entry);
  await writeEnvelope(paths, envelope);
  return envelope;
}

/**
 * Replace the journal with `entries` (one atomic rename, fsynced) and then write `envelope`. The caller copied
 * the old journal into a backup first; there is never a moment without a journal file.
 */
export async function writeFreshJournal(paths: WorkspacePaths, entries: readonly JournalEntry[], envelope: StateEnvelope): Promise<void> {
  await mkdir(paths.logs, { recursive: true });
  await writeFileAtomic(paths.journal, entries.map((e) => `${JSON.stringify(e)}\n`).join(''), { fsync: true });
  await writeEnvelope(paths, envelope);
}

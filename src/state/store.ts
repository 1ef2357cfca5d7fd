/**
 * The state store: every mutation is lock → read → validate → roll forward → pure transition → append
 * journal (fsync) → write temp + fsync + rename (write-file-atomic) → unlock (issue #2 §3, style.md §6).
 * The critical section is short; long work such as a Codex run happens outside it.
 */
import { mkdir, readFile } from 'node:fs/promises';
import writeFileAtomic from 'write-file-atomic';
import { applyEvent, initialSnapshot, persistSnapshot, restoreSnapshot, statusOfSnapshot } from '../../machines/run.js';
import type { WorkflowEvent } from '../../machines/types.js';
import { MACHINE_VERSION } from '../../machines/workflow.js';
import { NotSetUpError, RefusedError } from '../errors.js';
import type { WorkspacePaths } from '../workspace/paths.js';
import { STATE_SCHEMA_VERSION, parseEnvelope, serializeEnvelope, type StateEnvelope } from './envelope.js';
import { appendJournal, journalEntriesAfter, type Actor, type JournalEntry } from './journal.js';
import { withLock } from './lock.js';

/**
 * Read and validate `state.json` (no lock; a reader sees either the old or the new file, never a torn one,
 * because writes rename). Throws {@link NotSetUpError} `STATE_MISSING`, or the errors of {@link parseEnvelope}.
 */
export async function readState(paths: WorkspacePaths): Promise<StateEnvelope> {
  let text: string;
  try {
    text = await readFile(paths.state, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new NotSetUpError('STATE_MISSING', `${paths.rel(paths.state)} does not exist.`, 'Run `cccc setup` first (or `cccc repair` if the journal exists).');
    }
    throw error;
  }
  return parseEnvelope(text, paths.rel(paths.state));
}

/** The envelope of a freshly set-up workspace (revision 0, `SETUP_COMPLETE`). */
export function initialEnvelope(at: string): StateEnvelope {
  const snapshot = initialSnapshot();
  return {
    schemaVersion: STATE_SCHEMA_VERSION,
    machineVersion: MACHINE_VERSION,
    revision: 0,
    status: statusOfSnapshot(snapshot),
    updatedAt: at,
    snapshot: persistSnapshot(snapshot),
  };
}

/** Write an envelope atomically (temp file, fsync, rename). Callers hold the lock. */
export async function writeEnvelope(paths: WorkspacePaths, envelope: StateEnvelope): Promise<void> {
  await writeFileAtomic(paths.state, serializeEnvelope(envelope), { fsync: true });
}

/** Create `state.json` at revision 0 when it does not exist (setup). Returns false when it already existed. */
export async function initState(paths: WorkspacePaths, at: string): Promise<boolean> {
  await mkdir(paths.logs, { recursive: true });
  return withLock(paths.state, async () => {
    try {
      await readFile(paths.state);
      return false;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    await writeEnvelope(paths, initialEnvelope(at));
    return true;
  });
}

/** Result of {@link dispatch}. */
export interface Dispatched {
  before: StateEnvelope;
  after: StateEnvelope;
  entry: JournalEntry;
  /** Journal entries that were committed but missing from state.json, rolled forward first. */
  rolledForward: number;
}

/**
 * Apply `event` under the lock. Refused events (no enabled transition) throw {@link RefusedError}
 * `EVENT_REFUSED` (or `refusal` if given, computed by the caller to explain why) and write nothing.
 */
export async function dispatch(
  paths: WorkspacePaths,
  event: WorkflowEvent,
  actor: Actor,
  refusal?: (state: StateEnvelope) => RefusedError,
): Promise<Dispatched> {
  await mkdir(paths.logs, { recursive: true });
  return withLock(paths.state, async () => {
    let before = await readState(paths);
    const pending = await journalEntriesAfter(paths.journal, before.revision);
    let snapshot = restoreSnapshot(before.snapshot);
    for (const entry of pending) snapshot = applyEvent(snapshot, entry.event).snapshot;
    if (pending.length > 0) {
      const last = pending[pending.length - 1]!;
      before = { ...before, revision: last.revision, status: statusOfSnapshot(snapshot), updatedAt: last.at, snapshot: persistSnapshot(snapshot) };
    }
    const result = applyEvent(snapshot, event);
    if (!result.changed) {
      if (pending.length > 0) await writeEnvelope(paths, before);
      throw refusal ? refusal(before) : defaultRefusal(before, event);
    }
    const to = statusOfSnapshot(result.snapshot);
    const entry: JournalEntry = { revision: before.revision + 1, at: event.at, actor, event, from: before.status, to };
    const after: StateEnvelope = {
      schemaVersion: STATE_SCHEMA_VERSION,
      machineVersion: MACHINE_VERSION,
      revision: entry.revision,
      status: to,
      updatedAt: event.at,
      snapshot: persistSnapshot(result.snapshot),
    };
    await appendJournal(paths.journal, entry);
    await writeEnvelope(paths, after);
    return { before, after, entry, rolledForward: pending.length };
  });
}

function defaultRefusal(state: StateEnvelope, event: WorkflowEvent): RefusedError {
  return new RefusedError(
    'EVENT_REFUSED',
    `${event.type} is not allowed in ${state.status}.`,
    'Run `cccc next` to see the current step.',
    { status: state.status, event: event.type },
  );
}

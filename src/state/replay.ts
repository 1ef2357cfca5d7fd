/**
 * Deterministic journal replay (issue #5, `cccc trace --verify`): fold every journal entry through the machine
 * from the initial snapshot, checking that revisions run 1, 2, 3, … without a gap or duplicate, that the machine
 * accepts each event, and that it leaves the status the line recorded. Pure (no I/O): `verify.ts` reads the
 * files, `repair`/`reset` rebuild state from the result.
 *
 * Events carry their own `at` and `limits` (machines/types.ts `EventBase`), so a replay decides exactly as the
 * live run did; a replay that disagrees means the machine changed (bump `MACHINE_VERSION`) or the journal was
 * edited.
 */
import { applyEvent, initialSnapshot, persistSnapshot, statusOfSnapshot, type PersistedWorkflow, type WorkflowSnapshot } from '../../machines/run.js';
import type { Status } from '../../machines/status-table.js';
import type { WorkflowEvent } from '../../machines/types.js';
import { JournalEventSchema } from './context-schema.js';
import type { JournalEntry } from './journal.js';

/**
 * Why a replay stopped before the end of the journal:
 * - `gap` / `duplicate`: the line's revision is not the previous one + 1 (`expected`);
 * - `invalid_event`: the event lacks `type`, `at` or valid `limits`, or the machine threw on it;
 * - `refused`: the machine has no transition for the event in the replayed status;
 * - `recorded_mismatch`: the line's `from` or `to` disagrees with the replayed status.
 */
export type ReplayProblem =
  | { kind: 'gap' | 'duplicate'; revision: number; expected: number }
  | { kind: 'invalid_event'; revision: number; message: string }
  | { kind: 'refused'; revision: number; event: string; status: Status }
  | { kind: 'recorded_mismatch'; revision: number; field: 'from' | 'to'; journal: string; machine: Status };

/** Result of {@link replayJournal}. */
export interface JournalReplay {
  /** The snapshot after the last entry that replayed (the initial snapshot when none did). */
  persisted: PersistedWorkflow;
  /** Revision of that entry; 0 when none replayed. */
  revision: number;
  /** `at` of that entry, or null. */
  lastAt: string | null;
  /** How many entries replayed. */
  applied: number;
  /** The first problem, or null when the whole journal replayed. */
  problem: ReplayProblem | null;
  /** The snapshot at revision `captureAt` (0 = initial), when it was reached; else null. */
  captured: PersistedWorkflow | null;
}

/** One sentence describing `problem`, naming its revision. */
export function describeProblem(problem: ReplayProblem): string {
  switch (problem.kind) {
    case 'gap':
      return `journal revision ${problem.revision} follows ${problem.expected - 1}: revisions ${problem.expected}…${problem.revision - 1} are missing`;
    case 'duplicate':
      return `journal revision ${problem.revision} appears again (expected ${problem.expected})`;
    case 'invalid_event':
      return `journal revision ${problem.revision} has an invalid event: ${problem.message}`;
    case 'refused':
      return `journal revision ${problem.revision}: the machine refuses ${problem.event} in ${problem.status}`;
    case 'recorded_mismatch':
      return `journal revision ${problem.revision} records ${problem.field} ${problem.journal}, but the replay gives ${problem.machine}`;
  }
}

function checkEvent(entry: JournalEntry): string | null {
  const parsed = JournalEventSchema.safeParse(entry.event);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  return `${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`;
}

/**
 * Replay `entries` (in file order) from `from` (default: the initial snapshot, revision 0). Stops at the first
 * {@link ReplayProblem}. Never throws: a machine error on a malformed event is reported as `invalid_event`.
 */
export function replayJournal(
  entries: readonly JournalEntry[],
  options: { captureAt?: number; from?: WorkflowSnapshot; fromRevision?: number } = {},
): JournalReplay {
  let snapshot = options.from ?? initialSnapshot();
  let revision = options.fromRevision ?? 0;
  let lastAt: string | null = null;
  let captured = options.captureAt === revision ? persistSnapshot(snapshot) : null;
  const done = (problem: ReplayProblem | null, applied: number): JournalReplay => ({
    persisted: persistSnapshot(snapshot),
    revision,
    lastAt,
    applied,
    problem,
    captured,
  });
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    const expected = revision + 1;
    if (entry.revision !== expected) {
      return done({ kind: entry.revision > expected ? 'gap' : 'duplicate', revision: entry.revision, expected }, i);
    }
    const invalid = checkEvent(entry);
    if (invalid) return done({ kind: 'invalid_event', revision: entry.revision, message: invalid }, i);
    const status = statusOfSnapshot(snapshot);
    if (entry.from !== status) return done({ kind: 'recorded_mismatch', revision: entry.revision, field: 'from', journal: entry.from, machine: status }, i);
    let next: WorkflowSnapshot;
    let changed: boolean;
    try {
      ({ snapshot: next, changed } = applyEvent(snapshot, entry.event as WorkflowEvent));
    } catch (error) {
      return done({ kind: 'invalid_event', revision: entry.revision, message: (error as Error).message }, i);
    }
    if (!changed) return done({ kind: 'refused', revision: entry.revision, event: entry.event.type, status }, i);
    const to = statusOfSnapshot(next);
    if (entry.to !== to) return done({ kind: 'recorded_mismatch', revision: entry.revision, field: 'to', journal: entry.to, machine: to }, i);
    snapshot = next;
    revision = entry.revision;
    lastAt = entry.at;
    if (options.captureAt === revision) captured = persistSnapshot(snapshot);
  }
  return done(null, entries.length);
}

/**
 * The first path where `a` and `b` differ (`value`, `context.planRound`, `context.gates[1].verdict`, …), or null
 * when they are deeply equal. Object key order does not matter (state.json is re-parsed JSON).
 */
export function firstDifference(a: unknown, b: unknown, path = ''): string | null {
  if (Object.is(a, b)) return null;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) {
    return path || '(root)';
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const d = i < a.length && i < b.length ? firstDifference(a[i], b[i], `${path}[${i}]`) : `${path}[${i}]`;
      if (d) return d;
    }
    return null;
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(ao), ...Object.keys(bo)])].sort();
  for (const key of keys) {
    const sub = path ? `${path}.${key}` : key;
    if (!(key in ao) || !(key in bo)) return sub;
    const d = firstDifference(ao[key], bo[key], sub);
    if (d) return d;
  }
  return null;
}

/** The value at a path produced by {@link firstDifference} (undefined when absent). */
export function valueAt(root: unknown, path: string): unknown {
  if (path === '(root)') return root;
  let value: unknown = root;
  for (const part of path.match(/[^.[\]]+/g) ?? []) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

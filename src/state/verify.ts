/**
 * Does `state.json` equal the replay of the journal? (issue #5, `cccc trace --verify`; also used by `repair`,
 * `reset` and `doctor`). Reads both files without the lock and never writes. The comparison is on what the
 * machine persists — status, revision and the whole context, deep-equal — not on `updatedAt`.
 */
import { readFile } from 'node:fs/promises';
import type { Status } from '../../machines/status-table.js';
import { MACHINE_VERSION } from '../../machines/workflow.js';
import { CcccError } from '../errors.js';
import type { WorkspacePaths } from '../workspace/paths.js';
import { parseEnvelope, type StateEnvelope } from './envelope.js';
import { parseJournal, type JournalEntry } from './journal.js';
import { describeProblem, firstDifference, replayJournal, valueAt, type JournalReplay, type ReplayProblem } from './replay.js';

/** `state.json` as found: valid, missing, or unusable (`corrupt`: STATE_CORRUPT, `newer`: STATE_NEWER) with its text. */
export type StateRead =
  | { kind: 'valid'; envelope: StateEnvelope; text: string }
  | { kind: 'missing' }
  | { kind: 'corrupt' | 'newer'; text: string; message: string };

/** The journal as found: committed entries, unparseable (torn) non-blank lines, and whether the file exists. */
export interface JournalRead {
  entries: JournalEntry[];
  tornLines: number;
  exists: boolean;
}

/** Read `state.json` into a {@link StateRead}. Throws only on unexpected fs errors (permissions). */
export async function readStateFile(paths: WorkspacePaths): Promise<StateRead> {
  let text: string;
  try {
    text = await readFile(paths.state, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw error;
  }
  try {
    return { kind: 'valid', envelope: parseEnvelope(text, paths.rel(paths.state)), text };
  } catch (error) {
    if (!(error instanceof CcccError)) throw error;
    return { kind: error.code === 'STATE_NEWER' ? 'newer' : 'corrupt', text, message: error.message };
  }
}

/** Read the journal into a {@link JournalRead}. */
export async function readJournalFile(file: string): Promise<JournalRead> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], tornLines: 0, exists: false };
    throw error;
  }
  const entries = parseJournal(text);
  const lines = text.split('\n').filter((l) => l.trim()).length;
  return { entries, tornLines: lines - entries.length, exists: true };
}

/** The verdict of a verification; `ok` only when state.json is reproduced exactly. */
export type VerifyFinding =
  | { kind: 'ok' }
  | { kind: 'state_missing' }
  | { kind: 'state_unreadable'; message: string }
  | { kind: 'journal'; problem: ReplayProblem }
  | { kind: 'behind' | 'ahead'; stateRevision: number; journalRevision: number }
  | { kind: 'diverged'; revision: number; path: string; state: unknown; replay: unknown };

/**
 * The `cccc trace --verify --json` document: `{ok, finding, message, hint, state: {kind, revision, status},
 * journal: {entries, lastRevision, tornLines}, replay: {revision, status, applied}}`.
 */
export interface VerifyReport {
  ok: boolean;
  /** The first revision that differs (divergence, journal problem, or the first revision state.json lacks/has extra). */
  firstBadRevision: number | null;
  finding: VerifyFinding;
  message: string;
  hint: string | null;
  state: { kind: StateRead['kind']; revision: number | null; status: Status | null };
  journal: { entries: number; lastRevision: number; tornLines: number };
  replay: { revision: number; status: Status; applied: number };
  /** The machine version state.json was written with (null when unreadable) and the one that replayed it. */
  machineVersion: { state: number | null; current: number };
}

function decide(state: StateRead, replay: JournalReplay, lastRevision: number): VerifyFinding {
  if (state.kind === 'missing') return { kind: 'state_missing' };
  if (state.kind !== 'valid') return { kind: 'state_unreadable', message: state.message };
  if (replay.problem) return { kind: 'journal', problem: replay.problem };
  const env = state.envelope;
  if (env.revision > lastRevision) return { kind: 'ahead', stateRevision: env.revision, journalRevision: lastRevision };
  const expected = env.revision === replay.revision ? replay.persisted : replay.captured;
  const path = expected ? firstDifference(env.snapshot, expected) : '(root)';
  if (path) return { kind: 'diverged', revision: env.revision, path, state: valueAt(env.snapshot, path), replay: expected ? valueAt(expected, path) : null };
  if (env.revision < lastRevision) return { kind: 'behind', stateRevision: env.revision, journalRevision: lastRevision };
  return { kind: 'ok' };
}

function explain(f: VerifyFinding, replay: JournalReplay): { message: string; hint: string | null; first: number | null } {
  switch (f.kind) {
    case 'ok':
      return { message: `Replayed ${replay.applied} journal entries: state.json (revision ${replay.revision}, ${replay.persisted.value}) is reproduced exactly.`, hint: null, first: null };
    case 'state_missing':
      return { message: 'docs/cccc/state.json does not exist.', hint: 'Run `cccc repair`: it rebuilds state.json from the journal (or a fresh state when there is no journal).', first: null };
    case 'state_unreadable':
      return { message: f.message, hint: 'Run `cccc repair` (corrupt state is rebuilt from the journal after a backup); a newer state needs a newer cccc.', first: null };
    case 'journal':
      return { message: `The journal does not replay: ${describeProblem(f.problem)}.`, hint: 'Run `cccc reset`: it backs up state.json and the journal and rebuilds state, keeping any pause.', first: f.problem.revision };
    case 'behind':
      return { message: `state is behind: state.json is at revision ${f.stateRevision}, the journal at ${f.journalRevision}.`, hint: 'Run `cccc repair` (it rolls state.json forward from the journal).', first: f.stateRevision + 1 };
    case 'ahead':
      return { message: `state.json is at revision ${f.stateRevision} but the journal ends at ${f.journalRevision}: journal lines were lost or state.json was edited by hand.`, hint: 'Run `cccc reset` (it backs both up and rebuilds from the journal, keeping a pause recorded in state.json).', first: f.journalRevision + 1 };
    case 'diverged':
      return { message: `state.json differs from the replay at revision ${f.revision}: first difference at ${f.path} (state.json: ${JSON.stringify(f.state)}, replay: ${JSON.stringify(f.replay)}).`, hint: 'state.json was edited by hand or by another program. Run `cccc reset` to rebuild it from the journal (it is backed up first).', first: f.revision };
  }
}

/** Compare a read state with a read journal (pure). */
export function verifyAgainstJournal(state: StateRead, journal: JournalRead): VerifyReport {
  const captureAt = state.kind === 'valid' ? state.envelope.revision : undefined;
  const replay = replayJournal(journal.entries, { captureAt });
  const lastRevision = journal.entries.reduce((max, e) => Math.max(max, e.revision), 0);
  const finding = decide(state, replay, lastRevision);
  const explained = explain(finding, replay);
  const { message, first } = explained;
  const stateMachine = state.kind === 'valid' ? state.envelope.machineVersion : null;
  // A different machine may decide differently on the same journal: say so rather than blame the files.
  const hint = finding.kind !== 'ok' && stateMachine !== null && stateMachine !== MACHINE_VERSION
    ? `state.json was written by machine version ${stateMachine}; this cccc runs ${MACHINE_VERSION}. Run \`cccc update\`. ${explained.hint ?? ''}`.trim()
    : explained.hint;
  return {
    ok: finding.kind === 'ok',
    firstBadRevision: first,
    finding,
    message,
    hint,
    state: {
      kind: state.kind,
      revision: state.kind === 'valid' ? state.envelope.revision : null,
      status: state.kind === 'valid' ? state.envelope.status : null,
    },
    journal: { entries: journal.entries.length, lastRevision, tornLines: journal.tornLines },
    replay: { revision: replay.revision, status: replay.persisted.value, applied: replay.applied },
    machineVersion: { state: stateMachine, current: MACHINE_VERSION },
  };
}

/** Read state.json and the journal of `paths` and verify them. Read-only. */
export async function verifyWorkspace(paths: WorkspacePaths): Promise<VerifyReport> {
  const [state, journal] = await Promise.all([readStateFile(paths), readJournalFile(paths.journal)]);
  return verifyAgainstJournal(state, journal);
}

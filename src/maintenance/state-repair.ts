/**
 * The state part of `cccc repair` (issue #5): decide from a verification whether state.json can be rebuilt
 * safely — the journal is the source of truth when state.json is missing, corrupt or behind — and do it.
 *
 * Safe means replay only reproduces what the journal says, so a pause stays a pause. When the rebuilt state
 * would not be a pause that a corrupt state.json still names, that pause is re-entered with journaled events
 * ({@link eventsToKeepPause}); when the journal ends in a different pause that is impossible (only a human leaves a
 * pause), so nothing is rebuilt. Everything else — a journal that does not replay, a state ahead of its journal, a
 * hand-edited state, a newer state — is left untouched and reported with `cccc reset` (or an upgrade) as the fix.
 */
import type { Limits } from '../../machines/types.js';
import { eventsToKeepPause, pauseNamedIn, type PauseToKeep } from '../state/keep-pause.js';
import { appendEvents, envelopeOf, stampEvent } from '../state/rebuild.js';
import { replayJournal } from '../state/replay.js';
import { initialEnvelope, writeEnvelope } from '../state/store.js';
import type { JournalRead, StateRead, VerifyReport } from '../state/verify.js';
import type { WorkspacePaths } from '../workspace/paths.js';

/** What to do with state.json. */
export type StateRepairPlan =
  | { action: 'none' }
  | { action: 'initial'; reason: string }
  | { action: 'rebuild'; reason: string; keepPause: PauseToKeep | null }
  | { action: 'skip'; reason: string; hint: string };

/** Decide the state repair from what was read and verified (pure). */
export function planStateRepair(state: StateRead, journal: JournalRead, report: VerifyReport): StateRepairPlan {
  if (report.ok) return { action: 'none' };
  const replayable = report.finding.kind !== 'journal' && replayJournal(journal.entries).problem === null;
  const toReset = 'Run `cccc reset`: it backs up state.json and the journal and rebuilds state, keeping any pause.';
  if (state.kind === 'newer') return { action: 'skip', reason: state.message, hint: 'Upgrade cccc; state.json was left untouched.' };
  if (state.kind === 'missing') {
    if (journal.entries.length === 0) return { action: 'initial', reason: 'state.json was missing and there is no journal: wrote a fresh state (SETUP_COMPLETE, revision 0)' };
    if (replayable) return { action: 'rebuild', reason: 'state.json was missing: rebuilt by replaying the journal', keepPause: null };
    return { action: 'skip', reason: `state.json is missing and ${report.message}`, hint: toReset };
  }
  if (state.kind === 'corrupt') {
    if (journal.entries.length > 0 && replayable) {
      const keepPause = pauseNamedIn(state.text, 'the corrupt state.json');
      if (keepPause && eventsToKeepPause(report.replay.status, keepPause, null) === null) {
        const reason = `state.json is corrupt and names ${keepPause.status}, but the journal ends in ${report.replay.status}; rebuilding would change one pause into another.`;
        return { action: 'skip', reason, hint: 'Decide with a human which pause holds, then run `cccc reset --yes` (it keeps the pause state.json names).' };
      }
      return { action: 'rebuild', reason: 'state.json was corrupt: rebuilt by replaying the journal', keepPause };
    }
    return { action: 'skip', reason: `${state.message} There is no journal that replays to rebuild it from.`, hint: toReset };
  }
  if (report.finding.kind === 'behind') return { action: 'rebuild', reason: `${report.message} Rolled forward from the journal.`, keepPause: null };
  return { action: 'skip', reason: report.message, hint: report.finding.kind === 'journal' || report.finding.kind === 'ahead' || report.finding.kind === 'diverged' ? toReset : (report.hint ?? toReset) };
}

/** What {@link applyStateRepair} wrote. */
export interface AppliedStateRepair {
  status: string;
  revision: number;
  /** Events appended to keep a pause (0 when none). */
  appended: number;
}

/**
 * Write the planned state (the caller holds the lock and backed up state.json). `limits` stamp any pause event
 * appended; `at` is the time of that event and of a fresh state.
 */
export async function applyStateRepair(
  paths: WorkspacePaths,
  plan: Extract<StateRepairPlan, { action: 'initial' | 'rebuild' }>,
  journal: JournalRead,
  at: string,
  limits: Limits,
): Promise<AppliedStateRepair> {
  if (plan.action === 'initial') {
    const envelope = initialEnvelope(at);
    await writeEnvelope(paths, envelope);
    return { status: envelope.status, revision: 0, appended: 0 };
  }
  const replay = replayJournal(journal.entries);
  let envelope = envelopeOf(replay.persisted, replay.revision, replay.lastAt ?? at);
  await writeEnvelope(paths, envelope);
  const task = envelope.snapshot.context.task;
  // planStateRepair already refused the case where keeping the pause is impossible (null).
  const events = plan.keepPause ? (eventsToKeepPause(envelope.status, plan.keepPause, task) ?? []).map((p) => stampEvent(p, at, limits)) : [];
  if (events.length) envelope = await appendEvents(paths, envelope, events, 'repair');
  return { status: envelope.status, revision: envelope.revision, appended: events.length };
}

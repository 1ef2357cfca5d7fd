/**
 * `cccc reset [--yes] [--json]` (issue #5 rehydrate; the original always crashed, inventory §8.5, §10 #9): rebuild
 * the runtime state from the journal, the review artifacts and the planning docs, reporting what was inferred and
 * with what confidence. Without `--yes` it only reports what it would do.
 *
 * With `--yes`, under the lock: state.json and the journal are copied to `docs/cccc/backups/reset-<stamp>/`, then
 * - strategy `journal` (the journal replays): state.json becomes the replay, plus any events that keep a pause;
 * - strategy `fresh-journal`: the journal is replaced (atomically) by one whose events — all with actor `repair` —
 *   replay from the initial snapshot to the new state, so `cccc trace --verify` passes after a reset.
 * Planning docs, reviews and logs other than the journal are never touched; the reset is appended to
 * decision-log.md. Inference rules: `src/rehydrate/infer.ts`.
 *
 * JSON: `{applied, strategy, confidence, before: {status, revision, finding}, after: {status, revision, milestone},
 * task, progress, questions, notes, keptPause, backup}`.
 */
import { stat } from 'node:fs/promises';
import { currentMilestoneId } from '../../machines/guards.js';
import type { HumanQuestion } from '../../machines/types.js';
import { NotSetUpError } from '../errors.js';
import { backupFiles } from '../maintenance/backup.js';
import { limitsForRebuild } from '../maintenance/limits.js';
import { appendDecision } from '../plan/decision-log.js';
import { collectEvidence } from '../rehydrate/evidence.js';
import { inferRehydration, type RehydratePlan } from '../rehydrate/infer.js';
import type { StateEnvelope } from '../state/envelope.js';
import type { JournalEntry } from '../state/journal.js';
import type { PauseToKeep } from '../state/keep-pause.js';
import { withLock } from '../state/lock.js';
import { appendEvents, envelopeOf, foldEvents, journalFromEvents, stampEvent, writeFreshJournal } from '../state/rebuild.js';
import { replayJournal } from '../state/replay.js';
import { writeEnvelope } from '../state/store.js';
import { workspacePaths } from '../workspace/paths.js';
import { findWorkspaceRoot } from '../workspace/root.js';
import type { CommandDeps } from './workspace.js';

/** The `cccc reset --json` document. */
export interface ResetResult {
  applied: boolean;
  strategy: RehydratePlan['strategy'];
  confidence: RehydratePlan['confidence'];
  before: { status: string | null; revision: number | null; finding: string };
  after: { status: string; revision: number; milestone: string | null };
  task: string | null;
  progress: RehydratePlan['progress'];
  questions: HumanQuestion[];
  notes: string[];
  keptPause: PauseToKeep | null;
  /** Backup directory (repo-relative) when applied. */
  backup: string | null;
}

/**
 * Reset the workspace containing `deps.cwd` (only a preview unless `options.yes`). Throws `NOT_A_GIT_REPO` /
 * `CONFIG_MISSING` (exit 7) when it is not set up and `STATE_LOCKED` (exit 5) when another process holds the lock.
 */
export async function runReset(options: { yes?: boolean }, deps: Pick<CommandDeps, 'cwd' | 'now'>): Promise<ResetResult> {
  const paths = workspacePaths(findWorkspaceRoot(deps.cwd));
  if (!(await stat(paths.config).catch(() => null))) {
    throw new NotSetUpError('CONFIG_MISSING', `${paths.rel(paths.config)} does not exist.`, 'Run `cccc setup` in this repository first.');
  }
  return withLock(paths.state, async () => {
    const evidence = await collectEvidence(paths);
    const plan = inferRehydration(evidence);
    const now = deps.now();
    const at = now.toISOString();
    const limits = await limitsForRebuild(paths, evidence.journal.entries);
    const stamped = plan.events.map((p) => stampEvent(p, at, limits));
    let base: StateEnvelope | null = null;
    let built: { entries: JournalEntry[]; envelope: StateEnvelope };
    if (plan.strategy === 'journal') {
      const replay = replayJournal(evidence.journal.entries);
      base = envelopeOf(replay.persisted, replay.revision, replay.lastAt ?? at);
      built = foldEvents(base, stamped, 'repair');
    } else {
      built = journalFromEvents(stamped, 'repair', at);
    }
    const result: ResetResult = {
      applied: false,
      strategy: plan.strategy,
      confidence: plan.confidence,
      before: { status: evidence.verify.state.status, revision: evidence.verify.state.revision, finding: evidence.verify.finding.kind },
      after: { status: built.envelope.status, revision: built.envelope.revision, milestone: currentMilestoneId(built.envelope.snapshot.context) },
      task: plan.task,
      progress: plan.progress,
      questions: plan.questions,
      notes: plan.notes,
      keptPause: plan.keptPause,
      backup: null,
    };
    if (!options.yes) return result;
    result.backup = paths.rel((await backupFiles(paths, 'reset', now, [paths.state, paths.journal])).dir);
    if (base) {
      await writeEnvelope(paths, base);
      await appendEvents(paths, base, stamped, 'repair');
    } else {
      await writeFreshJournal(paths, built.entries, built.envelope);
    }
    await appendDecision(paths, {
      at,
      title: `Reset (rehydrate) → ${built.envelope.status}`,
      fields: { confidence: plan.confidence, strategy: plan.strategy, backup: result.backup, notes: plan.notes.join(' ') },
    });
    return { ...result, applied: true };
  });
}

/** Human rendering of {@link ResetResult}. */
export function formatReset(r: ResetResult): string {
  const lines = [
    `${r.applied ? 'Reset done' : 'Reset preview (nothing written; rerun with --yes to apply)'}: ${r.before.status ?? '(no usable state)'} → ${r.after.status} (revision ${r.after.revision})`,
    `Confidence: ${r.confidence} (${r.strategy === 'journal' ? 'replayed the journal' : 'rebuilt from docs and review artifacts; a new journal'})`,
  ];
  if (r.task) lines.push(`Task: ${r.task}`);
  if (r.after.milestone) lines.push(`Milestone: ${r.after.milestone}`);
  for (const note of r.notes) lines.push(`  - ${note}`);
  for (const q of r.questions) {
    lines.push(`Question ${q.id}: ${q.question}`);
    for (const o of q.options) lines.push(`  ${o.id}. ${o.label}${o.id === q.recommended ? ' (recommended)' : ''}`);
    lines.push(`  Answer: cccc answer --question ${q.id} --option <id>; then cccc resume --strategy recommended`);
  }
  if (r.backup) lines.push(`Backup: ${r.backup}`);
  return lines.join('\n');
}

/**
 * `cccc reset` inference (issue #5 rehydrate; the original's is inventory §8.5 — it crashed, §10 #9). Pure:
 * evidence in, a {@link RehydratePlan} out. The plan is a list of machine events, so the rebuilt state is one the
 * machine itself reaches and a journal that replays to it can be written (`trace --verify` passes after a reset).
 *
 * Confidence:
 * - `high`: the journal replays cleanly — the new state is its replay (strategy `journal`, journal kept).
 * - `medium`: the journal is unusable; review artifacts agree with a valid `milestones.yaml`.
 * - `low`: only the docs (or artifacts that do not fit the plan) are left.
 *
 * A reset never fabricates a Claude submission that passes a guard or a Codex verdict: without a usable journal
 * it rebuilds at most to `CLAUDE_PLANNING_REVIEW` (task + discovery facts computed now). When artifacts show the
 * run had got further, the result is ambiguous by construction and ends in `PAUSED_FOR_HUMAN` with the question of
 * `question.ts`. A pause recorded anywhere (state.json, the journal's tail) is kept ({@link eventsToKeepPause}).
 */
import { isPaused, pauseKindOf } from '../../machines/status-table.js';
import type { HumanQuestion } from '../../machines/types.js';
import { eventsToKeepPause, keptReason, pauseNamedIn, type PauseToKeep } from '../state/keep-pause.js';
import type { EventPayload } from '../state/rebuild.js';
import type { RehydrateEvidence } from './evidence.js';
import { inferProgress, type InferredProgress } from './progress.js';
import { describeProgress, resetQuestion } from './question.js';
import { restartRunEvents } from './run-events.js';

/** How sure the reset is of the rebuilt state. */
export type Confidence = 'high' | 'medium' | 'low';

/** What a reset will write. `events` follow the replayed journal (`journal`) or start a fresh one (`fresh-journal`). */
export interface RehydratePlan {
  strategy: 'journal' | 'fresh-journal';
  confidence: Confidence;
  task: string | null;
  /** What the artifacts show (null when the journal decided). */
  progress: InferredProgress | null;
  events: EventPayload[];
  questions: HumanQuestion[];
  keptPause: PauseToKeep | null;
  /** Why, one sentence each, for the report. */
  notes: string[];
}

/** A pause recorded where the journal's replay does not reach (state.json ahead/diverged/corrupt, the journal's unreplayable tail). */
export function pauseToKeep(e: RehydrateEvidence): PauseToKeep | null {
  const finding = e.verify.finding.kind;
  if (e.state.kind === 'valid' && finding !== 'ok' && finding !== 'behind' && isPaused(e.state.envelope.status)) {
    const env = e.state.envelope;
    return { status: env.status as PauseToKeep['status'], reason: env.snapshot.context.pause?.reason ?? env.status, source: 'state.json' };
  }
  if (e.state.kind === 'corrupt') {
    const named = pauseNamedIn(e.state.text, 'the corrupt state.json');
    if (named) return named;
  }
  const tail = e.journal.entries.filter((x) => x.revision > e.verify.replay.revision).at(-1);
  if (tail && isPaused(tail.to)) return { status: tail.to as PauseToKeep['status'], reason: `${tail.to} at journal revision ${tail.revision}`, source: 'the journal' };
  return null;
}

/** The task of the run: the journal's last `task.started`, else state.json's (valid, or read loosely from a corrupt one), else null. */
export function taskOf(e: RehydrateEvidence): string | null {
  const started = e.journal.entries.filter((x) => x.event.type === 'task.started').at(-1)?.event;
  if (started?.type === 'task.started') return started.task;
  if (e.state.kind === 'valid') return e.state.envelope.snapshot.context.task;
  if (e.state.kind === 'corrupt') {
    // A truncated file does not parse: take the first `"task": "…"` string literal of its text.
    const literal = /"task"\s*:\s*("(?:[^"\\]|\\.)*")/.exec(e.state.text)?.[1];
    const task: unknown = literal ? JSON.parse(literal) : null;
    return typeof task === 'string' && task ? task : null;
  }
  return null;
}

function fromJournal(e: RehydrateEvidence, keep: PauseToKeep | null): RehydratePlan | null {
  const status = e.verify.replay.status;
  const notes = [`The journal replays cleanly to revision ${e.verify.replay.revision} (${status}).`];
  if (!e.verify.ok) notes.push(e.verify.message);
  const task = taskOf(e);
  const events = keep ? eventsToKeepPause(status, keep, task) : [];
  // The journal ends in a different pause than the one recorded later: only a human leaves a pause, so the
  // journal cannot be continued into the recorded one — rebuild without it instead.
  if (events === null) return null;
  if (events.length) notes.push(`The pause ${keep!.status} recorded in ${keep!.source} is kept.`);
  return { strategy: 'journal', confidence: e.verify.finding.kind === 'ahead' ? 'medium' : 'high', task, progress: null, events, questions: [], keptPause: keep, notes };
}

function fromArtifacts(e: RehydrateEvidence, keep: PauseToKeep | null): RehydratePlan {
  const task = taskOf(e);
  const valid = e.milestones.errors.length === 0;
  const progress = inferProgress(e.reviews, valid ? e.milestones.milestones : []);
  const hasProgress = valid || e.reviews.length > 0;
  const notes = [`The journal cannot be used (${e.journal.entries.length ? e.verify.message : 'it is missing or empty'}); state is rebuilt from the docs and review artifacts.`];
  const events: EventPayload[] = [];
  const questions: HumanQuestion[] = [];
  let confidence: Confidence = 'low';
  const finished = progress.finalPassed && progress.next === null && progress.planApproved;
  if (!task || finished) {
    const anything = hasProgress || Object.values(e.docs).includes('filled');
    confidence = finished ? 'medium' : anything ? 'low' : 'high';
    notes.push(finished ? `The artifacts show a finished run (${describeProgress(progress)}): start a new task.` : anything ? 'No task is recorded anywhere: run `cccc start "<task>"`; filled discovery docs are accepted by `cccc submit discovery`.' : 'Nothing was recorded: a fresh workspace.');
    if (keep) events.push(...(eventsToKeepPause('SETUP_COMPLETE', keep, task) ?? []));
  } else {
    let question: HumanQuestion | null = null;
    if (hasProgress) {
      const consistent = valid && e.reviews.length > 0 && !progress.unknownMilestones.length && !progress.unreadable.length;
      confidence = consistent ? 'medium' : 'low';
      question = resetQuestion(progress);
      notes.push(`The artifacts show: ${describeProgress(progress)}. Gate records cannot be rebuilt without the journal, so the run pauses for a human.`);
    }
    const restart = restartRunEvents({
      task,
      docs: e.docs,
      question,
      summary: `cccc reset: ${describeProgress(progress)}`,
      concerns: notes.slice(),
      milestones: valid ? e.milestones.milestones : [],
      milestoneErrors: e.milestones.errors,
      code: 'reset',
      pause: keep ? { kind: pauseKindOf(keep.status)!, reason: keptReason(keep) } : null,
    });
    events.push(...restart.events);
    if (restart.events.some((x) => x.type === 'plan.submitted')) questions.push(question!);
    if (!question && !keep) notes.push(`Only the docs are left: the run continues at ${restart.status}.`);
  }
  if (keep) notes.push(`The pause ${keep.status} recorded in ${keep.source} is kept.`);
  if (e.openQuestions) notes.push(`open-questions.md has ${e.openQuestions} open question(s).`);
  return { strategy: 'fresh-journal', confidence, task, progress, events, questions, keptPause: keep, notes };
}

/** Decide the reset from `evidence` (pure). */
export function inferRehydration(evidence: RehydrateEvidence): RehydratePlan {
  const keep = pauseToKeep(evidence);
  const usable = evidence.journal.entries.length > 0 && evidence.verify.replay.applied === evidence.journal.entries.length;
  const journal = usable ? fromJournal(evidence, keep) : null;
  if (journal) return journal;
  const rebuilt = fromArtifacts(evidence, keep);
  if (usable) rebuilt.notes.unshift(`The journal ends in ${evidence.verify.replay.status}, a different pause than ${keep!.status} in ${keep!.source}; it is not continued.`);
  return rebuilt;
}

/**
 * State schema 0 → 1: the original skill's flat `docs/cccc/state.json` (inventory §4.1: `status`,
 * `current_milestone_id`, `completed_milestones`, `pause_reason`, counters, Codex sub-statuses…) into cccc.
 * Pure. cccc's state is a machine snapshot proven by its journal, so the result is not a state object but the
 * machine events that reach the migrated state; `cccc update` writes them as a fresh journal (so
 * `cccc trace --verify` passes) and state.json as their replay.
 *
 * Status mapping: `status-map.ts`. Pauses stay pauses (with the original `pause_reason`). A run past the plan gate
 * pauses for a human with question `U1`. Milestone progress is carried into the context as that question and the
 * pausing self-review's concerns — not as passed outcomes: the original's gate results cannot be verified
 * (inventory §10 A1–A4, B16), and cccc never records a milestone as passed without a Codex gate record.
 */
import type { DocState, HumanQuestion } from '../../../machines/types.js';
import type { MilestonePlan } from '../../plan/milestones.js';
import { restartRunEvents } from '../../rehydrate/run-events.js';
import { UNKNOWN_TASK } from '../../state/keep-pause.js';
import type { EventPayload } from '../../state/rebuild.js';
import type { JsonObject, MigrationNote } from '../note.js';
import { mapOriginalStatus, type OriginalStatusMapping } from './status-map.js';

/** Id of the migration question (answer with `cccc answer --question U1 --option <id>`). */
export const MIGRATION_QUESTION_ID = 'U1';

/** Facts of the workspace the migration needs: doc states (discovery docs at least) and milestones.yaml. */
export interface WorkspaceFacts {
  docs: Record<string, DocState>;
  milestones: MilestonePlan;
}

/** Result of {@link migrateOriginalState}. */
export interface StateMigration {
  events: EventPayload[];
  notes: MigrationNote[];
  /** The original status and its mapping. */
  original: { status: string; task: string | null; milestone: string | null; completed: string[] };
  mapping: OriginalStatusMapping;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() && v !== 'null' ? v : null);

function migrationQuestion(status: string, milestone: string | null, completed: string[]): HumanQuestion {
  const where = [milestone && `current milestone ${milestone}`, completed.length && `completed ${completed.join(', ')}`].filter(Boolean).join('; ');
  return {
    id: MIGRATION_QUESTION_ID,
    question:
      `The original skill's run was at ${status}${where ? ` (${where})` : ''}. cccc needs the plan in docs/cccc/milestones.yaml and a ` +
      'Codex plan review before implementation continues. How should the plan be written?',
    options: [
      ...(completed.length ? [{ id: 'A', label: `List only the milestones not completed yet (skip ${completed.join(', ')})` }] : []),
      { id: 'B', label: 'List every milestone of milestone-backlog.md again' },
      { id: 'C', label: 'Start the plan over' },
    ],
    recommended: completed.length ? 'A' : 'B',
  };
}

function fieldNotes(s: JsonObject, notes: MigrationNote[]): void {
  notes.push({ level: 'info', path: '(file)', message: "the original's counters, Codex sub-statuses and timestamps are not carried over (they are in the backup)" });
  if ('enabled' in s || 'mode' in s) notes.push({ level: 'info', path: 'enabled', message: 'deprecated state fields enabled/mode dropped (the mode lives in config.json)' });
  const rechecks = Array.isArray(s.pending_codex_recheck) ? s.pending_codex_recheck.length : 0;
  if (rechecks) notes.push({ level: 'warn', path: 'pending_codex_recheck', message: `${rechecks} gate(s) were bypassed in the original and never rechecked by Codex` });
  if (s.lower_assurance_mode === true) notes.push({ level: 'warn', path: 'lower_assurance_mode', message: 'the original run was in lower-assurance mode (a bypassed Codex gate)' });
  const risks = strings(s.known_risks);
  if (risks.length) notes.push({ level: 'info', path: 'known_risks', message: `not carried over; keep them in risk-register.md: ${risks.join('; ')}` });
  const blocked = strings(s.blocked_milestones);
  if (blocked.length) notes.push({ level: 'info', path: 'blocked_milestones', message: `skipped in the original: ${blocked.join(', ')}` });
}

/** Migrate an original (schema 0) state object, given the workspace facts. */
export function migrateOriginalState(s: JsonObject, facts: WorkspaceFacts): StateMigration {
  const status = text(s.status) ?? 'SETUP_COMPLETE';
  const mapping = mapOriginalStatus(status);
  const milestone = text(s.current_milestone_id);
  const completed = strings(s.completed_milestones);
  const task = text(s.task);
  const notes: MigrationNote[] = [{ level: mapping.to === 'mid-run' ? 'warn' : 'info', path: 'status', message: `${status}: ${mapping.note}` }];
  fieldNotes(s, notes);
  const original = { status, task, milestone, completed };
  if (mapping.to === 'idle') {
    if (task) notes.push({ level: 'info', path: 'task', message: `the previous task (${task}) stays in the backup` });
    return { events: [], notes, original, mapping };
  }
  if (!task) notes.push({ level: 'warn', path: 'task', message: 'no task was recorded: the run is restarted with a placeholder task' });
  const progressed = mapping.to === 'mid-run' || completed.length > 0 || milestone !== null || s.roadmap_status === 'codex_approved';
  const summary = `cccc update: migrated from the original skill (status ${status}${milestone ? `, milestone ${milestone}` : ''}${completed.length ? `, completed ${completed.join(', ')}` : ''})`;
  const pauseReason = text(s.pause_reason) ?? `the original skill was paused: ${status}`;
  const { events } = restartRunEvents({
    task: task ?? UNKNOWN_TASK,
    docs: facts.docs,
    question: progressed ? migrationQuestion(status, milestone, completed) : null,
    summary,
    concerns: notes.filter((n) => n.level === 'warn').map((n) => `${n.path}: ${n.message}`),
    milestones: facts.milestones.errors.length ? [] : facts.milestones.milestones,
    milestoneErrors: facts.milestones.errors,
    code: 'migrated',
    submitDiscovery: mapping.to !== 'discovery',
    pause: mapping.to === 'pause' ? { kind: mapping.kind, reason: `${pauseReason} (pause kept from the original state.json)` } : null,
  });
  return { events, notes, original, mapping };
}

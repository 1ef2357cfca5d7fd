/**
 * How each status the original skill persisted (inventory §2.1–2.2: the values scripts wrote, plus the phase
 * names Claude could write by hand) maps into cccc. One table, so the mapping is reviewable and tested.
 *
 * - `idle`: nothing is running in cccc terms → `SETUP_COMPLETE` (a finished or failed run included: `cccc start`
 *   is the next step either way).
 * - `discovery` / `planning`: the run restarts there; no gate had passed, so nothing is lost.
 * - `mid-run`: work past the plan gate. The original's gate results cannot be verified (its gates were broken,
 *   §10 A1–A4, B16) and its plan is not in `milestones.yaml`, so the run cannot resume in place: it pauses for a
 *   human (`PAUSED_FOR_HUMAN` with a question) — "not safely mappable".
 * - `pause`: the same pause in cccc, with the original's `pause_reason`; a human resumes it through cccc's guarded
 *   strategies (`UNSAFE` only by `replan --confirm`). The original's repair bug of clearing these (§10 #14) cannot
 *   recur: a pause is never mapped to an active status.
 * Anything not in the table (a typo Claude wrote, `ERROR`, `UNKNOWN`) is `unknown` → `PAUSED_FOR_HUMAN`.
 */
import type { PauseKind } from '../../../machines/status-table.js';

/** Where an original status goes. `kind` is the pause kind for `pause`. */
export type OriginalStatusMapping =
  | { to: 'idle'; note: string }
  | { to: 'discovery' | 'planning' | 'mid-run'; note: string }
  | { to: 'pause'; kind: PauseKind; note: string };

const idle = (note: string): OriginalStatusMapping => ({ to: 'idle', note });
const pause = (kind: PauseKind, note: string): OriginalStatusMapping => ({ to: 'pause', kind, note });
const midRun: OriginalStatusMapping = { to: 'mid-run', note: 'past the plan gate: pauses for a human to resubmit the plan' };
const planning: OriginalStatusMapping = { to: 'planning', note: 'planning restarts (the plan is written to milestones.yaml and reviewed by Codex)' };
const discovery: OriginalStatusMapping = { to: 'discovery', note: 'discovery restarts' };

/** The original's statuses (inventory §2.2 and the §2.1 phase names) and their cccc mapping. */
export const ORIGINAL_STATUS_MAP: Readonly<Record<string, OriginalStatusMapping>> = {
  NOT_INITIALIZED: idle('not set up yet'),
  SETUP_COMPLETE: idle('idle after setup'),
  SETUP_OR_BOOTSTRAP: idle('idle after setup'),
  DONE: idle('the previous run finished: start a new task'),
  COMPLETED: idle('the previous run finished: start a new task'),
  FAILED: idle('the previous run ended FAILED: start a new task'),
  INIT: discovery,
  DETECT_USER_LANGUAGE: discovery,
  DISCOVER_EXISTING_PROJECT: discovery,
  BUILD_PROJECT_CONTEXT: discovery,
  CLAUDE_PLANNING_REVIEW: planning,
  CODEX_ADVERSARIAL_PLAN_REVIEW: planning,
  CLAUDE_REVISE_PLAN: planning,
  REPLANNING: planning,
  READY_TO_CONTINUE: midRun,
  READY: midRun,
  IMPLEMENTING: midRun,
  IMPLEMENT_MILESTONE: midRun,
  CLAUDE_SELF_REVIEW: midRun,
  CODEX_MILESTONE_REVIEW: midRun,
  CLAUDE_FIX: midRun,
  RECORD_ACCEPTANCE: midRun,
  PLAN_NEXT_MILESTONE: midRun,
  THRESHOLD_POLICY: midRun,
  CODEX_FINAL_REVIEW: midRun,
  NEEDS_CURATION: midRun,
  PAUSED_FOR_HUMAN: pause('human', 'same pause'),
  PAUSE_FOR_HUMAN: pause('human', 'same pause (the diagram spelling)'),
  NEEDS_HUMAN: pause('human', 'PAUSED_FOR_HUMAN'),
  NEEDS_SECRET: pause('secret', 'same pause'),
  SENSITIVE_OPERATION: pause('sensitive', 'same pause'),
  UNSAFE: pause('unsafe', 'same pause (leaves only by replan --confirm)'),
  PAUSED_FOR_CODEX: pause('codex', 'same pause'),
  PAUSED_FOR_CODEX_RECHECK_FAILURE: pause('codex', 'PAUSED_FOR_CODEX (a Codex recheck failed)'),
  PAUSED_FOR_SYSTEM: pause('system', 'same pause'),
  FAIL_UNCLEAR: pause('unclear', 'same pause'),
  REVIEW_THRESHOLD_EXCEEDED: pause('threshold', 'same pause'),
  NEEDS_REPLAN: pause('replan', 'same pause'),
};

/** The mapping of `status` (unknown values, `ERROR` and `UNKNOWN` included, pause for a human). */
export function mapOriginalStatus(status: string): OriginalStatusMapping {
  if (Object.prototype.hasOwnProperty.call(ORIGINAL_STATUS_MAP, status)) return ORIGINAL_STATUS_MAP[status]!;
  return pause('human', `unknown status ${JSON.stringify(status)}: not safely mappable`);
}

/**
 * `cccc replan [--reason T] [--confirm] [--json]` (issue #6): go back to `CLAUDE_PLANNING_REVIEW` keeping the
 * completed milestones, so the new plan passes the Codex plan gate again. From an approved plan's implementation
 * (`IMPLEMENT_MILESTONE`, `CODEX_MILESTONE_REVIEW`, `CLAUDE_FIX`, `CODEX_FINAL_REVIEW`) it sends
 * `replan.requested`; from a pause it is `cccc resume --strategy replan` (with that pause's `--confirm` rule).
 * Refused elsewhere (while planning there is nothing approved to replan, and restarting the plan rounds there
 * would escape `planning.max_plan_review_rounds`).
 */
import { IMPLEMENTATION_STATUSES } from '../../machines/states.js';
import { STATUS_TABLE, type Status } from '../../machines/status-table.js';
import { RefusedError } from '../errors.js';
import { dispatch, readState } from '../state/store.js';
import { runResume } from './resume.js';
import { makeEvent, openWorkspace, type CommandDeps } from './workspace.js';

/** The `cccc replan --json` document. */
export interface ReplanResult {
  from: string;
  status: string;
  revision: number;
  kept: string[];
}

/** Replan. Throws RefusedError `NOT_REPLANNABLE` or the resume refusals. */
export async function runReplan(options: { reason?: string; confirm?: boolean }, deps: CommandDeps): Promise<ReplanResult> {
  const { paths, config } = await openWorkspace(deps);
  const state = await readState(paths);
  const kept = (s: typeof state) => s.snapshot.context.outcomes.map((o) => o.id);
  if (STATUS_TABLE[state.status].kind === 'paused') {
    const r = await runResume({ strategy: 'replan', confirm: options.confirm, reason: options.reason }, deps);
    const after = await readState(paths);
    return { from: r.from, status: r.status, revision: r.revision, kept: kept(after) };
  }
  if (!(IMPLEMENTATION_STATUSES as readonly Status[]).includes(state.status)) {
    throw new RefusedError(
      'NOT_REPLANNABLE',
      `There is no approved plan being implemented in ${state.status}, so there is nothing to replan.`,
      'Replan while implementing (IMPLEMENT_MILESTONE, CODEX_MILESTONE_REVIEW, CLAUDE_FIX, CODEX_FINAL_REVIEW) or from a pause; while planning, just revise the plan.',
      { status: state.status },
    );
  }
  const event = makeEvent({ type: 'replan.requested', reason: options.reason ?? 'replan requested' }, config, deps);
  const { before, after } = await dispatch(paths, event, 'cli');
  return { from: before.status, status: after.status, revision: after.revision, kept: kept(after) };
}

/** Human rendering of {@link ReplanResult}. */
export function formatReplan(r: ReplanResult): string {
  return `Replan: ${r.from} → ${r.status} (revision ${r.revision}); kept milestones: ${r.kept.length ? r.kept.join(', ') : 'none'}.\nNext: cccc next (revise the plan; it goes through the Codex plan gate again)`;
}

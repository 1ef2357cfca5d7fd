/**
 * What a review in the current status is about: the gate, the milestone, the round and the diff base, read
 * from the machine's context. Shared by `cccc review`, `cccc rebuild-context` and `cccc gates assert`.
 */
import { currentMilestoneId } from '../../machines/guards.js';
import { STATUS_TABLE, type Status } from '../../machines/status-table.js';
import type { GateName, Milestone, WorkflowContext } from '../../machines/types.js';
import { RefusedError } from '../errors.js';

/** The subject of one gate review. */
export interface ReviewTarget {
  gate: GateName;
  milestone: Milestone | null;
  /** `plan`, the milestone id, or `final`: the artifact name's id. */
  id: string;
  round: number;
  /**
   * Diff base: the milestone's start snapshot (milestone gate; the pending batch's base for a batch review), the
   * run's (final gate), none (plan gate).
   */
  base: string | null;
}

/** The review target of `gate` in `context` (no status check). */
export function targetFor(gate: GateName, context: WorkflowContext): ReviewTarget {
  const id = currentMilestoneId(context);
  const milestone = gate === 'milestone' && id ? (context.milestones.find((m) => m.id === id) ?? null) : null;
  return {
    gate,
    milestone,
    id: gate === 'milestone' ? (milestone?.id ?? 'milestone') : gate,
    round: gate === 'plan' ? context.planRound : context.reviewRound,
    // A batch review (issue #6) covers the diff since the first batched milestone's base.
    base: gate === 'milestone' ? (context.batch.base ?? context.milestoneBase) : gate === 'final' ? context.runBase : null,
  };
}

/**
 * The review target for a workflow in `status`. Throws {@link RefusedError} `NOT_A_REVIEW_STEP` when the
 * status has no gate (the status table's `gate` column).
 */
export function reviewTargetOf(status: Status, context: WorkflowContext): ReviewTarget {
  const gate = STATUS_TABLE[status].gate;
  if (gate === null) {
    throw new RefusedError(
      'NOT_A_REVIEW_STEP',
      `There is no Codex gate to run in ${status}.`,
      'Run `cccc next`: reviews run in CODEX_ADVERSARIAL_PLAN_REVIEW, CODEX_MILESTONE_REVIEW and CODEX_FINAL_REVIEW.',
      { status },
    );
  }
  return targetFor(gate, context);
}

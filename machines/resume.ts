/**
 * Guarded resume (issue #2 §2, "Resume strategies"). One pure function decides whether a `cccc resume`
 * request is allowed and where it leads; the machine uses it as a guard and `src/commands/resume.ts` uses it to
 * explain a refusal. Which strategies a pause accepts, and which need `--confirm`, come from the status table.
 */
import { decideBypass, type BypassRule } from './bypass.js';
import type { BypassFacts } from './policy-types.js';
import { STATUS_TABLE, isPaused, type ResumeStrategy, type Status, type StatusRow } from './status-table.js';
import type { Limits, WorkflowContext } from './types.js';

/** Why a resume request was refused; a stable code for errors and tests. */
export type ResumeRefusal =
  | 'NOT_PAUSED'
  | 'STRATEGY_NOT_ALLOWED'
  | 'NEEDS_CONFIRM'
  | 'QUESTIONS_OPEN'
  | 'NO_MILESTONE'
  | 'BYPASS_REFUSED';

/** The outcome of {@link decideResume}: a target status, or a refusal naming the strategies that are allowed. */
export type ResumeDecision =
  | { ok: true; target: Status }
  | { ok: false; code: ResumeRefusal; message: string; allowed: readonly ResumeStrategy[]; rule?: BypassRule };

/** What `cccc resume` asks for. */
export interface ResumeRequest {
  strategy: ResumeStrategy;
  confirm: boolean;
  /** `bypass-codex`: the policy and Claude's review (issue #6); without them a bypass is refused. */
  bypass?: BypassFacts;
  /** The event's limits (severity rules for Claude's findings); the recommended defaults when absent. */
  limits?: Pick<Limits, 'blockOnP1' | 'allowContinueWithP2'>;
}

/** Questions raised in this run that have no recorded answer. */
export function openQuestions(context: Pick<WorkflowContext, 'questions' | 'answers'>) {
  const answered = new Set(context.answers.map((a) => a.questionId));
  return context.questions.filter((q) => !answered.has(q.id));
}

/** True when the pause interrupted milestone work (so `skip` has a milestone to skip). */
export function interruptedMilestoneWork(context: WorkflowContext): boolean {
  const interrupted = context.pause?.interrupted;
  if (context.milestoneIndex === null || context.milestoneIndex >= context.milestones.length) return false;
  if (interrupted === 'IMPLEMENT_MILESTONE' || interrupted === 'CODEX_MILESTONE_REVIEW') return true;
  return interrupted === 'CLAUDE_FIX' && context.fixReturnTo === 'CODEX_MILESTONE_REVIEW';
}

/**
 * Index of the first milestone after the current one that has no outcome yet, or `milestones.length` when none
 * is left. A replan keeps passed (and skipped) milestones wherever the new plan lists them, so the next
 * milestone is not simply `milestoneIndex + 1`.
 */
export function nextOpenMilestoneIndex(context: Pick<WorkflowContext, 'milestoneIndex' | 'milestones' | 'outcomes'>): number {
  const done = new Set(context.outcomes.map((o) => o.id));
  for (let i = (context.milestoneIndex ?? -1) + 1; i < context.milestones.length; i++) {
    if (!done.has(context.milestones[i]!.id)) return i;
  }
  return context.milestones.length;
}

/**
 * The status after leaving (passing or skipping) the current milestone: the next open milestone's
 * `IMPLEMENT_MILESTONE`, or `CODEX_FINAL_REVIEW` when none is left.
 */
export function statusAfterMilestone(context: Pick<WorkflowContext, 'milestoneIndex' | 'milestones' | 'outcomes'>): Status {
  return nextOpenMilestoneIndex(context) < context.milestones.length ? 'IMPLEMENT_MILESTONE' : 'CODEX_FINAL_REVIEW';
}

/** The status after the plan gate passes (or is bypassed): the first open milestone, else the final gate. */
export function statusAfterPlan(context: Pick<WorkflowContext, 'milestones' | 'outcomes'>): Status {
  const done = new Set(context.outcomes.map((o) => o.id));
  return context.milestones.some((m) => !done.has(m.id)) ? 'IMPLEMENT_MILESTONE' : 'CODEX_FINAL_REVIEW';
}

/**
 * Decide a resume request in `status` with `context`. Pure; no I/O.
 * Refuses when the status is not a pause, the strategy is not in the status table's row, `--confirm` is
 * missing where the row requires it, `recommended` from `PAUSED_FOR_HUMAN` with open questions and no
 * `--confirm`, or `skip` when no milestone was interrupted.
 */
export function decideResume(status: Status, context: WorkflowContext, request: ResumeRequest): ResumeDecision {
  const row: StatusRow = STATUS_TABLE[status];
  if (!isPaused(status) || context.pause === null) {
    return { ok: false, code: 'NOT_PAUSED', message: `${status} is not a pause; there is nothing to resume.`, allowed: [] };
  }
  const allowed = row.resume;
  if (!allowed.includes(request.strategy)) {
    return {
      ok: false,
      code: 'STRATEGY_NOT_ALLOWED',
      message: `--strategy ${request.strategy} is not allowed from ${status}.`,
      allowed,
    };
  }
  if (row.confirm.includes(request.strategy) && !request.confirm) {
    return {
      ok: false,
      code: 'NEEDS_CONFIRM',
      message: `--strategy ${request.strategy} from ${status} needs --confirm (a human must approve it).`,
      allowed,
    };
  }
  if (status === 'PAUSED_FOR_HUMAN' && request.strategy === 'recommended' && !request.confirm) {
    const open = openQuestions(context);
    if (open.length > 0) {
      return {
        ok: false,
        code: 'QUESTIONS_OPEN',
        message: `${open.length} open question(s) (${open.map((q) => q.id).join(', ')}): answer them with cccc answer, or pass --confirm.`,
        allowed,
      };
    }
  }
  switch (request.strategy) {
    case 'recommended':
    case 'extend-review':
    case 'mock':
      return { ok: true, target: context.pause.interrupted };
    case 'bypass-codex': {
      const bypass = decideBypass(context, request.bypass, request.limits ?? { blockOnP1: true, allowContinueWithP2: true });
      if (!bypass.ok) return { ok: false, code: 'BYPASS_REFUSED', message: bypass.message, allowed, rule: bypass.rule };
      return { ok: true, target: bypass.gate === 'plan' ? statusAfterPlan(context) : statusAfterMilestone(context) };
    }
    case 'replan':
      return { ok: true, target: 'CLAUDE_PLANNING_REVIEW' };
    case 'skip':
      if (!interruptedMilestoneWork(context)) {
        return { ok: false, code: 'NO_MILESTONE', message: 'No milestone was interrupted, so there is nothing to skip.', allowed };
      }
      return { ok: true, target: statusAfterMilestone(context) };
  }
}

/**
 * Named, pure, synchronous guards of the workflow machine (style.md, "statelyai/xstate"). Each takes the
 * context and the event and decides from facts `src/` put in the payload; none does I/O. They are exported
 * so tests can call them as plain functions.
 */
import { nextOpenMilestoneIndex } from './resume.js';
import { severityBlocks, verdictPasses } from './severity.js';
import type { DocState, EventOf, GateName, Limits, WorkflowContext, WorkflowEvent } from './types.js';

/** The six discovery docs Claude must write before planning (spec: "Project discovery"). */
export const DISCOVERY_DOCS = [
  'project-map.md',
  'current-state.md',
  'architecture.md',
  'test-strategy.md',
  'risk-register.md',
  'open-questions.md',
] as const;

/** The planning docs Claude writes in `CLAUDE_PLANNING_REVIEW` (besides `milestones.yaml`). */
export const PLANNING_DOCS = ['project-brief.md', 'roadmap.md'] as const;

/** Discovery docs that are missing or still equal to their template, in {@link DISCOVERY_DOCS} order. */
export function unfilledDiscoveryDocs(docs: Record<string, DocState>): string[] {
  return DISCOVERY_DOCS.filter((name) => docs[name] !== 'filled');
}

/** Guard: every discovery doc exists and differs from its template. */
export function discoveryComplete(event: EventOf<'discovery.submitted'>): boolean {
  return unfilledDiscoveryDocs(event.docs).length === 0;
}

/** Guard: the self-review says `ok` and the plan has at least one valid milestone. */
export function planReady(event: EventOf<'plan.submitted'>): boolean {
  return event.selfReview.verdict === 'ok' && event.milestoneErrors.length === 0 && event.milestones.length > 0;
}

/** Guard: the submitted diff is over `max_diff_lines_per_milestone` or `max_changed_files_per_milestone`, and no human waived it. */
export function diffOverLimit(context: WorkflowContext, event: EventOf<'milestone.submitted'>): boolean {
  const id = currentMilestoneId(context);
  if (id !== null && context.diffLimitWaivedFor === id) return false;
  return (
    event.diffStat.lines > event.limits.maxDiffLinesPerMilestone ||
    event.diffStat.files > event.limits.maxChangedFilesPerMilestone
  );
}

/** The current milestone's id, or null before the plan is approved or after the last milestone. */
export function currentMilestoneId(context: Pick<WorkflowContext, 'milestoneIndex' | 'milestones'>): string | null {
  if (context.milestoneIndex === null) return null;
  return context.milestones[context.milestoneIndex]?.id ?? null;
}

/** Guard: a review event is for the gate the current status decides. */
export function gateIs(event: WorkflowEvent, gate: GateName): boolean {
  return 'gate' in event && event.gate === gate;
}

/** The pass status of each gate: the plan gate says `approved`, the others `pass`. */
export function passStatusOf(gate: GateName): 'pass' | 'approved' {
  return gate === 'plan' ? 'approved' : 'pass';
}

/** Guard: the verdict passes its gate (pass status and no blocking finding under the event's limits). */
export function verdictPassed(event: WorkflowEvent): boolean {
  if (event.type !== 'review.verdict') return false;
  return verdictPasses(event.verdict.status, event.verdict.findings, event.limits, passStatusOf(event.gate));
}

/** The fixable-rejection status of each gate: the plan gate says `rejected_fixable`, the others `fail_fixable`. */
export function fixStatusOf(gate: GateName): 'rejected_fixable' | 'fail_fixable' {
  return gate === 'plan' ? 'rejected_fixable' : 'fail_fixable';
}

/**
 * Guard: the verdict asks for a fix — the gate's own fixable status ({@link fixStatusOf}), or a pass status that
 * carries a blocking finding (which is not a pass, and the finding is fixable by definition of the verdict).
 * Another gate's word (`rejected_fixable` at the milestone gate) is unknown here and falls through to the
 * fail-closed `PAUSED_FOR_CODEX`.
 */
export function verdictNeedsFix(event: WorkflowEvent): boolean {
  if (event.type !== 'review.verdict') return false;
  const s = event.verdict.status;
  if (s === fixStatusOf(event.gate)) return true;
  return s === passStatusOf(event.gate) && event.verdict.findings.some((f) => severityBlocks(f.severity, event.limits));
}

/** Guard: the verdict's status equals `status`. */
export function verdictIs(event: WorkflowEvent, status: string): boolean {
  return event.type === 'review.verdict' && event.verdict.status === status;
}

/**
 * Guard: another plan review round would pass `planning.max_plan_review_rounds` (plus rounds granted by
 * `extend-review`). Checked when Codex rejects the plan, so Claude never revises a plan no gate may review.
 */
export function planRoundsExhausted(context: WorkflowContext, limits: Limits): boolean {
  return context.planRound + 1 > limits.maxPlanReviewRounds + context.extraRounds;
}

/**
 * Guard: another fix would pass `review.max_fix_attempts_per_milestone`, or the re-review it leads to would
 * pass `review.max_review_rounds_per_milestone` (each plus `extend-review` grants).
 */
export function fixBudgetExhausted(context: WorkflowContext, limits: Limits): boolean {
  return (
    context.fixAttempts + 1 > limits.maxFixAttemptsPerMilestone + context.extraRounds ||
    context.reviewRound + 1 > limits.maxReviewRoundsPerMilestone + context.extraRounds
  );
}

/** Guard: a milestone after the current one exists that has not passed or been skipped (see {@link nextOpenMilestoneIndex}). */
export function hasNextMilestone(context: WorkflowContext): boolean {
  return context.milestoneIndex !== null && nextOpenMilestoneIndex(context) < context.milestones.length;
}

/** Guard: accepting the current milestone reaches `milestones.max_milestones_per_run`. */
export function runCapReached(context: WorkflowContext, limits: Limits): boolean {
  return context.milestonesThisRun + 1 >= limits.maxMilestonesPerRun;
}

/**
 * Guard: a `review.verdict`'s record may be trusted (issue #6). A Codex record is; a bypass record never comes
 * through a review event (only a policy-checked resume writes one); a cache hit must reuse a PASSING record of
 * this run for the same gate, milestone, cache key and artifact, and itself be a pass — so a failing verdict is
 * never reused as a pass, and a cache hit cannot be invented. Other events are not verdicts: true.
 */
export function verdictSourceTrusted(context: WorkflowContext, event: WorkflowEvent): boolean {
  if (event.type !== 'review.verdict') return true;
  const r = event.record;
  if (r.source === 'codex') return true;
  if (r.source === 'bypass' || r.cacheKey === undefined) return false;
  const earlier = context.gates.some(
    (g) =>
      g.passed &&
      g.source !== 'bypass' &&
      g.gate === r.gate &&
      g.milestone === r.milestone &&
      g.cacheKey === r.cacheKey &&
      g.artifact === r.artifact &&
      g.artifactSha256 === r.artifactSha256,
  );
  return earlier && verdictPassed(event);
}

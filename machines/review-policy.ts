/**
 * Review frequency and batching (issue #6): whether a submitted milestone gets its own Codex review now or is
 * accepted pending Codex and batched into the next review. Pure; the machine's guard on `milestone.submitted`
 * and `cccc submit` (to say what happened) call the same function. The original shipped only the `balanced`
 * numbers and no code that branched on the mode (inventory §5.3); here each mode is a table.
 *
 * Effective `every_n_milestones` per mode and risk (`custom` reads `review_frequency` from the config;
 * `manual` never reviews low/medium milestones on frequency — only a trigger or a full batch does):
 *
 * | mode     | low | medium | high | critical |
 * |----------|-----|--------|------|----------|
 * | strict   | 1   | 1      | 1    | 1        |
 * | balanced | 3   | 2      | 1    | 1        |
 * | budget   | 5   | 3      | 1    | 1        |
 * | manual   | —   | —      | 1    | 1        |
 * | custom   | config `review_frequency` (critical is always 1) |
 *
 * Rules, in order (the first that applies decides, and its reason is journaled):
 * 1. No policy in the event (older callers): review.
 * 2. Triggers always force a review: the phase boundary (the last open milestone of the plan — so no milestone
 *    reaches the final gate unreviewed), a declared architecture/stack/security change (milestone `changes`
 *    or the self-review's `changes`, when that trigger is on), a large diff since the batch base
 *    (`large_diff_lines` / `large_changed_files`, when `review_on_large_diff`).
 * 3. Batching disabled: review (there is nothing to batch into).
 * 4. The batch with this milestone reaches the smallest `every_n` of its milestones' risks, or
 *    `max_milestones_per_codex_review`: review (covering the whole batch).
 * 5. Otherwise: accepted pending Codex (lower assurance), batched.
 */
import type { ChangeFlag, ReviewPolicy, ReviewPolicyMode } from './policy-types.js';
import { nextOpenMilestoneIndex } from './resume.js';
import type { DiffStat, Risk, SelfReview, WorkflowContext } from './types.js';

/** Effective `every_n_milestones` of each mode; null = never on frequency alone. `custom` uses the config. */
export const MODE_FREQUENCY: Record<Exclude<ReviewPolicyMode, 'custom'>, Record<Risk, number | null>> = {
  strict: { low: 1, medium: 1, high: 1, critical: 1 },
  balanced: { low: 3, medium: 2, high: 1, critical: 1 },
  budget: { low: 5, medium: 3, high: 1, critical: 1 },
  manual: { low: null, medium: null, high: 1, critical: 1 },
};

/** The frequency table a policy uses (critical is always every milestone). */
export function effectiveFrequency(policy: Pick<ReviewPolicy, 'mode' | 'frequency'>): Record<Risk, number | null> {
  const table = policy.mode === 'custom' ? policy.frequency : MODE_FREQUENCY[policy.mode];
  return { ...table, critical: 1 };
}

/** What {@link decideMilestoneReview} decided: review now (covering `covers`) or batch, and why. */
export interface MilestoneReviewDecision {
  review: boolean;
  reason: string;
  /** The milestones the next Codex milestone review covers: the pending batch plus this one. */
  covers: string[];
}

/** The facts of a `milestone.submitted` event the decision reads. */
export interface MilestoneSubmission {
  selfReview: SelfReview;
  diffStat: DiffStat;
  policy?: ReviewPolicy;
  batchDiffStat?: DiffStat;
}

/** Triggers that force a review of the current milestone, as sentences (empty: none fired). */
export function reviewTriggers(context: WorkflowContext, facts: MilestoneSubmission & { policy: ReviewPolicy }): string[] {
  const index = context.milestoneIndex ?? 0;
  const milestone = context.milestones[index];
  const fired: string[] = [];
  if (nextOpenMilestoneIndex(context) >= context.milestones.length) fired.push('phase boundary (last milestone before the final gate)');
  const flags = new Set<ChangeFlag>([...(milestone?.changes ?? []), ...(facts.selfReview.changes ?? [])]);
  for (const flag of ['architecture', 'stack', 'security'] as const) {
    if (flags.has(flag) && facts.policy.triggers[flag]) fired.push(`${flag} change declared`);
  }
  const diff = facts.batchDiffStat ?? facts.diffStat;
  const t = facts.policy.triggers;
  if (t.largeDiff && (diff.lines > t.largeDiffLines || diff.files > t.largeChangedFiles)) {
    fired.push(`large diff (${diff.lines} lines, ${diff.files} files; trigger at > ${t.largeDiffLines} lines or > ${t.largeChangedFiles} files)`);
  }
  return fired;
}

/** Decide whether the current milestone gets a Codex review now (see the module doc for the rules). */
export function decideMilestoneReview(context: WorkflowContext, facts: MilestoneSubmission): MilestoneReviewDecision {
  const id = context.milestones[context.milestoneIndex ?? 0]?.id ?? '?';
  const covers = [...context.batch.milestones.filter((m) => m !== id), id];
  const review = (reason: string): MilestoneReviewDecision => ({ review: true, reason, covers });
  const policy = facts.policy;
  if (!policy) return review('every milestone is reviewed (no review policy given)');
  const triggers = reviewTriggers(context, { ...facts, policy });
  if (triggers.length > 0) return review(`trigger: ${triggers.join('; ')}`);
  if (!policy.batching.enabled) return review(`batching disabled (mode ${policy.mode}): every milestone gets its own Codex review`);
  const frequency = effectiveFrequency(policy);
  const risks = covers.map((m) => context.milestones.find((x) => x.id === m)?.risk ?? 'critical');
  const every = Math.min(...risks.map((r) => frequency[r] ?? Number.POSITIVE_INFINITY));
  const riskOf = risks.find((r) => (frequency[r] ?? Number.POSITIVE_INFINITY) === every) ?? 'critical';
  if (covers.length >= every) {
    return review(`mode ${policy.mode}: ${riskOf}-risk milestones are reviewed every ${every} milestone(s); this review covers ${covers.join(', ')}`);
  }
  if (covers.length >= policy.batching.maxMilestones) {
    return review(`batch full (max_milestones_per_codex_review ${policy.batching.maxMilestones}); this review covers ${covers.join(', ')}`);
  }
  const when = Number.isFinite(every) ? `every ${every} milestone(s) for ${riskOf} risk` : `only on a trigger or a full batch for ${riskOf} risk`;
  return {
    review: false,
    reason: `mode ${policy.mode}: Codex reviews ${when}; accepted pending Codex (lower assurance) until the batch review of ${covers.join(', ')} passes`,
    covers,
  };
}

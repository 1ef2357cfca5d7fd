/**
 * The question `cccc reset` asks when it cannot rebuild a run's gate history (issue #5: "when inference is
 * ambiguous it ends in PAUSED_FOR_HUMAN with questions"). Gate passes live only in the journal; without a journal
 * that replays, the plan has to pass the Codex plan gate again, and the human decides how to resubmit it. Options
 * follow the spec's A/B/C-with-a-recommendation format; the answer is recorded with `cccc answer`.
 */
import type { HumanQuestion } from '../../machines/types.js';
import type { InferredProgress } from './progress.js';

/** Id of the reset question (answer with `cccc answer --question R1 --option <A|B|C>`). */
export const RESET_QUESTION_ID = 'R1';

/** One line saying what the artifacts show, e.g. `plan approved; passed M001, M002; next M003`. */
export function describeProgress(p: InferredProgress): string {
  const parts = [p.planApproved ? 'plan approved by Codex' : 'plan not approved'];
  if (p.passed.length) parts.push(`milestones passed: ${p.passed.join(', ')}`);
  if (p.next) parts.push(`next milestone: ${p.next}`);
  if (p.finalPassed) parts.push('final review passed');
  if (p.unknownMilestones.length) parts.push(`reviews name milestones missing from milestones.yaml: ${p.unknownMilestones.join(', ')}`);
  if (p.unreadable.length) parts.push(`${p.unreadable.length} unreadable review file(s)`);
  return parts.join('; ');
}

/** The reset question for `progress`: resubmit as is (A), drop passed milestones first (B), or start the plan over (C). */
export function resetQuestion(progress: InferredProgress): HumanQuestion {
  const passed = progress.passed.join(', ');
  const options = [
    { id: 'A', label: 'Resubmit milestones.yaml as it is; Codex reviews the whole plan again' },
    ...(progress.passed.length ? [{ id: 'B', label: `Remove the milestones that already passed (${passed}) from milestones.yaml, then resubmit` }] : []),
    { id: 'C', label: 'Rewrite the plan from scratch' },
  ];
  return {
    id: RESET_QUESTION_ID,
    question:
      `cccc reset rebuilt this run from the docs and review artifacts (${describeProgress(progress)}). ` +
      'Gate records could not be replayed from the journal, so the plan must pass the Codex plan gate again. How should it be resubmitted?',
    options,
    recommended: progress.passed.length ? 'B' : 'A',
  };
}

/**
 * Where the review artifacts and `milestones.yaml` say a run got to (issue #5 rehydrate, "inferred from
 * artifacts + milestones"). Pure. The latest artifact of each gate/milestone (by file name, which carries a UTC
 * stamp) decides; milestones count in `milestones.yaml` order. The original took the same evidence but rebuilt
 * `completed_milestones` from `status == "pass"` files only (inventory §8.5) — here it is only reported.
 */
import type { Status } from '../../machines/status-table.js';
import type { Milestone } from '../../machines/types.js';
import type { ReviewArtifact } from './reviews.js';

/** The run's position according to the artifacts. */
export interface InferredProgress {
  /** The latest plan artifact says `approved`. */
  planApproved: boolean;
  /** Milestones (plan order) whose latest artifact says `pass`. */
  passed: string[];
  /** The first milestone of the plan not passed, or null. */
  next: string | null;
  /** The latest final artifact says `pass`. */
  finalPassed: boolean;
  /** Milestone ids named by artifacts but absent from `milestones.yaml` (evidence that does not fit). */
  unknownMilestones: string[];
  /** Artifacts that could not be parsed (repo-relative). */
  unreadable: string[];
  /** Where the run appears to be. */
  position: Status;
}

function latest(artifacts: readonly ReviewArtifact[]): ReviewArtifact | undefined {
  return artifacts.filter((a) => a.readable).at(-1);
}

/** Infer progress from `artifacts` (as read, sorted per gate) and the valid plan `milestones` (empty when invalid). */
export function inferProgress(artifacts: readonly ReviewArtifact[], milestones: readonly Milestone[]): InferredProgress {
  const planApproved = latest(artifacts.filter((a) => a.gate === 'plan'))?.status === 'approved';
  const byMilestone = new Map<string, ReviewArtifact[]>();
  for (const a of artifacts.filter((x) => x.gate === 'milestone' && x.readable && x.milestone)) {
    byMilestone.set(a.milestone!, [...(byMilestone.get(a.milestone!) ?? []), a]);
  }
  const ids = milestones.map((m) => m.id);
  const passed = ids.filter((id) => latest(byMilestone.get(id) ?? [])?.status === 'pass');
  const next = ids.find((id) => !passed.includes(id)) ?? null;
  const finalPassed = latest(artifacts.filter((a) => a.gate === 'final'))?.status === 'pass';
  let position: Status;
  if (!planApproved) position = ids.length ? 'CODEX_ADVERSARIAL_PLAN_REVIEW' : 'CLAUDE_PLANNING_REVIEW';
  else if (next) position = 'IMPLEMENT_MILESTONE';
  else position = finalPassed ? 'DONE' : 'CODEX_FINAL_REVIEW';
  return {
    planApproved,
    passed,
    next,
    finalPassed,
    unknownMilestones: [...byMilestone.keys()].filter((id) => !ids.includes(id)),
    unreadable: artifacts.filter((a) => !a.readable).map((a) => a.file),
    position,
  };
}

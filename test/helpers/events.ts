/**
 * Builders for workflow events in tests: default limits (the recommended preset), a fixed clock, and
 * small factories for self-reviews, milestones, verdicts and gate records.
 */
import type {
  GateName,
  GateRecord,
  Limits,
  Milestone,
  SelfReview,
  VerdictFacts,
  WorkflowEvent,
} from '../../machines/index.js';
import { DISCOVERY_DOCS } from '../../machines/index.js';

/** The recommended preset's limits. */
export const LIMITS: Limits = {
  maxPlanReviewRounds: 3,
  maxReviewRoundsPerMilestone: 3,
  maxFixAttemptsPerMilestone: 3,
  maxMilestonesPerRun: 5,
  maxDiffLinesPerMilestone: 1200,
  maxChangedFilesPerMilestone: 20,
  blockOnP1: true,
  allowContinueWithP2: true,
};

export const AT = '2026-11-21T12:00:00.000Z';

type Payload<T extends WorkflowEvent['type']> = Omit<Extract<WorkflowEvent, { type: T }>, 'type' | 'at' | 'limits'>;

/** An event of `type` with the default clock and limits (override either with `extra`). */
export function ev<T extends WorkflowEvent['type']>(type: T, payload: Payload<T>, extra: { limits?: Partial<Limits>; at?: string } = {}): WorkflowEvent {
  return { type, at: extra.at ?? AT, limits: { ...LIMITS, ...extra.limits }, ...payload } as unknown as WorkflowEvent;
}

export function selfReview(verdict: SelfReview['verdict'] = 'ok', questions: SelfReview['questions'] = []): SelfReview {
  return { verdict, summary: `self-review ${verdict}`, concerns: [], questions };
}

export function milestone(id: string, risk: Milestone['risk'] = 'low'): Milestone {
  return {
    id,
    title: `Milestone ${id}`,
    goal: 'goal',
    scope: ['scope'],
    out_of_scope: [],
    acceptance_criteria: [`${id} works`],
    expected_files: ['src/index.ts'],
    required_tests: ['npm test'],
    risk,
    depends_on: [],
  };
}

export function filledDocs(): Record<string, 'filled'> {
  return Object.fromEntries(DISCOVERY_DOCS.map((d) => [d, 'filled' as const]));
}

export function record(gate: GateName, verdict: string, passed: boolean, milestoneId: string | null = null, round = 1): GateRecord {
  return {
    gate,
    milestone: milestoneId,
    round,
    verdict,
    passed,
    artifact: `docs/cccc/reviews/${gate}/x.json`,
    artifactSha256: 'a'.repeat(64),
    fingerprint: 'f'.repeat(64),
    at: AT,
    source: 'codex',
  };
}

export function verdictFacts(status: VerdictFacts['status'], findings: VerdictFacts['findings'] = [], humanQuestions: VerdictFacts['humanQuestions'] = []): VerdictFacts {
  return { status, summary: `verdict ${status}`, findings, humanQuestions };
}

/** A `review.verdict` event for `gate` with `status` and optional findings. */
export function verdictEvent(gate: GateName, status: VerdictFacts['status'], findings: VerdictFacts['findings'] = [], extra: { limits?: Partial<Limits> } = {}): WorkflowEvent {
  const passStatus = gate === 'plan' ? 'approved' : 'pass';
  return ev('review.verdict', { gate, verdict: verdictFacts(status, findings), record: record(gate, status, status === passStatus) }, extra);
}

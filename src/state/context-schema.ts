/**
 * zod schemas of the persisted machine context and of the events in the journal. `state.json` is untrusted
 * input (style.md §5): it is validated on every read, and a compile-time check keeps these schemas equal to
 * the machine's TypeScript types in `machines/types.ts`.
 */
import { z } from 'zod';
import { RESUME_STRATEGIES, STATUSES, PAUSE_KIND_STATUS } from '../../machines/status-table.js';
import type { PauseStatus, Status } from '../../machines/status-table.js';
import type { WorkflowContext } from '../../machines/types.js';
import { PolicyContextShape } from './policy-schema.js';

const status = z.enum(STATUSES as [Status, ...Status[]]);
const pauseKind = z.enum(Object.keys(PAUSE_KIND_STATUS) as [keyof typeof PAUSE_KIND_STATUS, ...(keyof typeof PAUSE_KIND_STATUS)[]]);

export const RiskSchema = z.enum(['low', 'medium', 'high', 'critical']);
export const SeveritySchema = z.enum(['P0', 'P1', 'P2', 'P3']);
export const GateNameSchema = z.enum(['plan', 'milestone', 'final']);

/** A milestone of `milestones.yaml` (issue #2 §4); ids are `M` + digits or other file-name-safe ids. */
export const MilestoneSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'must be 1–64 letters, digits, ".", "_" or "-" (it is used as a file name)'),
  title: z.string().min(1),
  goal: z.string().min(1),
  scope: z.array(z.string()),
  out_of_scope: z.array(z.string()),
  acceptance_criteria: z.array(z.string().min(1)).min(1, 'needs at least one acceptance criterion'),
  expected_files: z.array(z.string()),
  required_tests: z.array(z.string()),
  risk: RiskSchema,
  depends_on: z.array(z.string()),
  changes: z.array(z.enum(['architecture', 'stack', 'security'])).optional(),
});

export const HumanQuestionSchema = z.strictObject({
  id: z.string().min(1),
  question: z.string().min(1),
  options: z.array(z.strictObject({ id: z.string().min(1), label: z.string().min(1) })),
  recommended: z.string().nullable(),
});

export const SelfReviewSchema = z.strictObject({
  verdict: z.enum(['ok', 'revise_plan', 'ask_human', 'read_more_project']),
  summary: z.string(),
  concerns: z.array(z.string()),
  questions: z.array(HumanQuestionSchema),
  changes: z.array(z.enum(['architecture', 'stack', 'security'])).optional(),
});

export const FindingSchema = z.strictObject({ severity: SeveritySchema, title: z.string() });

export const GateRecordSchema = z.strictObject({
  gate: GateNameSchema,
  milestone: z.string().nullable(),
  round: z.number().int().nonnegative(),
  verdict: z.string(),
  passed: z.boolean(),
  artifact: z.string(),
  artifactSha256: z.string(),
  fingerprint: z.string(),
  at: z.string(),
  source: z.enum(['codex', 'cache', 'bypass']),
  cacheKey: z.string().optional(),
});

export const LimitsSchema = z.strictObject({
  maxPlanReviewRounds: z.number().int().positive(),
  maxReviewRoundsPerMilestone: z.number().int().positive(),
  maxFixAttemptsPerMilestone: z.number().int().positive(),
  maxMilestonesPerRun: z.number().int().positive(),
  maxDiffLinesPerMilestone: z.number().int().positive(),
  maxChangedFilesPerMilestone: z.number().int().positive(),
  blockOnP1: z.boolean(),
  allowContinueWithP2: z.boolean(),
});

/**
 * A context written before issue #6 has no `mockSecrets`; its `lowerAssurance` could only come from mock secrets
 * then (no bypass existed), so that is what it becomes — and a replay of its journal agrees.
 */
const withMockSecrets = (value: unknown): unknown =>
  value !== null && typeof value === 'object' && !('mockSecrets' in value)
    ? { ...value, mockSecrets: (value as { lowerAssurance?: unknown }).lowerAssurance === true }
    : value;

export const ContextSchema = z.preprocess(withMockSecrets, z.strictObject({
  run: z.number().int().nonnegative(),
  task: z.string().nullable(),
  milestones: z.array(MilestoneSchema),
  milestoneIndex: z.number().int().nonnegative().nullable(),
  planRound: z.number().int().nonnegative(),
  reviewRound: z.number().int().nonnegative(),
  fixAttempts: z.number().int().nonnegative(),
  extraRounds: z.number().int().nonnegative(),
  milestonesThisRun: z.number().int().nonnegative(),
  diffLimitWaivedFor: z.string().nullable(),
  planApproved: z.boolean(),
  fixReturnTo: z.enum(['CODEX_MILESTONE_REVIEW', 'CODEX_FINAL_REVIEW']).nullable(),
  outcomes: z.array(
    z.strictObject({ id: z.string(), outcome: z.enum(['passed', 'skipped', 'pending_codex']), lowerAssurance: z.boolean(), at: z.string() }),
  ),
  gates: z.array(GateRecordSchema),
  lastFindings: z.array(FindingSchema),
  lastVerdictSummary: z.string().nullable(),
  questions: z.array(HumanQuestionSchema),
  answers: z.array(z.strictObject({ questionId: z.string(), option: z.string().nullable(), text: z.string().nullable() })),
  pause: z
    .strictObject({
      kind: pauseKind,
      status: z.enum(Object.values(PAUSE_KIND_STATUS) as [PauseStatus, ...PauseStatus[]]),
      reason: z.string(),
      interrupted: status,
      code: z.string().nullable(),
      at: z.string(),
    })
    .nullable(),
  lowerAssurance: z.boolean(),
  lastSelfReview: SelfReviewSchema.nullable(),
  selfReviews: z.number().int().nonnegative(),
  runBase: z.string().nullable(),
  milestoneBase: z.string().nullable(),
  ...PolicyContextShape,
}));

/** Journal events are validated loosely here (type + base fields); the machine decides on the rest. */
export const JournalEventSchema = z.looseObject({
  type: z.string().min(1),
  at: z.string(),
  limits: LimitsSchema,
  tree: z.string().nullable().optional(),
});

export const StatusSchema = status;
export const ResumeStrategySchema = z.enum(RESUME_STRATEGIES);

// Compile-time proof that the persisted context schema and the machine's context type agree both ways.
type Parsed = z.infer<typeof ContextSchema>;
const _toMachine: (p: Parsed) => WorkflowContext = (p) => p;
const _fromMachine: (c: WorkflowContext) => Parsed = (c) => c;
void _toMachine;
void _fromMachine;

/**
 * zod schemas of the review-policy part of the persisted context (issue #6): the budget ledger, the pending
 * batch, review decisions, bypasses and the docs baseline. Every field has a default equal to a fresh run's, so
 * a state.json written before issue #6 still reads (and its journal replays to the same context).
 */
import { z } from 'zod';
import { emptyLedger } from '../../machines/ledger.js';
import type { BudgetLedger } from '../../machines/policy-types.js';

const count = z.number().int().nonnegative();

export const UsageTotalsSchema = z.strictObject({
  calls: count,
  cacheHits: count,
  inputTokens: count,
  cachedInputTokens: count,
  outputTokens: count,
  reasoningOutputTokens: count,
  wallMs: z.number().nonnegative(),
  rateLimitEvents: count,
});

export const BudgetLedgerSchema = z.strictObject({
  run: UsageTotalsSchema,
  phases: z.strictObject({ planning: UsageTotalsSchema, implementation: UsageTotalsSchema, final: UsageTotalsSchema }),
  milestones: z.record(z.string(), UsageTotalsSchema),
});

export const BatchStateSchema = z.strictObject({
  milestones: z.array(z.string()),
  base: z.string().nullable(),
  reopened: z.array(z.string()),
});

export const ReviewDecisionSchema = z.strictObject({
  milestone: z.string(),
  review: z.boolean(),
  reason: z.string(),
  batch: z.array(z.string()),
  at: z.string(),
});

export const BypassRecordSchema = z.strictObject({
  gate: z.enum(['plan', 'milestone', 'final']),
  milestone: z.string().nullable(),
  reason: z.string(),
  risk: z.enum(['low', 'medium', 'high', 'critical']),
  artifact: z.string(),
  artifactSha256: z.string(),
  base: z.string().nullable(),
  covers: z.array(z.string()),
  recheck: z.enum(['pending', 'passed', 'failed', 'not_required']),
  at: z.string(),
});

export const DocHashesSchema = z.record(z.string(), z.string().nullable());

/** The issue #6 context fields, each defaulting to a fresh run's value. */
export const PolicyContextShape = {
  ledger: BudgetLedgerSchema.default(() => emptyLedger() as BudgetLedger),
  batch: BatchStateSchema.default(() => ({ milestones: [], base: null, reopened: [] })),
  reviewDecisions: z.array(ReviewDecisionSchema).default(() => []),
  bypasses: z.array(BypassRecordSchema).default(() => []),
  consecutiveBypasses: count.default(0),
  mockSecrets: z.boolean().default(false),
  docsBaseline: DocHashesSchema.nullable().default(null),
};

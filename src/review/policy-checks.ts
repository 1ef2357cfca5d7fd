/**
 * What `cccc review` does around the Codex call for the review policy (issue #6), kept out of the pipeline in
 * `run-review.ts`: reuse a cached passing review (0 calls), check the budget before the call (pausing with
 * `budget_exhausted` before the call that would exceed it, warning when few calls remain), a batch note for the
 * prompt, and the facts the verdict event carries (planning-doc hashes at the plan gate, batch milestones a
 * failing verdict names).
 */
import { currentMilestoneId, passStatusOf } from '../../machines/guards.js';
import { verdictPasses } from '../../machines/severity.js';
import { limitsFromConfig } from '../config/load.js';
import { checkBudget } from '../../machines/ledger.js';
import { pendingRechecks } from '../../machines/policy-updates.js';
import type { DocHashes } from '../../machines/policy-types.js';
import type { VerdictFacts, WorkflowContext } from '../../machines/types.js';
import { budgetLimitsFromConfig } from '../config/policy.js';
import type { CcccConfig } from '../config/schema.js';
import { docHashes, trackedDocs, writeBaselineCopies } from '../docs-sync/hashes.js';
import { CodexError, RefusedError } from '../errors.js';
import { dispatch } from '../state/store.js';
import type { StateEnvelope } from '../state/envelope.js';
import type { WorkspacePaths } from '../workspace/paths.js';
import { makeEvent, type CommandDeps } from '../commands/workspace.js';
import { cachedVerdict, findCachedRecord, reviewCacheKey } from './cache.js';
import type { PreparedReview } from './prepare.js';
import type { ReviewTarget } from './review-target.js';
import type { ReviewResult } from './run-review.js';

/** Result of {@link beforeCodexCall}: the cache key for the record, and the finished review on a cache hit. */
export interface PolicyCheck {
  cacheKey: string;
  /** Set on a cache hit: the review is done, no Codex call was made. */
  cached: ReviewResult | null;
  /** The prompt to send (with a batch note when the review covers milestones accepted pending Codex). */
  prompt: string;
}

/** A note telling Codex which milestones accepted pending Codex this review also covers. */
export function batchNote(context: WorkflowContext, target: ReviewTarget): string {
  const pending = target.gate === 'milestone' ? context.batch.milestones.filter((m) => m !== target.milestone?.id) : [];
  if (pending.length === 0) return '';
  const criteria = pending.flatMap((id) => {
    const m = context.milestones.find((x) => x.id === id);
    return m ? [`- ${id} ${m.title}:`, ...m.acceptance_criteria.map((c) => `  - ${c}`)] : [];
  });
  return [
    '',
    '## Batch review',
    `This review also covers milestones accepted pending Codex review (batched by codex_review_policy): ${pending.join(', ')}.`,
    'The diff runs from the first of them. Check their acceptance criteria too, and name any milestone whose work fails in your findings:',
    ...criteria,
    '',
  ].join('\n');
}

/**
 * Before the Codex call: on a cache hit, send the machine the cached pass (`source: 'cache'`) and return the
 * result; else check the budget — when one more call would exceed a limit, send `review.budget_exhausted` and throw
 * {@link CodexError} `CODEX_BUDGET_EXHAUSTED`; when few calls remain, log a warning (stderr).
 */
export async function beforeCodexCall(
  paths: WorkspacePaths,
  config: CcccConfig,
  deps: CommandDeps,
  state: StateEnvelope,
  target: ReviewTarget,
  prepared: PreparedReview,
): Promise<PolicyCheck> {
  const context = state.snapshot.context;
  const pending = pendingRechecks(context);
  if (target.gate === 'final' && pending.length > 0) {
    throw new RefusedError(
      'RECHECKS_PENDING',
      `The final gate cannot pass while ${pending.length} Codex recheck(s) of bypassed gates are pending (${pending.map((b) => b.milestone ?? b.gate).join(', ')}).`,
      'Run `cccc recheck` (Codex must be available), then `cccc review`.',
      { pending: pending.map((b) => ({ gate: b.gate, milestone: b.milestone })) },
    );
  }
  const cacheKey = reviewCacheKey(target.gate, prepared.fingerprint);
  const milestone = target.gate === 'milestone' ? (target.milestone?.id ?? null) : null;
  const cache = config.codex_review_policy.cache;
  if (cache.enabled && cache.reuse_review_when_fingerprint_matches) {
    const hit = findCachedRecord(context, target.gate, milestone, cacheKey);
    const verdict = hit ? await cachedVerdict(paths, hit) : null;
    // Reused only if it still passes under today's severity settings (the machine checks the same).
    const passes = verdict !== null && verdictPasses(verdict.status, verdict.findings, limitsFromConfig(config), passStatusOf(target.gate));
    if (hit && verdict && passes) return { cacheKey, prompt: prepared.prompt, cached: await sendCacheHit(paths, config, deps, target, prepared, hit, verdict) };
  }
  const budget = checkBudget(context.ledger, target.gate, currentMilestoneId(context), budgetLimitsFromConfig(config));
  if (!budget.ok) {
    const { after } = await dispatch(paths, makeEvent({ type: 'review.budget_exhausted', gate: target.gate, budget: budgetLimitsFromConfig(config) }, config, deps), 'cli');
    throw new CodexError('CODEX_BUDGET_EXHAUSTED', budget.message, `No Codex call was made. The workflow is ${after.status}. Raise the limit in docs/cccc/config.json (codex_review_policy.budget) and \`cccc resume --strategy recommended\`, or see \`cccc budget\`.`, {
      status: after.status,
      scope: budget.exhausted,
    });
  }
  if (budget.warn) deps.log(`cccc: warning: ${budget.message}`);
  return { cacheKey, prompt: prepared.prompt + batchNote(context, target), cached: null };
}

async function sendCacheHit(
  paths: WorkspacePaths,
  config: CcccConfig,
  deps: CommandDeps,
  target: ReviewTarget,
  prepared: PreparedReview,
  hit: NonNullable<ReturnType<typeof findCachedRecord>>,
  verdict: VerdictFacts,
): Promise<ReviewResult> {
  deps.log(`cccc: cache hit — ${hit.artifact} reviewed exactly this (${target.gate}${hit.milestone ? ` ${hit.milestone}` : ''}); no Codex call.`);
  const record = { ...hit, round: target.round, at: deps.now().toISOString(), source: 'cache' as const };
  const extra = await verdictEventFacts(paths, config, target, verdict, record.passed, []);
  const event = makeEvent({ type: 'review.verdict', gate: target.gate, verdict, record, tree: prepared.facts.worktreeTree, ...extra }, config, deps);
  const { before, after } = await dispatch(paths, event, 'codex');
  return {
    gate: target.gate,
    milestone: record.milestone,
    round: target.round,
    verdict: verdict.status,
    passed: true,
    summary: verdict.summary,
    findings: verdict.findings,
    from: before.status,
    to: after.status,
    revision: after.revision,
    artifact: hit.artifact,
    eventsFile: null,
    fingerprint: prepared.fingerprint.value,
    usage: null,
    durationMs: 0,
    bundle: { bytes: prepared.bundle.bytes, cut: prepared.bundle.truncated.length > 0, withheld: prepared.bundle.withheld.length },
    source: 'cache',
  };
}

/** Ids of `batch` milestones the verdict's summary or finding titles mention (word-bounded). */
export function milestonesNamed(verdict: VerdictFacts, batch: readonly string[]): string[] {
  const text = [verdict.summary, ...verdict.findings.map((f) => f.title)].join('\n');
  return batch.filter((id) => new RegExp(`(^|[^A-Za-z0-9_.-])${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^A-Za-z0-9_-])`).test(text));
}

/**
 * Extra facts of a `review.verdict`: at the plan gate the tracked planning docs' hashes (the docs-sync baseline
 * once approved; their copies are written for `sync-docs`), and for a batch review that did not pass, the batch
 * milestones its verdict names.
 */
export async function verdictEventFacts(
  paths: WorkspacePaths,
  config: CcccConfig,
  target: ReviewTarget,
  verdict: VerdictFacts,
  passed: boolean,
  batch: readonly string[],
): Promise<{ docs?: DocHashes; namedMilestones?: string[] }> {
  if (target.gate === 'plan') {
    const names = trackedDocs(config);
    const docs = await docHashes(paths, names);
    if (passed) await writeBaselineCopies(paths, names);
    return { docs };
  }
  if (target.gate === 'milestone' && !passed && batch.length > 0) return { namedMilestones: milestonesNamed(verdict, batch) };
  return {};
}

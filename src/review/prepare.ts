/**
 * Preparing a review: build and write the context bundle, compute the gate fingerprint, and render the
 * prompt. Nothing here runs Codex or holds the lock.
 */
import { buildContextBundle, writeContextBundle } from '../bundle/index.js';
import type { ContextBundle } from '../bundle/types.js';
import { PROMPT_VERSION, finalReviewPrompt, milestoneReviewPrompt, planReviewPrompt } from '../codex/prompts.js';
import { limitsFromConfig } from '../config/load.js';
import type { CcccConfig } from '../config/schema.js';
import { computeGateFingerprintFacts, gateFingerprint, type GateFingerprint, type GateFingerprintFacts } from '../gates/fingerprint.js';
import { sha256Text } from '../files/sha256.js';
import { verdictJsonSchema } from '../verdicts/json-schema.js';
import type { WorkspacePaths } from '../workspace/paths.js';
import type { WorkflowContext, GateName } from '../../machines/types.js';
import type { ReviewTarget } from './review-target.js';

/** A prepared review. */
export interface PreparedReview {
  bundle: ContextBundle;
  facts: GateFingerprintFacts;
  fingerprint: GateFingerprint;
  prompt: string;
}

/** The verdict-schema version of `gate`: the hash of the JSON Schema Codex gets (changes when the schema does). */
export function schemaVersionOf(gate: GateName): string {
  return sha256Text(JSON.stringify(verdictJsonSchema(gate))).slice(0, 16);
}

/**
 * Build the context bundle a review of `target` sends Codex (not written). Shared with `cccc rebuild-context`,
 * so the rebuilt bundle is byte-for-byte the one the next review would send.
 */
export async function buildReviewBundle(paths: WorkspacePaths, config: CcccConfig, context: WorkflowContext, target: ReviewTarget): Promise<ContextBundle> {
  return buildContextBundle({
    paths,
    task: context.task,
    limits: limitsFromConfig(config),
    gate: target.gate,
    milestone: target.milestone,
    milestones: context.milestones,
    priorFindings: context.lastFindings,
    baseCommit: target.base,
    maxBytes: config.codex.max_context_bytes,
  });
}

/** Build the bundle (written to `docs/cccc/context-bundle.md`), the fingerprint and the prompt for `target`. */
export async function prepareReview(paths: WorkspacePaths, config: CcccConfig, context: WorkflowContext, target: ReviewTarget): Promise<PreparedReview> {
  const limits = limitsFromConfig(config);
  const bundle = await buildReviewBundle(paths, config, context, target);
  await writeContextBundle(paths, bundle);
  const facts = await computeGateFingerprintFacts(paths.root, target.base, target.milestone, bundle.text, {
    promptVersion: PROMPT_VERSION,
    schemaVersion: schemaVersionOf(target.gate),
  });
  const base = {
    bundle: bundle.text,
    task: context.task ?? '',
    round: target.round,
    maxRounds: (target.gate === 'plan' ? limits.maxPlanReviewRounds : limits.maxReviewRoundsPerMilestone) + context.extraRounds,
    userLanguage: config.language.user_language,
  };
  const prompt =
    target.gate === 'plan'
      ? planReviewPrompt(base)
      : target.gate === 'milestone' && target.milestone
        ? milestoneReviewPrompt({ ...base, milestone: target.milestone })
        : finalReviewPrompt({ ...base, milestones: context.milestones.map((m) => ({ id: m.id, title: m.title })) });
  return { bundle, facts, fingerprint: gateFingerprint(facts), prompt };
}

/**
 * Shapes of the Codex review policy (issue #6): the budget ledger, review frequency and batching, the
 * policy-checked bypass with its later recheck, and docs sync. Plain TypeScript; `src/` computes the facts
 * (usage of a Codex call, the config's policy, hashes of the planning docs) and sends them in event payloads,
 * so the machine decides and a journal replay decides the same way.
 */
import type { Finding, GateName, Risk } from './types.js';

/**
 * Where a Codex call is spent. `planning`: the plan gate; `implementation`: milestone gates (batch reviews and
 * milestone rechecks included); `final`: the final gate. A replan's plan reviews count in `planning` again.
 */
export type Phase = 'planning' | 'implementation' | 'final';

/** What one `codex exec` run cost, from its `turn.completed` usage and cccc's clock. Tokens; `wallMs` in ms. */
export interface CodexCallFacts {
  inputTokens: number;
  cachedInputTokens: number;
  outputTokens: number;
  reasoningOutputTokens: number;
  wallMs: number;
  /** Rate-limit or quota messages seen in the run (a `rate_limited_or_quota` failure counts one). */
  rateLimitEvents: number;
}

/** Totals of one ledger scope. `calls` counts `codex exec` runs; `cacheHits` reviews reused at no call. */
export interface UsageTotals extends CodexCallFacts {
  calls: number;
  cacheHits: number;
}

/** The budget ledger (issue #6): per run (the context is per run), per phase and per milestone id. */
export interface BudgetLedger {
  run: UsageTotals;
  phases: Record<Phase, UsageTotals>;
  milestones: Record<string, UsageTotals>;
}

/** `codex_review_policy.budget`, in the machine's words. Counts of Codex calls. */
export interface BudgetLimits {
  maxCallsPerRun: number;
  maxCallsPerPhase: number;
  maxCallsPerMilestone: number;
  /** Warn (stderr) before a call when this many calls or fewer remain in any scope. */
  warnWhenRemainingCallsLte: number;
}

/** A change a milestone or Claude's self-review declares; each forces a Codex review when its trigger is on. */
export type ChangeFlag = 'architecture' | 'stack' | 'security';

/** `codex_review_policy.mode` (issue #6). See `review-policy.ts` for each mode's frequency table. */
export type ReviewPolicyMode = 'strict' | 'balanced' | 'budget' | 'manual' | 'custom';

/**
 * The review policy as the machine reads it (from `codex_review_policy`): the mode, the config's own
 * `review_frequency` (used by `custom` only), batching and the triggers that force a review.
 */
export interface ReviewPolicy {
  mode: ReviewPolicyMode;
  /** `review_frequency.<risk>_risk_every_n_milestones`. */
  frequency: Record<Risk, number>;
  batching: { enabled: boolean; maxMilestones: number };
  triggers: {
    architecture: boolean;
    stack: boolean;
    security: boolean;
    largeDiff: boolean;
    largeDiffLines: number;
    largeChangedFiles: number;
  };
}

/** One journaled decision about a milestone's Codex review (never a silent skip). */
export interface ReviewDecisionRecord {
  milestone: string;
  /** True: Codex reviews now (covering `batch`); false: accepted pending Codex, batched into a later review. */
  review: boolean;
  reason: string;
  /** The milestones the review covers (review) or the pending batch after this one joined it (batched). */
  batch: string[];
  at: string;
}

/** Milestones accepted pending Codex, waiting for the next Codex milestone review to cover them. */
export interface BatchState {
  milestones: string[];
  /** Diff base of the batch review: the first batched milestone's base snapshot. */
  base: string | null;
  /** Batch milestones a failing batch review named (all of them when it named none): reopened for the fix. */
  reopened: string[];
}

/** `codex.bypass.allowed_reasons` values (inventory §3.1). */
export type BypassReason = 'quota_exhausted' | 'codex_cli_unavailable' | 'codex_auth_unavailable' | 'codex_api_error' | 'user_explicit_override';

/** `codex.unavailable_policy` values (inventory §3.1). */
export type UnavailablePolicy = 'strict_pause' | 'ask_or_bypass_once' | 'auto_bypass_low_medium' | 'always_ask' | 'custom';

/** `codex.bypass` and `codex.unavailable_policy`, in the machine's words. */
export interface BypassPolicy {
  enabled: boolean;
  unavailablePolicy: UnavailablePolicy;
  mode: 'once_per_gate' | 'auto_low_medium';
  allowedReasons: BypassReason[];
  allowForRisk: Record<Risk, boolean>;
  maxConsecutiveBypassedGates: number;
  requireLaterCodexRecheck: boolean;
}

/** Claude's adversarial review of the gate, as the machine sees it (the file is validated in `src/`). */
export interface AdversarialReviewFacts {
  reviewer: 'claude';
  gate: GateName;
  milestone: string | null;
  status: 'pass' | 'fail_fixable' | 'needs_human' | 'unsafe';
  summary: string;
  findings: Finding[];
}

/** Facts of a `resume --strategy bypass-codex` request: the policy, the reason, Claude's review and its artifact. */
export interface BypassFacts {
  policy: BypassPolicy;
  reason: string;
  review: AdversarialReviewFacts;
  /** Repo-relative path of the bypass artifact under `docs/cccc/reviews/bypass/`, and its SHA-256. */
  artifact: string;
  artifactSha256: string;
  /** Planning-doc hashes, recorded as the docs baseline when the plan gate is bypassed. */
  docs?: DocHashes;
}

/** A bypassed gate and its later Codex recheck. */
export interface BypassRecord {
  gate: GateName;
  milestone: string | null;
  reason: string;
  risk: Risk;
  artifact: string;
  artifactSha256: string;
  /** Diff base a milestone recheck reviews from (the milestone's, or its batch's, base snapshot). */
  base: string | null;
  /** Milestones the bypassed review covered (the milestone plus a pending batch). */
  covers: string[];
  recheck: 'pending' | 'passed' | 'failed' | 'not_required';
  at: string;
}

/** SHA-256 hex of each tracked planning doc (file name under `docs/cccc/`), null when the file is missing. */
export type DocHashes = Record<string, string | null>;

/** How a changed planning doc affects the approved plan (`src/docs-sync/classify.ts` decides). */
export type DocImpact = 'architecture' | 'stack' | 'roadmap' | 'context';

/** One changed doc, as `cccc sync-docs` classified it (config switches already applied). */
export interface DocChange {
  doc: string;
  change: 'added' | 'modified' | 'deleted';
  impact: DocImpact;
  /** Why this impact: the doc's default class or the heuristic that matched. */
  why: string;
}

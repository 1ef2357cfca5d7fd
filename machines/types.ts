/**
 * Shapes the workflow machine works on: its context, its events, and the facts `src/` computes and sends in
 * event payloads. Plain TypeScript only — the zod schemas that validate the same shapes on disk live in
 * `src/` and are checked against these types at compile time.
 */
import type {
  BatchState,
  BudgetLedger,
  BudgetLimits,
  BypassFacts,
  BypassRecord,
  ChangeFlag,
  CodexCallFacts,
  DocChange,
  DocHashes,
  ReviewDecisionRecord,
  ReviewPolicy,
} from './policy-types.js';
import type { PauseKind, PauseStatus, ResumeStrategy, Status } from './status-table.js';

/** Milestone risk level (issue #2 §4, `milestones.yaml`). */
export type Risk = 'low' | 'medium' | 'high' | 'critical';

/** Finding severity, P0 (security, data loss, real money, production) to P3 (minor) — inventory §6. */
export type Severity = 'P0' | 'P1' | 'P2' | 'P3';

/** The three Codex gates. */
export type GateName = 'plan' | 'milestone' | 'final';

/** One milestone of `docs/cccc/milestones.yaml`, as validated by `src/plan/milestones.ts`. */
export interface Milestone {
  /** `M001`-style id, unique, safe as a file name. */
  id: string;
  title: string;
  goal: string;
  scope: string[];
  out_of_scope: string[];
  acceptance_criteria: string[];
  expected_files: string[];
  required_tests: string[];
  risk: Risk;
  depends_on: string[];
  /** Declared architecture/stack/security changes: each forces a Codex review (issue #6 triggers). */
  changes?: ChangeFlag[];
}

/** A question for the human with A/B/C options and a recommended one (spec: "brainstorming interaction"). */
export interface HumanQuestion {
  id: string;
  question: string;
  options: { id: string; label: string }[];
  recommended: string | null;
}

/** An answer recorded by `cccc answer` (text is free-form when the human chose "Other"). */
export interface Answer {
  questionId: string;
  option: string | null;
  text: string | null;
}

/** Claude's self-review verdicts (`--self-review FILE`, issue #2 §5). */
export type SelfReviewVerdict = 'ok' | 'revise_plan' | 'ask_human' | 'read_more_project';

/** Claude's self-review file, validated by `src/plan/self-review.ts`. */
export interface SelfReview {
  verdict: SelfReviewVerdict;
  summary: string;
  concerns: string[];
  questions: HumanQuestion[];
  /** Architecture/stack/security changes Claude made in this step: each forces a Codex review (issue #6). */
  changes?: ChangeFlag[];
}

/** A Codex finding, reduced to what the machine decides on. */
export interface Finding {
  severity: Severity;
  title: string;
}

/** Plan-gate verdict statuses (issue #3 §2). */
export type PlanVerdictStatus = 'approved' | 'rejected_fixable' | 'insufficient_context' | 'needs_human' | 'unsafe';
/** Milestone-gate verdict statuses (issue #3 §2). */
export type MilestoneVerdictStatus =
  | 'pass'
  | 'fail_fixable'
  | 'fail_unclear'
  | 'needs_human'
  | 'unsafe'
  | 'sensitive_operation';
/** Final-gate verdict statuses (issue #3 §2). */
export type FinalVerdictStatus = 'pass' | 'fail_fixable' | 'needs_human' | 'unsafe';

/** A verdict as the machine sees it: the status, the findings and any questions for the human. */
export interface VerdictFacts {
  status: PlanVerdictStatus | MilestoneVerdictStatus | FinalVerdictStatus;
  summary: string;
  findings: Finding[];
  humanQuestions: HumanQuestion[];
}

/**
 * What a gate run recorded (issue #3 §4). `artifact` is the path of the review JSON relative to the repo
 * root; `artifactSha256` its hash; `fingerprint` the hash of (HEAD, diff since base, untracked content,
 * acceptance criteria, bundle) at review time. `verdict` is Codex's status; `passed` is the machine's decision
 * (a "pass" with a blocking finding is not passed). `source` is `codex`, `cache` (a reused passing review) or
 * `bypass` (Claude's adversarial review under the bypass policy — never a Codex-looking record).
 */
export interface GateRecord {
  gate: GateName;
  milestone: string | null;
  round: number;
  verdict: string;
  passed: boolean;
  artifact: string;
  artifactSha256: string;
  fingerprint: string;
  at: string;
  source: 'codex' | 'cache' | 'bypass';
  /**
   * The review cache key (issue #6, `src/review/cache.ts`): the gate's fingerprint components that decide what
   * Codex judged (bundle, diff, acceptance criteria or plan docs, prompt and schema versions). Absent on old records.
   */
  cacheKey?: string;
}

/**
 * Thresholds from `docs/cccc/config.json` (spec: "Read them from there, not from state.json"). `src/`
 * attaches the current values to every event, so a replay of the journal decides exactly as the live run did.
 */
export interface Limits {
  maxPlanReviewRounds: number;
  maxReviewRoundsPerMilestone: number;
  maxFixAttemptsPerMilestone: number;
  maxMilestonesPerRun: number;
  maxDiffLinesPerMilestone: number;
  maxChangedFilesPerMilestone: number;
  /** P1 findings block a pass (`review.block_on_p1`). P0 always blocks. */
  blockOnP1: boolean;
  /** P2 findings do not block when true (`review.allow_continue_with_p2`). */
  allowContinueWithP2: boolean;
}

/** Size of the working-tree change since the milestone's base commit (lines added + removed, files changed). */
export interface DiffStat {
  lines: number;
  files: number;
}

/** Why the workflow is paused, and where `recommended` returns to. */
export interface PauseInfo {
  kind: PauseKind;
  status: PauseStatus;
  reason: string;
  /** The active status the pause interrupted. */
  interrupted: Status;
  /** Machine-level cause, e.g. `diff_limit`, `max_milestones_per_run`, `codex:timeout`. */
  code: string | null;
  at: string;
}

/** What happened to a milestone that left the loop. */
export interface MilestoneOutcome {
  id: string;
  /** `pending_codex`: accepted without its own Codex review, batched into a later one (issue #6). */
  outcome: 'passed' | 'skipped' | 'pending_codex';
  /** True when accepted under lower assurance (mock secrets, bypassed gate, pending batch review). */
  lowerAssurance: boolean;
  at: string;
}

/** The machine's context, persisted inside `state.json`'s `snapshot`. */
export interface WorkflowContext {
  /** Counts `task.started` events: one run per task. */
  run: number;
  task: string | null;
  /** The plan's milestones, fixed when the plan is submitted. */
  milestones: Milestone[];
  /** Index into `milestones` of the current milestone, or null before the plan is approved. */
  milestoneIndex: number | null;
  /** Plan-review round, 1-based once the first plan is submitted for review. */
  planRound: number;
  /** Review round of the current milestone (or of the final gate), 1-based. */
  reviewRound: number;
  /** Fix attempts for the current milestone (or final gate). */
  fixAttempts: number;
  /** Extra rounds granted by `resume --strategy extend-review`, for the current gate. */
  extraRounds: number;
  /** Milestones accepted since the run started or last resumed (for `max_milestones_per_run`). */
  milestonesThisRun: number;
  /** Milestone id whose diff-size limit a human waived with `resume --confirm`. */
  diffLimitWaivedFor: string | null;
  planApproved: boolean;
  /** The review status a `CLAUDE_FIX` returns to. */
  fixReturnTo: 'CODEX_MILESTONE_REVIEW' | 'CODEX_FINAL_REVIEW' | null;
  outcomes: MilestoneOutcome[];
  gates: GateRecord[];
  /** Latest findings of the current gate, so `next` can tell Claude what to fix. */
  lastFindings: Finding[];
  lastVerdictSummary: string | null;
  questions: HumanQuestion[];
  answers: Answer[];
  pause: PauseInfo | null;
  /**
   * True while anything in this run stands under lower assurance: mock secrets (for the rest of the run), a
   * bypassed gate until its Codex recheck passes, milestones pending a batch review (issue #6).
   */
  lowerAssurance: boolean;
  /** Mock secrets were accepted in this run (`resume --strategy mock`). */
  mockSecrets: boolean;
  /** Last self-review Claude submitted (summary only is shown by `next`). */
  lastSelfReview: SelfReview | null;
  /** Self-reviews submitted in this run (so resubmitting an identical `revise_plan` is still a recorded step). */
  selfReviews: number;
  /**
   * Working-tree snapshot (git tree hash, `docs/cccc/` excluded) when the plan was approved: the diff base of
   * the final review. Null until `src/` sends a `tree` with the approving event.
   */
  runBase: string | null;
  /** Working-tree snapshot when the current milestone started: the diff base of its reviews. */
  milestoneBase: string | null;
  /** Codex calls and tokens of this run, per phase and per milestone (issue #6). */
  ledger: BudgetLedger;
  /** Milestones accepted pending Codex, to be covered by the next milestone review. */
  batch: BatchState;
  /** Every review-or-batch decision the policy took for a milestone, with its reason. */
  reviewDecisions: ReviewDecisionRecord[];
  /** Bypassed gates and their recheck state. */
  bypasses: BypassRecord[];
  /** Gates bypassed in a row since the last gate Codex passed (`max_consecutive_bypassed_gates`). */
  consecutiveBypasses: number;
  /** Planning-doc hashes when the plan was approved (or last synced); null before the first approval. */
  docsBaseline: DocHashes | null;
}

/** Fields every event carries: when it happened (ISO-8601 UTC, from `src/`'s clock) and the config limits. */
export interface EventBase {
  at: string;
  limits: Limits;
  /**
   * The working-tree snapshot (git tree hash of the work tree with `docs/cccc/` excluded) when the event was
   * sent, if `src/` computed one. Recorded as the diff base when a milestone or the run starts.
   */
  tree?: string | null;
}

/** Discovery-doc state computed by `src/` (`filled` = exists and differs from its template). */
export type DocState = 'missing' | 'template' | 'filled';

/** Every event the workflow machine accepts. */
export type WorkflowEvent = EventBase &
  (
    | { type: 'task.started'; task: string }
    | { type: 'discovery.submitted'; docs: Record<string, DocState> }
    | {
        type: 'plan.submitted';
        selfReview: SelfReview;
        milestones: Milestone[];
        /** Validation errors of `milestones.yaml`, empty when valid. */
        milestoneErrors: string[];
      }
    | {
        type: 'milestone.submitted';
        selfReview: SelfReview;
        diffStat: DiffStat;
        /** The review policy (issue #6). Absent: every milestone gets its own Codex review. */
        policy?: ReviewPolicy;
        /** Diff since the pending batch's base (equals `diffStat` without a batch), for the large-diff trigger. */
        batchDiffStat?: DiffStat;
      }
    | { type: 'fix.submitted'; selfReview: SelfReview }
    | {
        type: 'review.verdict';
        gate: GateName;
        verdict: VerdictFacts;
        record: GateRecord;
        /** What the Codex call cost; absent for a cache hit (0 calls). */
        usage?: CodexCallFacts;
        /** Plan gate: planning-doc hashes, the docs-sync baseline once approved. */
        docs?: DocHashes;
        /** Batch review that did not pass: the batch milestones its verdict names. */
        namedMilestones?: string[];
      }
    | { type: 'review.failed'; gate: GateName; reason: string; message: string; usage?: CodexCallFacts }
    | { type: 'review.unsafe'; gate: GateName; paths: string[]; message: string; usage?: CodexCallFacts }
    | { type: 'review.budget_exhausted'; gate: GateName; budget: BudgetLimits }
    | { type: 'recheck.verdict'; gate: GateName; milestone: string | null; verdict: VerdictFacts; record: GateRecord; usage?: CodexCallFacts }
    | { type: 'recheck.failed'; gate: GateName; milestone: string | null; reason: string; message: string; usage?: CodexCallFacts }
    | { type: 'replan.requested'; reason: string }
    | { type: 'docs.synced'; docs: DocHashes; changes: DocChange[] }
    | { type: 'pause.requested'; kind: PauseKind; reason: string; code?: string | null }
    | { type: 'question.answered'; answer: Answer }
    | {
        type: 'resume';
        strategy: ResumeStrategy;
        confirm: boolean;
        reason: string | null;
        /** `bypass-codex` only: the policy and Claude's adversarial review (issue #6). */
        bypass?: BypassFacts;
      }
  );

/** The `type` of a {@link WorkflowEvent}. */
export type WorkflowEventType = WorkflowEvent['type'];

/** Narrow {@link WorkflowEvent} by its type. */
export type EventOf<T extends WorkflowEventType> = Extract<WorkflowEvent, { type: T }>;

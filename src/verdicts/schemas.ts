/**
 * The three Codex verdicts as zod schemas — the one source of truth (issue #3 §2). The JSON Schema files Codex
 * gets through `--output-schema` are generated from these (`./json-schema.ts`), and Codex's answer is validated
 * again with these on return (`./parse.ts`).
 *
 * OpenAI strict Structured Outputs (external-interfaces A5): every object is closed and every property is
 * required, so optional values are modelled as nullable, never as `.optional()`, and nothing has a `.default()`.
 * Rules JSON Schema cannot say in strict form (option ids are letters, `recommended` names an option) are zod
 * refinements: they are not sent to Codex (only described), but they are checked on return.
 */
import { z } from 'zod';
import type {
  FinalVerdictStatus,
  GateName,
  HumanQuestion,
  MilestoneVerdictStatus,
  PlanVerdictStatus,
  Severity,
} from '../../machines/types.js';

/** Finding severities; meanings from the original's milestone prompt (inventory §6). */
export const SEVERITIES = ['P0', 'P1', 'P2', 'P3'] as const satisfies readonly Severity[];

/** Plan-gate statuses (issue #3 §2; spec "CODEX_ADVERSARIAL_PLAN_REVIEW"). */
export const PLAN_STATUSES = ['approved', 'rejected_fixable', 'insufficient_context', 'needs_human', 'unsafe'] as const;
/** Milestone-gate statuses (issue #3 §2; spec "CODEX_MILESTONE_REVIEW"). */
export const MILESTONE_STATUSES = ['pass', 'fail_fixable', 'fail_unclear', 'needs_human', 'unsafe', 'sensitive_operation'] as const;
/** Final-gate statuses (issue #3 §2). */
export const FINAL_STATUSES = ['pass', 'fail_fixable', 'needs_human', 'unsafe'] as const;

/** One problem Codex found. `files` are repo-relative paths (empty when the finding is not about a file). */
export const FindingSchema = z.strictObject({
  severity: z
    .enum(SEVERITIES)
    .describe('P0 security/data loss/credential exposure/real funds/production outage; P1 broken build/incorrect behaviour/missing acceptance criterion; P2 edge case/test gap; P3 minor'),
  title: z.string().describe('One line naming the problem'),
  evidence: z.string().describe('What in the plan, diff or files shows the problem'),
  recommendation: z.string().describe('The concrete change that would fix it'),
  files: z.array(z.string()).describe('Repository-relative paths concerned; empty if none'),
});

const OPTION_ID = /^[A-Z]$/;

/** One answer option of a human question: `id` is a single capital letter (A, B, C…). */
export const QuestionOptionSchema = z.strictObject({
  id: z
    .string()
    .refine((id) => OPTION_ID.test(id), { message: 'option id must be one capital letter (A, B, C…)' })
    .describe('One capital letter: A, B, C…'),
  label: z.string().describe('What choosing this option means'),
});

/**
 * A question only the human can answer, in the spec's brainstorming form: at least two lettered options with
 * distinct ids, and `recommended` naming one of them (or null). Same shape as the machine's HumanQuestion.
 */
export const HumanQuestionSchema = z
  .strictObject({
    id: z.string().describe('Stable question id, e.g. Q1'),
    question: z.string(),
    options: z.array(QuestionOptionSchema).describe('At least two options with distinct letter ids A, B, C…'),
    recommended: z.string().nullable().describe('The id of the recommended option, or null'),
  })
  .superRefine((q, ctx) => {
    if (q.options.length < 2) ctx.addIssue({ code: 'custom', path: ['options'], message: 'a question needs at least two options' });
    const ids = q.options.map((o) => o.id);
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', path: ['options'], message: `option ids must be distinct (got ${ids.join(', ')})` });
    if (q.recommended !== null && !ids.includes(q.recommended)) {
      ctx.addIssue({ code: 'custom', path: ['recommended'], message: `recommended "${q.recommended}" is not one of the option ids (${ids.join(', ')})` });
    }
  });

const summary = z.string().describe('A few sentences: the verdict and why');
const findings = z.array(FindingSchema);
const humanQuestions = z.array(HumanQuestionSchema).describe('Questions for the human; empty unless status needs them');
const language = z.string().describe('Language code of the prose in this verdict, e.g. en');

/** Codex's adversarial plan review (issue #3 §2). */
export const PlanVerdictSchema = z.strictObject({
  status: z.enum(PLAN_STATUSES),
  summary,
  findings,
  required_changes: z.array(z.string()).describe('Plan changes required before approval; empty when approved'),
  missing_context: z.array(z.string()).describe('What Codex needed but the bundle lacked; empty unless insufficient_context'),
  human_questions: humanQuestions,
  language,
});

/** Codex's review of one milestone's diff against its acceptance criteria (issue #3 §2). */
export const MilestoneReviewVerdictSchema = z.strictObject({
  status: z.enum(MILESTONE_STATUSES),
  summary,
  findings,
  fix_plan: z.array(z.string()).describe('Ordered fix steps; empty on pass'),
  unmet_acceptance_criteria: z.array(z.string()).describe('Acceptance criteria the diff does not meet, quoted; empty on pass'),
  human_questions: humanQuestions,
  language,
});

/** Codex's final review of the whole task (issue #3 §2). */
export const FinalVerdictSchema = z.strictObject({
  status: z.enum(FINAL_STATUSES),
  summary,
  findings,
  required_changes: z.array(z.string()).describe('Changes required before the task is done; empty on pass'),
  residual_risks: z.array(z.string()).describe('Risks that remain even if the task passes'),
  human_questions: humanQuestions,
  language,
});

/** A parsed plan verdict. */
export type PlanVerdict = z.infer<typeof PlanVerdictSchema>;
/** A parsed milestone verdict. */
export type MilestoneReviewVerdict = z.infer<typeof MilestoneReviewVerdictSchema>;
/** A parsed final verdict. */
export type FinalVerdict = z.infer<typeof FinalVerdictSchema>;
/** Any of the three verdicts. */
export type Verdict = PlanVerdict | MilestoneReviewVerdict | FinalVerdict;
/** A Codex finding as parsed (the machine keeps only severity and title). */
export type VerdictFinding = z.infer<typeof FindingSchema>;
/** The verdict type of a gate. */
export type VerdictFor<G extends GateName> = G extends 'plan' ? PlanVerdict : G extends 'milestone' ? MilestoneReviewVerdict : FinalVerdict;

/** The zod schema of each gate's verdict. */
export const VERDICT_SCHEMAS = {
  plan: PlanVerdictSchema,
  milestone: MilestoneReviewVerdictSchema,
  final: FinalVerdictSchema,
} as const satisfies Record<GateName, z.ZodType>;

/** The status Codex gives when the gate passes (the machine also requires that no finding blocks). */
export const PASS_STATUS = { plan: 'approved', milestone: 'pass', final: 'pass' } as const satisfies Record<GateName, string>;

// Compile-time agreement with the machine's types (machines/types.ts): a drift here fails `tsc`.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const agreesWithMachine: [
  Same<PlanVerdict['status'], PlanVerdictStatus>,
  Same<MilestoneReviewVerdict['status'], MilestoneVerdictStatus>,
  Same<FinalVerdict['status'], FinalVerdictStatus>,
  Same<z.infer<typeof HumanQuestionSchema>, HumanQuestion>,
] = [true, true, true, true];
void agreesWithMachine;

/**
 * `cccc next`: from the state and a few facts, the exact instruction and command for the next move
 * (issue #2 §5). Pure; the command gathers the facts. The Stop hook's reason is built from the same result.
 */
import { openQuestions } from '../../machines/resume.js';
import { STATUS_TABLE, type ResumeStrategy, type Status } from '../../machines/status-table.js';
import type { WorkflowContext } from '../../machines/types.js';
import { currentMilestoneId } from '../../machines/guards.js';
import { format, type MessageKey } from '../i18n/catalogue.js';
import type { Language } from '../i18n/language.js';
import type { Limits } from '../../machines/types.js';

/** Facts the command computes for {@link nextStep}. */
export interface NextFacts {
  /** Discovery docs still missing or still the template (file names). */
  unfilledDiscoveryDocs: string[];
  limits: Limits;
  language: Language;
}

/** The public `cccc next --json` shape (a documented contract: status, milestone, instruction, command, …). */
export interface NextStep {
  status: Status;
  milestone: string | null;
  milestoneTitle: string | null;
  revision: number;
  task: string | null;
  /** Whose move: claude, codex (run `cccc review`), human, user, none. */
  actor: string;
  instruction: string;
  /** The one command to run next (a shell command line). */
  command: string;
  /** Extra lines: findings to fix, acceptance criteria, open questions. */
  details: string[];
  /** For pauses: the resume strategies the status table allows. */
  allowedStrategies: readonly ResumeStrategy[];
  /** Unanswered question ids. */
  openQuestions: string[];
}

/** Compute the next step for a workflow in `status` with `context` at `revision`. */
export function nextStep(status: Status, context: WorkflowContext, revision: number, facts: NextFacts): NextStep {
  const lang = facts.language;
  const t = (key: MessageKey, values?: Record<string, string | number>) => format(lang, key, values);
  const milestoneId = currentMilestoneId(context);
  const milestone = milestoneId ? context.milestones.find((m) => m.id === milestoneId) ?? null : null;
  const row = STATUS_TABLE[status];
  const base = {
    status,
    milestone: milestoneId,
    milestoneTitle: milestone?.title ?? null,
    revision,
    task: context.task,
    actor: row.actor,
    details: [] as string[],
    allowedStrategies: row.resume,
    openQuestions: openQuestions(context).map((q) => q.id),
  };
  const findings = context.lastFindings.map((f) => `${f.severity} ${f.title}`);
  switch (status) {
    case 'SETUP_COMPLETE':
      return { ...base, instruction: t('next.setup'), command: 'cccc start "<task>"' };
    case 'DISCOVER_EXISTING_PROJECT': {
      const docs = facts.unfilledDiscoveryDocs;
      return docs.length === 0
        ? { ...base, instruction: t('next.discover.done'), command: 'cccc submit discovery' }
        : { ...base, instruction: t('next.discover', { docs: docs.map((d) => `docs/cccc/${d}`).join(', ') }), command: 'cccc submit discovery', details: docs.map((d) => `docs/cccc/${d}`) };
    }
    case 'CLAUDE_PLANNING_REVIEW':
      return { ...base, instruction: t('next.plan'), command: 'cccc submit plan --self-review <file>' };
    case 'CLAUDE_REVISE_PLAN':
      return {
        ...base,
        instruction: t('next.revise', { round: context.planRound, max: facts.limits.maxPlanReviewRounds + context.extraRounds }),
        command: 'cccc submit plan --self-review <file>',
        details: findings,
      };
    case 'CODEX_ADVERSARIAL_PLAN_REVIEW':
      return { ...base, instruction: t('next.review.plan'), command: 'cccc review' };
    case 'IMPLEMENT_MILESTONE':
      return {
        ...base,
        instruction: t('next.implement', { milestone: milestoneId ?? '?', title: milestone?.title ?? '' }),
        command: 'cccc submit milestone --self-review <file>',
        details: milestone
          ? [
              t('next.detail.goal', { text: milestone.goal }),
              ...milestone.acceptance_criteria.map((c) => t('next.detail.acceptance', { text: c })),
              ...milestone.required_tests.map((c) => t('next.detail.test', { text: c })),
              ...milestone.expected_files.map((c) => t('next.detail.file', { text: c })),
            ]
          : [],
      };
    case 'CODEX_MILESTONE_REVIEW':
      return {
        ...base,
        instruction: t('next.review.milestone', { milestone: milestoneId ?? '?', round: context.reviewRound, max: facts.limits.maxReviewRoundsPerMilestone + context.extraRounds }),
        command: 'cccc review',
      };
    case 'CLAUDE_FIX':
      return {
        ...base,
        instruction: t('next.fix', { attempt: context.fixAttempts, max: facts.limits.maxFixAttemptsPerMilestone + context.extraRounds }),
        command: 'cccc submit fix --self-review <file>',
        details: findings,
      };
    case 'CODEX_FINAL_REVIEW':
      return { ...base, instruction: t('next.review.final'), command: 'cccc review' };
    case 'DONE':
      return { ...base, instruction: t('next.done'), command: 'cccc start "<task>"' };
    default:
      return pausedStep(status, context, base, t);
  }
}

function pausedStep(
  status: Status,
  context: WorkflowContext,
  base: Omit<NextStep, 'instruction' | 'command'>,
  t: (key: MessageKey, values?: Record<string, string | number>) => string,
): NextStep {
  const allowed = STATUS_TABLE[status].resume;
  const confirm = STATUS_TABLE[status].confirm as readonly ResumeStrategy[];
  const open = openQuestions(context);
  const reason = context.pause?.reason ?? '';
  const details = open.length
    ? [t('next.paused.questions'), ...open.flatMap((q) => [`${q.id}: ${q.question}`, ...q.options.map((o) => `  ${o.id}. ${o.label}${q.recommended === o.id ? t('next.recommended') : ''}`)])]
    : [];
  const first = allowed[0];
  const command = open.length
    ? `cccc answer --question ${open[0]!.id} --option <id>`
    : first
      ? `cccc resume --strategy ${first}${confirm.includes(first) ? ' --confirm' : ''}`
      : 'cccc status';
  return {
    ...base,
    instruction: t('next.paused', { status, reason, allowed: allowed.map((s) => `--strategy ${s}${confirm.includes(s) ? ' --confirm' : ''}`).join(', ') }),
    command,
    details,
  };
}

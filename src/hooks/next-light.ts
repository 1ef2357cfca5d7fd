/**
 * The `cccc next` instruction for the Stop hook's block reason (issue #4 §1), computed without loading
 * `src/next/next-step.ts`: that module pulls the whole message catalogue (every command's and doctor's texts)
 * and the machine's guard modules, which measured at about 0.2 of the hook's 1.3× budget (bench/hook.mjs).
 *
 * Only the statuses of kind `active` are covered — the hook never blocks in any other — and the texts are the
 * catalogue's own `next.*` messages from `src/i18n/messages/workflow.ts`, so wording never forks. The logic
 * mirrors `nextStep`; test/unit/next-light.test.ts checks, for every active status of the status table and both
 * languages, that both give the same instruction, command, details and milestone, so a change to one that is
 * not made to the other fails there.
 */
import type { ActiveStatus } from '../../machines/status-table.js';
import type { DocState, Limits, WorkflowContext } from '../../machines/types.js';
import type { Language } from '../i18n/language.js';
import { EN_WORKFLOW, ZH_WORKFLOW } from '../i18n/messages/workflow.js';

/** Same list as `DISCOVERY_DOCS` in machines/guards.ts (the test checks it). */
export const HOOK_DISCOVERY_DOCS = ['project-map.md', 'current-state.md', 'architecture.md', 'test-strategy.md', 'risk-register.md', 'open-questions.md'] as const;

/** The part of `NextStep` the block reason uses. */
export interface LightNextStep {
  milestone: string | null;
  milestoneTitle: string | null;
  task: string | null;
  instruction: string;
  command: string;
  details: string[];
}

type WorkflowKey = keyof typeof EN_WORKFLOW;

/**
 * `nextStep` for an active `status`; `docs` are the discovery-doc states (read only for
 * `DISCOVER_EXISTING_PROJECT`). Throws on a context too damaged to read (the caller falls back).
 */
export function activeNextStep(
  status: ActiveStatus,
  context: WorkflowContext,
  facts: { docs: () => Record<string, DocState>; limits: Limits; language: Language },
): LightNextStep {
  const messages: Record<WorkflowKey, string> = facts.language === 'zh-CN' ? ZH_WORKFLOW : EN_WORKFLOW;
  const t = (key: WorkflowKey, values: Record<string, string | number> = {}) =>
    messages[key].replace(/\{(\w+)\}/g, (m, name: string) => (name in values ? String(values[name]) : m));
  const milestoneId = context.milestoneIndex === null ? null : (context.milestones[context.milestoneIndex]?.id ?? null);
  const milestone = milestoneId ? (context.milestones.find((m) => m.id === milestoneId) ?? null) : null;
  const base = { milestone: milestoneId, milestoneTitle: milestone?.title ?? null, task: context.task, details: [] as string[] };
  const findings = () => context.lastFindings.map((f) => `${f.severity} ${f.title}`);
  switch (status) {
    case 'DISCOVER_EXISTING_PROJECT': {
      const states = facts.docs();
      const docs = HOOK_DISCOVERY_DOCS.filter((name) => states[name] !== 'filled').map((d) => `docs/cccc/${d}`);
      return docs.length === 0
        ? { ...base, instruction: t('next.discover.done'), command: 'cccc submit discovery' }
        : { ...base, instruction: t('next.discover', { docs: docs.join(', ') }), command: 'cccc submit discovery', details: docs };
    }
    case 'CLAUDE_PLANNING_REVIEW':
      return { ...base, instruction: t('next.plan'), command: 'cccc submit plan --self-review <file>' };
    case 'CLAUDE_REVISE_PLAN':
      return {
        ...base,
        instruction: t('next.revise', { round: context.planRound, max: facts.limits.maxPlanReviewRounds + context.extraRounds }),
        command: 'cccc submit plan --self-review <file>',
        details: findings(),
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
        details: findings(),
      };
    case 'CODEX_FINAL_REVIEW':
      return { ...base, instruction: t('next.review.final'), command: 'cccc review' };
    default:
      throw new Error(`no light next step for ${String(status)}`);
  }
}

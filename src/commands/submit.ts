/**
 * `cccc submit discovery|plan|milestone|fix [--self-review FILE|-]`: hand Claude's finished step to the
 * machine with the facts its guards need (issue #2 §5). Refused with a clear message when it is not the
 * current step, when a discovery doc is still the template, or when milestones.yaml is invalid.
 */
import { DISCOVERY_DOCS, PLANNING_DOCS, unfilledDiscoveryDocs } from '../../machines/guards.js';
import type { Status } from '../../machines/status-table.js';
import type { SelfReview, WorkflowEvent } from '../../machines/types.js';
import { RefusedError, UsageError } from '../errors.js';
import { EMPTY_TREE, snapshotDiffStat, snapshotWorktree } from '../git/worktree-snapshot.js';
import { translator } from '../i18n/catalogue.js';
import type { Language } from '../i18n/language.js';
import { docStates } from '../plan/docs.js';
import { readMilestones } from '../plan/milestones.js';
import { readSelfReview } from '../plan/self-review.js';
import { reviewPolicyFromConfig } from '../config/policy.js';
import { assertNoPendingSources } from '../inbox/pending.js';
import { dispatch, readState } from '../state/store.js';
import { makeEvent, openWorkspace, type CommandDeps } from './workspace.js';

/** The steps `cccc submit` accepts, and the statuses in which each is the current step. */
export const SUBMIT_STEPS = {
  discovery: ['DISCOVER_EXISTING_PROJECT'],
  plan: ['CLAUDE_PLANNING_REVIEW', 'CLAUDE_REVISE_PLAN'],
  milestone: ['IMPLEMENT_MILESTONE'],
  fix: ['CLAUDE_FIX'],
} as const satisfies Record<string, readonly Status[]>;

/** A submit step name. */
export type SubmitStep = keyof typeof SUBMIT_STEPS;

/** Options of `cccc submit`. */
export interface SubmitOptions {
  step: string;
  selfReview?: string;
  readStdin: () => Promise<string>;
}

/** Result of {@link runSubmit}. */
export interface SubmitResult {
  step: SubmitStep;
  from: Status;
  status: Status;
  revision: number;
  diffStat?: { lines: number; files: number };
  /** Milestone: the review policy's decision (issue #6): reviewed now, or accepted pending Codex (batched), and why. */
  review?: { review: boolean; reason: string; covers: string[] };
}

/** Submit `options.step`. Throws UsageError, RefusedError `NOT_CURRENT_STEP` / `DISCOVERY_INCOMPLETE` / `PLAN_INVALID`. */
export async function runSubmit(options: SubmitOptions, deps: CommandDeps): Promise<SubmitResult> {
  if (!(options.step in SUBMIT_STEPS)) {
    throw new UsageError(`Unknown step "${options.step}".`, `Use one of: ${Object.keys(SUBMIT_STEPS).join(', ')}.`);
  }
  const step = options.step as SubmitStep;
  const { paths, config } = await openWorkspace(deps);
  const state = await readState(paths);
  const allowed = SUBMIT_STEPS[step] as readonly Status[];
  if (!allowed.includes(state.status)) {
    throw new RefusedError(
      'NOT_CURRENT_STEP',
      `submit ${step} is not the current step: the workflow is in ${state.status}.`,
      'Run `cccc next` to see what to do now.',
      { status: state.status, step },
    );
  }
  const needsReview = step !== 'discovery';
  if (needsReview && !options.selfReview) {
    throw new UsageError(`submit ${step} needs --self-review FILE (or - for stdin).`, 'Write your self-review JSON first; `cccc next` shows the format.');
  }
  const selfReview: SelfReview | null = needsReview ? await readSelfReview(options.selfReview!, options.readStdin) : null;
  let payload: Parameters<typeof makeEvent>[0];
  let diffStat: SubmitResult['diffStat'];
  switch (step) {
    case 'discovery': {
      const docs = await docStates(paths, DISCOVERY_DOCS);
      const missing = unfilledDiscoveryDocs(docs);
      if (missing.length) {
        throw new RefusedError(
          'DISCOVERY_INCOMPLETE',
          `These discovery docs are missing or still the template: ${missing.map((d) => `docs/cccc/${d} (${docs[d]})`).join(', ')}.`,
          'Write each doc from what you found in the project and delete its `cccc:template` line, then submit again.',
          { docs },
        );
      }
      payload = { type: 'discovery.submitted', docs };
      break;
    }
    case 'plan': {
      await assertNoPendingSources(paths, config);
      const plan = await readMilestones(paths);
      if (selfReview!.verdict === 'ok') {
        const docs = await docStates(paths, PLANNING_DOCS);
        const unfilled = PLANNING_DOCS.filter((d) => docs[d] !== 'filled').map((d) => `docs/cccc/${d}: ${docs[d]}`);
        const problems = [...unfilled, ...plan.errors];
        if (problems.length) {
          throw new RefusedError('PLAN_INVALID', `The plan is not ready:\n${problems.map((p) => `  - ${p}`).join('\n')}`, 'Fix the items above and submit the plan again.', { problems });
        }
      }
      payload = { type: 'plan.submitted', selfReview: selfReview!, milestones: plan.milestones, milestoneErrors: plan.errors };
      break;
    }
    case 'milestone': {
      const tree = await snapshotWorktree(paths.root);
      diffStat = await snapshotDiffStat(paths.root, state.snapshot.context.milestoneBase ?? EMPTY_TREE, tree);
      // Issue #6: the review policy decides in the machine; a batch review's large-diff trigger reads the batch's diff.
      const batchBase = state.snapshot.context.batch.base;
      const batchDiffStat = batchBase ? await snapshotDiffStat(paths.root, batchBase, tree) : diffStat;
      payload = { type: 'milestone.submitted', selfReview: selfReview!, diffStat, tree, policy: reviewPolicyFromConfig(config), batchDiffStat };
      break;
    }
    case 'fix':
      payload = { type: 'fix.submitted', selfReview: selfReview! };
      break;
  }
  const event: WorkflowEvent = makeEvent(payload, config, deps);
  const { before, after } = await dispatch(paths, event, 'cli');
  const decision = step === 'milestone' ? after.snapshot.context.reviewDecisions.at(-1) : undefined;
  const review = decision && decision.at === event.at ? { review: decision.review, reason: decision.reason, covers: decision.batch } : undefined;
  if (review && !review.review) deps.log(`cccc: accepted pending Codex (batched, lower assurance): ${review.reason}`);
  return { step, from: before.status, status: after.status, revision: after.revision, ...(diffStat ? { diffStat } : {}), ...(review ? { review } : {}) };
}

/** Human rendering of {@link SubmitResult} in `language`. */
export function formatSubmit(r: SubmitResult, language: Language = 'en'): string {
  const t = translator(language);
  const diff = r.diffStat ? t('submit.diff', { lines: r.diffStat.lines, files: r.diffStat.files }) : '';
  return `${t('submit.done', { step: r.step, diff, from: r.from, status: r.status, revision: r.revision })}\n${t('common.next')}`;
}

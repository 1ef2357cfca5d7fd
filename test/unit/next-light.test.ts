/**
 * The Stop hook's light `next` (src/hooks/next-light.ts) must say exactly what `cccc next` says (issue #4 §1):
 * for every status of kind `active` in the status table, both languages, and contexts with and without a current
 * milestone, findings, extra rounds and unfilled discovery docs, the instruction, command, details, milestone and
 * task equal `nextStep`'s. A change to one that is not made to the other fails here.
 */
import { describe, expect, it } from 'vitest';
import { DISCOVERY_DOCS, unfilledDiscoveryDocs } from '../../machines/guards.js';
import { initialSnapshot } from '../../machines/run.js';
import { STATUS_TABLE, STATUSES, type ActiveStatus } from '../../machines/status-table.js';
import type { DocState, Limits, WorkflowContext } from '../../machines/types.js';
import { activeNextStep, HOOK_DISCOVERY_DOCS } from '../../src/hooks/next-light.js';
import { nextStep } from '../../src/next/next-step.js';
import { milestone } from '../helpers/cli.js';

const LIMITS: Limits = {
  maxPlanReviewRounds: 3,
  maxReviewRoundsPerMilestone: 4,
  maxFixAttemptsPerMilestone: 5,
  maxMilestonesPerRun: 5,
  maxDiffLinesPerMilestone: 1200,
  maxChangedFilesPerMilestone: 20,
  blockOnP1: true,
  allowContinueWithP2: true,
};

const ACTIVE = STATUSES.filter((s) => STATUS_TABLE[s].kind === 'active') as ActiveStatus[];

function context(over: Partial<WorkflowContext>): WorkflowContext {
  return { ...(initialSnapshot().context as WorkflowContext), task: 'Add rate limiting', ...over };
}

const CONTEXTS: [string, WorkflowContext][] = [
  ['no plan yet', context({})],
  [
    'second milestone, findings, extra rounds',
    context({
      milestones: [milestone('M001'), milestone('M002', { title: 'Token bucket', acceptance_criteria: ['429 after 10 req/s', 'headers set'], expected_files: ['src/limit.js'] })],
      milestoneIndex: 1,
      planRound: 2,
      reviewRound: 3,
      fixAttempts: 2,
      extraRounds: 1,
      lastFindings: [
        { severity: 'P1', title: 'limit not applied to /login' },
        { severity: 'P2', title: 'magic number' },
      ],
    }),
  ],
];

const DOCS: [string, Record<string, DocState>][] = [
  ['all docs filled', Object.fromEntries(DISCOVERY_DOCS.map((d) => [d, 'filled' as DocState]))],
  ['two docs unfilled', { ...Object.fromEntries(DISCOVERY_DOCS.map((d) => [d, 'filled' as DocState])), 'architecture.md': 'template', 'open-questions.md': 'missing' }],
];

describe('the Stop hook\'s light next step equals nextStep', () => {
  it('knows the same discovery docs as the machine', () => {
    expect([...HOOK_DISCOVERY_DOCS]).toEqual([...DISCOVERY_DOCS]);
  });

  it('covers at least the eight active statuses', () => {
    expect(ACTIVE.length).toBeGreaterThanOrEqual(8);
  });

  for (const status of ACTIVE) {
    for (const language of ['en', 'zh-CN'] as const) {
      for (const [contextName, ctx] of CONTEXTS) {
        for (const [docsName, docs] of status === 'DISCOVER_EXISTING_PROJECT' ? DOCS : DOCS.slice(0, 1)) {
          it(`${status}, ${language}, ${contextName}${status === 'DISCOVER_EXISTING_PROJECT' ? `, ${docsName}` : ''}`, () => {
            const full = nextStep(status, ctx, 7, { unfilledDiscoveryDocs: unfilledDiscoveryDocs(docs), limits: LIMITS, language });
            const light = activeNextStep(status, ctx, { docs: () => docs, limits: LIMITS, language });
            expect(light).toEqual({
              milestone: full.milestone,
              milestoneTitle: full.milestoneTitle,
              task: full.task,
              instruction: full.instruction,
              command: full.command,
              details: full.details,
            });
          });
        }
      }
    }
  }
});

/**
 * The state facts of the Stop-hook decision (`StopStateFacts`): the status and revision from `state.json`, and the
 * `cccc next` instruction and command for the block reason (issue #4 §1, "The reason tells Claude what to do
 * next"), computed by the same pure `nextStep` the `next` command uses — it and its imports (status table,
 * resume and guard helpers, message catalogue) are plain modules, so it stays on the hot path; the `next`
 * command's own module (zod config, XState store) does not.
 */
import { unfilledDiscoveryDocs } from '../../machines/guards.js';
import { isStatus } from '../../machines/status-table.js';
import type { WorkflowContext } from '../../machines/types.js';
import { nextStep } from '../next/next-step.js';
import type { WorkspacePaths } from '../workspace/paths.js';
import { discoveryDocStates } from './doc-state.js';
import type { HookConfig, HookState } from './hook-workspace.js';
import type { StopStateFacts } from './stop-decision.js';

/** Instruction used when `nextStep` cannot be computed from a damaged context. */
const FALLBACK = { instruction: 'Run `cccc next --json` and do exactly the step it names.', command: 'cccc next --json' } as const;

/**
 * Facts for `decideStop`. Only statuses of kind `active` get a `nextStep` (the others never block), and only
 * `DISCOVER_EXISTING_PROJECT` reads the discovery docs. Never throws: a context `nextStep` cannot read gives
 * the fallback instruction.
 */
export function stopStateFacts(state: HookState, config: HookConfig, paths: WorkspacePaths, needsNext: boolean): StopStateFacts {
  const context = state.context;
  const task = typeof context.task === 'string' ? context.task : null;
  const base: StopStateFacts = { status: state.status, revision: state.revision, task, milestoneId: null, milestoneTitle: null, ...fallback() };
  if (!needsNext || !isStatus(state.status)) return base;
  try {
    const unfilled = state.status === 'DISCOVER_EXISTING_PROJECT' ? unfilledDiscoveryDocs(discoveryDocStates(paths)) : [];
    const step = nextStep(state.status, context as unknown as WorkflowContext, state.revision, {
      unfilledDiscoveryDocs: unfilled,
      limits: config.limits,
      language: config.language,
    });
    const details = step.details.length > 0 ? `\n${step.details.map((d) => `  ${d}`).join('\n')}` : '';
    return {
      ...base,
      task: step.task,
      milestoneId: step.milestone,
      milestoneTitle: step.milestoneTitle,
      nextInstruction: `${step.instruction}${details}`,
      nextCommand: step.command,
    };
  } catch {
    return base;
  }
}

function fallback(): { nextInstruction: string; nextCommand: string } {
  return { nextInstruction: FALLBACK.instruction, nextCommand: FALLBACK.command };
}

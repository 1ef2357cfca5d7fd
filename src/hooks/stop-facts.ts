/**
 * The state facts of the Stop-hook decision (`StopStateFacts`): the status and revision from `state.json`, and the
 * `cccc next` instruction and command for the block reason (issue #4 §1, "The reason tells Claude what to do
 * next"), from {@link activeNextStep} (next-light.ts: the same texts and logic as `nextStep`, without loading
 * the whole message catalogue on the hook's hot path).
 */
import { STATUS_TABLE, type ActiveStatus } from '../../machines/status-table.js';
import type { DocState, WorkflowContext } from '../../machines/types.js';
import type { WorkspacePaths } from '../workspace/paths.js';
import { fs } from './hook-io.js';
import type { HookConfig, HookState } from './hook-workspace.js';
import { activeNextStep, HOOK_DISCOVERY_DOCS } from './next-light.js';
import type { StopStateFacts } from './stop-decision.js';

/** Instruction used when the next step cannot be computed from a damaged context. */
const FALLBACK = { instruction: 'Run `cccc next --json` and do exactly the step it names.', command: 'cccc next --json' } as const;

/**
 * Facts for `decideStop`. Only statuses of kind `active` get a next step (the others never block), and only
 * `DISCOVER_EXISTING_PROJECT` reads the discovery docs. Never throws: a context too damaged to read gives the
 * fallback instruction.
 */
export function stopStateFacts(state: HookState, config: HookConfig, paths: WorkspacePaths, needsNext: boolean): StopStateFacts {
  const context = state.context;
  const task = typeof context.task === 'string' ? context.task : null;
  const base: StopStateFacts = { status: state.status, revision: state.revision, task, milestoneId: null, milestoneTitle: null, ...fallback() };
  const kind = Object.prototype.hasOwnProperty.call(STATUS_TABLE, state.status) ? STATUS_TABLE[state.status as ActiveStatus].kind : null;
  if (!needsNext || kind !== 'active') return base;
  try {
    const step = activeNextStep(state.status as ActiveStatus, context as unknown as WorkflowContext, {
      docs: () => discoveryDocStates(paths),
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

/*
 * Discovery-doc states, read synchronously. The rule is `docStateOf` of src/plan/docs.ts (missing / the
 * `cccc:template` marker or blank / filled); that module is not imported because it loads `node:fs/promises`,
 * whose stream modules cost the hook milliseconds. test/unit/hook-entry.test.ts checks both give the same answers.
 */

/** Same text as `TEMPLATE_MARKER` in src/plan/docs.ts. */
const TEMPLATE_MARKER = 'cccc:template';

/** The state of one doc from its text (null = missing), as `docStateOf` in src/plan/docs.ts. */
export function hookDocState(text: string | null): DocState {
  if (text === null) return 'missing';
  return text.includes(TEMPLATE_MARKER) || text.trim() === '' ? 'template' : 'filled';
}

/** The states of the discovery docs under `docs/cccc/`. */
export function discoveryDocStates(paths: WorkspacePaths): Record<string, DocState> {
  const states: Record<string, DocState> = {};
  for (const name of HOOK_DISCOVERY_DOCS) {
    let text: string | null;
    try {
      text = fs.readFileSync(paths.doc(name), 'utf8');
    } catch {
      text = null;
    }
    states[name] = hookDocState(text);
  }
  return states;
}

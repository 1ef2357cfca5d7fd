/**
 * Recording a pause from a hook (issue #4 §1 no-progress, §3 StopFailure and guard denies): a `pause.requested`
 * event dispatched through the state store as actor `hook`, so it is journalled and replayable like any other
 * transition. The store (XState) is imported dynamically: this is the rare path, and the Stop hook's usual path
 * must not load it.
 */
import type { PauseKind } from '../../machines/status-table.js';
import type { Limits } from '../../machines/types.js';
import type { WorkspacePaths } from '../workspace/paths.js';

/** What {@link recordHookPause} did. */
export type HookPauseResult =
  | { recorded: true; from: string; status: string; revision: number }
  | { recorded: false; why: string };

/**
 * Dispatch `pause.requested {kind, reason, code}` stamped with `at` and `limits` (the config's, so journal replay
 * is exact). A refusal (the workflow is no longer active: someone paused or finished it meanwhile) or any other
 * error is returned as `recorded: false` with the message; never throws.
 */
export async function recordHookPause(
  paths: WorkspacePaths,
  request: { kind: PauseKind; reason: string; code: string },
  stamp: { at: string; limits: Limits },
): Promise<HookPauseResult> {
  try {
    const { dispatch } = await import('../state/store.js');
    const event = { type: 'pause.requested' as const, kind: request.kind, reason: request.reason, code: request.code, at: stamp.at, limits: stamp.limits };
    const { before, after } = await dispatch(paths, event, 'hook');
    return { recorded: true, from: before.status, status: after.status, revision: after.revision };
  } catch (error) {
    return { recorded: false, why: error instanceof Error ? error.message : String(error) };
  }
}

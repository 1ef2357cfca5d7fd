/**
 * `cccc start "<task>"`: begin a run (SETUP_COMPLETE or DONE → DISCOVER_EXISTING_PROJECT). Refused while
 * another run is active or paused (finish it, or `cccc reset`).
 */
import { RefusedError, UsageError } from '../errors.js';
import { translator } from '../i18n/catalogue.js';
import type { Language } from '../i18n/language.js';
import { dispatch } from '../state/store.js';
import { makeEvent, openWorkspace, type CommandDeps } from './workspace.js';

/** Result of {@link runStart}. */
export interface StartResult {
  status: string;
  revision: number;
  task: string;
}

/** Start `task`. Throws UsageError for an empty task, RefusedError `RUN_IN_PROGRESS` when a run is underway. */
export async function runStart(task: string, deps: CommandDeps): Promise<StartResult> {
  const trimmed = task.trim();
  if (!trimmed) throw new UsageError('The task is empty.', 'Describe the task: cccc start "add rate limiting to the API"');
  const { paths, config } = await openWorkspace(deps);
  const event = makeEvent({ type: 'task.started', task: trimmed }, config, deps);
  const { after } = await dispatch(paths, event, 'cli', (state) =>
    new RefusedError(
      'RUN_IN_PROGRESS',
      `A run is already in progress (${state.status}, task: ${state.snapshot.context.task ?? '—'}).`,
      'Finish it (cccc next), resume it (cccc resume), or start over with cccc reset.',
      { status: state.status },
    ),
  );
  return { status: after.status, revision: after.revision, task: trimmed };
}

/** Human rendering of {@link StartResult} in `language`. */
export function formatStart(r: StartResult, language: Language = 'en'): string {
  const t = translator(language);
  return [t('start.done', { task: r.task }), t('start.status', { status: r.status, revision: r.revision }), t('common.next')].join('\n');
}

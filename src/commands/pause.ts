/** `cccc pause --kind human|secret|sensitive|unsafe|system --reason TEXT`: a person or Claude stops the workflow. */
import { STATUS_TABLE, USER_PAUSE_KINDS, type PauseKind } from '../../machines/status-table.js';
import { RefusedError, UsageError } from '../errors.js';
import { translator } from '../i18n/catalogue.js';
import type { Language } from '../i18n/language.js';
import { dispatch } from '../state/store.js';
import { makeEvent, openWorkspace, type CommandDeps } from './workspace.js';

/** Result of {@link runPause}. */
export interface PauseResult {
  from: string;
  status: string;
  revision: number;
  reason: string;
}

/** Pause with `kind` and `reason`. Refused when there is no run (idle/terminal) or it is already in that pause. */
export async function runPause(options: { kind: string; reason: string }, deps: CommandDeps): Promise<PauseResult> {
  if (!(USER_PAUSE_KINDS as readonly string[]).includes(options.kind)) {
    throw new UsageError(`Unknown pause kind "${options.kind}".`, `Use one of: ${USER_PAUSE_KINDS.join(', ')}.`);
  }
  if (!options.reason?.trim()) throw new UsageError('--reason is required.', 'Say why, e.g. --reason "needs a production API key"');
  const kind = options.kind as PauseKind;
  const { paths, config } = await openWorkspace(deps);
  const event = makeEvent({ type: 'pause.requested', kind, reason: options.reason.trim(), code: 'manual' }, config, deps);
  const { before, after } = await dispatch(paths, event, 'cli', (state) =>
    new RefusedError(
      'PAUSE_REFUSED',
      STATUS_TABLE[state.status].kind === 'paused'
        ? `The workflow is already paused (${state.status}).`
        : `There is no run to pause (${state.status}).`,
      STATUS_TABLE[state.status].kind === 'paused' ? 'Leave the pause with cccc resume (cccc next lists the strategies).' : 'cccc status shows where the workflow is.',
      { status: state.status },
    ),
  );
  return { from: before.status, status: after.status, revision: after.revision, reason: options.reason.trim() };
}

/** Human rendering of {@link PauseResult} in `language`. */
export function formatPause(r: PauseResult, language: Language = 'en'): string {
  const t = translator(language);
  return [t('pause.done', { from: r.from, status: r.status, revision: r.revision }), t('pause.reason', { reason: r.reason }), t('pause.resumeWith')].join('\n');
}

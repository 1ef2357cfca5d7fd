/**
 * `cccc resume --strategy S [--confirm] [--reason T]`: leave a pause by a guarded strategy (issue #2 §2).
 * A refused combination exits non-zero and names the strategies that are allowed (from the status table).
 */
import { decideResume } from '../../machines/resume.js';
import { RESUME_STRATEGIES, STATUS_TABLE, type ResumeStrategy } from '../../machines/status-table.js';
import { RefusedError, UsageError } from '../errors.js';
import { snapshotWorktree } from '../git/worktree-snapshot.js';
import { translator } from '../i18n/catalogue.js';
import type { Language } from '../i18n/language.js';
import { appendDecision } from '../plan/decision-log.js';
import { runBypass } from '../bypass/run-bypass.js';
import { dispatch } from '../state/store.js';
import { makeEvent, openWorkspace, type CommandDeps } from './workspace.js';

/** Options of `cccc resume`. */
export interface ResumeOptions {
  strategy: string;
  confirm?: boolean;
  reason?: string;
  /** `bypass-codex`: Claude's adversarial review file (issue #6), or `-` for stdin. */
  selfReview?: string;
  readStdin?: () => Promise<string>;
}

/** Result of {@link runResume}. */
export interface ResumeResult {
  from: string;
  status: string;
  strategy: ResumeStrategy;
  revision: number;
}

/** Resume. Throws UsageError (unknown strategy) or RefusedError `RESUME_REFUSED` with the allowed strategies. */
export async function runResume(options: ResumeOptions, deps: CommandDeps): Promise<ResumeResult> {
  if (!(RESUME_STRATEGIES as readonly string[]).includes(options.strategy)) {
    throw new UsageError(`Unknown strategy "${options.strategy}".`, `Strategies: ${RESUME_STRATEGIES.join(', ')}.`);
  }
  const strategy = options.strategy as ResumeStrategy;
  // Issue #6: the bypass is policy-checked, needs Claude's review file and writes its own artifact.
  if (strategy === 'bypass-codex') return runBypass(options, deps);
  const { paths, config } = await openWorkspace(deps);
  const tree = strategy === 'skip' ? await snapshotWorktree(paths.root) : null;
  const event = makeEvent({ type: 'resume', strategy, confirm: Boolean(options.confirm), reason: options.reason ?? null, tree }, config, deps);
  const { before, after } = await dispatch(paths, event, 'cli', (state) => {
    const decision = decideResume(state.status, state.snapshot.context, { strategy, confirm: Boolean(options.confirm) });
    const allowed = STATUS_TABLE[state.status].resume;
    const message = decision.ok ? `--strategy ${strategy} is not allowed from ${state.status}.` : decision.message;
    return new RefusedError(
      'RESUME_REFUSED',
      message,
      allowed.length ? `Allowed from ${state.status}: ${allowed.map((s) => `--strategy ${s}`).join(', ')}.` : `${state.status} is not a pause.`,
      { status: state.status, strategy, allowed, reason: decision.ok ? null : decision.code },
    );
  });
  await appendDecision(paths, {
    at: event.at,
    title: `Resume ${before.status} → ${after.status}`,
    fields: { strategy, confirmed: options.confirm ? 'yes' : 'no', reason: options.reason, pause: before.snapshot.context.pause?.reason },
  });
  return { from: before.status, status: after.status, strategy, revision: after.revision };
}

/** Human rendering of {@link ResumeResult} in `language`. */
export function formatResume(r: ResumeResult, language: Language = 'en'): string {
  const t = translator(language);
  return `${t('resume.done', { strategy: r.strategy, from: r.from, status: r.status, revision: r.revision })}\n${t('common.next')}`;
}

/**
 * `cccc status [--json]`: where the workflow is. The JSON shape is a public contract (README):
 * `{status, milestone, revision, task, kind, pause, milestones: [{id, title, risk, outcome}], gates: {…},
 *   lowerAssurance, updatedAt}`.
 */
import { readState } from '../state/store.js';
import { policyStatusLines, type PolicyStatus } from '../policy/status-fields.js';
import { statusDocument } from './status-document.js';
import { openWorkspace, type CommandDeps } from './workspace.js';
import { formatLoopSummary, type LoopSummary } from '../hooks/loop-record.js';
import type { PauseInfo } from '../../machines/types.js';
import { translator } from '../i18n/catalogue.js';
import type { Language } from '../i18n/language.js';

/** The `cccc status --json` document. */
export interface StatusResult {
  status: string;
  kind: string;
  milestone: string | null;
  revision: number;
  task: string | null;
  mode: string;
  pause: PauseInfo | null;
  planApproved: boolean;
  milestones: { id: string; title: string; risk: string; outcome: 'passed' | 'skipped' | 'pending_codex' | 'current' | 'pending' }[];
  gatesPassed: number;
  lowerAssurance: boolean;
  updatedAt: string;
  /** Issue #4: the Stop-hook loop (null when none was ever started); a capped loop stays visible. */
  loop: LoopSummary | null;
  /** Issue #6: assurance level and reasons, budget ledger, pending rechecks, pending batch. */
  assurance: PolicyStatus['assurance'];
  budget: PolicyStatus['budget'];
  pendingRechecks: PolicyStatus['pendingRechecks'];
  batch: PolicyStatus['batch'];
}

/** Read the workspace's status. Read-only. */
export async function runStatus(deps: Pick<CommandDeps, 'cwd'>): Promise<StatusResult> {
  const { paths, config } = await openWorkspace(deps);
  const state = await readState(paths);
  return statusDocument({ status: state.status, revision: state.revision, updatedAt: state.updatedAt, context: state.snapshot.context }, config, paths.loopDir);
}

/** Human rendering of {@link StatusResult} in `language` (message catalogue; status names stay English). */
export function formatStatus(r: StatusResult, language: Language = 'en'): string {
  const t = translator(language);
  const none = t('common.none');
  const lines = [
    t('status.status', { status: r.status, kind: r.kind }),
    t('status.task', { task: r.task ?? none }),
    t('status.milestone', { milestone: r.milestone ?? none }),
    t('status.mode', { mode: r.mode }),
    t('status.revision', { revision: r.revision, updatedAt: r.updatedAt }),
  ];
  if (r.pause) lines.push(t('status.paused', { kind: r.pause.kind, reason: r.pause.reason }), t('status.resumesTo', { status: r.pause.interrupted }));
  if (r.milestones.length) {
    lines.push(t('status.milestones'));
    for (const m of r.milestones) lines.push(`  ${m.id.padEnd(6)} ${m.outcome.padEnd(8)} ${m.risk.padEnd(8)} ${m.title}`);
  }
  if (r.lowerAssurance) lines.push(t('status.lowerAssurance'));
  lines.push(...policyStatusLines(r));
  if (r.loop) lines.push(formatLoopSummary(r.loop));
  return lines.join('\n');
}

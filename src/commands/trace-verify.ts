/**
 * `cccc trace --verify [--json]` (issue #5): replay the whole journal through the machine from the initial
 * snapshot and prove it reproduces `state.json` exactly. Read-only; works with a broken config (it needs only
 * the state and the journal).
 *
 * On success it returns the {@link VerifyReport}. On any divergence it throws {@link CheckFailedError}
 * `TRACE_DIVERGED` (exit 8) whose `details.report` is the same report, so `--json` still prints one document.
 */
import { CheckFailedError } from '../errors.js';
import { verifyWorkspace, type VerifyReport } from '../state/verify.js';
import { workspacePaths } from '../workspace/paths.js';
import { findWorkspaceRoot } from '../workspace/root.js';
import type { CommandDeps } from './workspace.js';

/** Verify the workspace containing `deps.cwd`. Throws `TRACE_DIVERGED` (exit 8) or `NOT_A_GIT_REPO` (exit 7). */
export async function runTraceVerify(deps: Pick<CommandDeps, 'cwd'>): Promise<VerifyReport> {
  const paths = workspacePaths(findWorkspaceRoot(deps.cwd));
  const report = await verifyWorkspace(paths);
  if (!report.ok) {
    const first = report.firstBadRevision === null ? '' : ` (first bad revision: ${report.firstBadRevision})`;
    throw new CheckFailedError('TRACE_DIVERGED', `trace --verify failed${first}: ${report.message}`, report.hint ?? undefined, { report });
  }
  return report;
}

/** Human rendering of a passing verification. */
export function formatTraceVerify(report: VerifyReport): string {
  const torn = report.journal.tornLines ? ` (${report.journal.tornLines} torn line(s) from killed writers were skipped)` : '';
  return `OK: ${report.message}${torn}`;
}

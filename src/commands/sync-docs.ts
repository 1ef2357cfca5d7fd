/**
 * `cccc sync-docs [--dry-run] [--json]` (issue #6): report which tracked planning docs a person changed since the
 * plan was approved (or the last sync), each with its classified impact (`src/docs-sync/classify.ts`), and apply
 * it: a high-impact change (architecture, stack, roadmap/milestones) invalidates the plan approval and moves an
 * in-progress run to `NEEDS_REPLAN` (a pause: the Stop hook lets Claude stop); context-only changes move the
 * baseline and rebuild the context bundle. While paused, a high-impact change is refused: resume with
 * `--strategy replan`. The original hung on its first hash (inventory §10 A6); this one reads each doc once.
 */
import { STATUS_TABLE } from '../../machines/status-table.js';
import type { DocChange } from '../../machines/policy-types.js';
import { highImpact } from '../../machines/policy-updates.js';
import { buildContextBundle, writeContextBundle } from '../bundle/index.js';
import { limitsFromConfig } from '../config/load.js';
import { trackedDocs, writeBaselineCopies } from '../docs-sync/hashes.js';
import { unsyncedDocs } from '../docs-sync/unsynced.js';
import { RefusedError } from '../errors.js';
import { targetFor } from '../review/review-target.js';
import { dispatch, readState } from '../state/store.js';
import { makeEvent, openWorkspace, type CommandDeps } from './workspace.js';

/** The `cccc sync-docs --json` document. */
export interface SyncDocsResult {
  /** `disabled`, `no_baseline` (no approved plan yet), `clean`, `changed` (dry run), `synced`, `replan`. */
  result: 'disabled' | 'no_baseline' | 'clean' | 'changed' | 'synced' | 'replan';
  changes: DocChange[];
  highImpact: boolean;
  status: string;
  revision: number;
  bundleRebuilt: boolean;
}

/** Report and (unless `dryRun`) apply docs changes. Throws RefusedError `DOCS_CHANGED_WHILE_PAUSED`. */
export async function runSyncDocs(options: { dryRun?: boolean }, deps: CommandDeps): Promise<SyncDocsResult> {
  const { paths, config } = await openWorkspace(deps);
  const state = await readState(paths);
  const ctx = state.snapshot.context;
  const found = await unsyncedDocs(paths, config, ctx);
  const high = highImpact(found.changes);
  const base = { changes: found.changes, highImpact: high, status: state.status, revision: state.revision, bundleRebuilt: false };
  if (found.status !== 'changed') return { ...base, result: found.status };
  if (options.dryRun) return { ...base, result: 'changed' };
  if (high && STATUS_TABLE[state.status].kind === 'paused') {
    throw new RefusedError(
      'DOCS_CHANGED_WHILE_PAUSED',
      `High-impact planning-doc changes (${found.changes.filter((c) => c.impact !== 'context').map((c) => `${c.doc}: ${c.impact}`).join(', ')}) while the workflow is ${state.status}.`,
      'They invalidate the plan: cccc resume --strategy replan (add --confirm where the pause needs it), then cccc sync-docs again is not needed — the new plan approval records the docs.',
      { changes: found.changes },
    );
  }
  const { after } = await dispatch(paths, makeEvent({ type: 'docs.synced', docs: found.current, changes: found.changes }, config, deps), 'cli');
  await writeBaselineCopies(paths, trackedDocs(config));
  let bundleRebuilt = false;
  const gate = STATUS_TABLE[after.status].gate ?? (after.status === 'IMPLEMENT_MILESTONE' || after.status === 'CLAUDE_FIX' ? (after.snapshot.context.fixReturnTo === 'CODEX_FINAL_REVIEW' ? 'final' : 'milestone') : null);
  if (!high && gate !== null) {
    const target = targetFor(gate, after.snapshot.context);
    const c = after.snapshot.context;
    const bundle = await buildContextBundle({ paths, task: c.task, limits: limitsFromConfig(config), gate, milestone: target.milestone, milestones: c.milestones, priorFindings: c.lastFindings, baseCommit: target.base, maxBytes: config.codex.max_context_bytes });
    await writeContextBundle(paths, bundle);
    bundleRebuilt = true;
  }
  return { ...base, result: high ? 'replan' : 'synced', status: after.status, revision: after.revision, bundleRebuilt };
}

/** Human rendering of {@link SyncDocsResult}. */
export function formatSyncDocs(r: SyncDocsResult): string {
  const lines = r.changes.map((c) => `  ${c.doc.padEnd(20)} ${c.change.padEnd(8)} ${c.impact.padEnd(12)} ${c.why}`);
  switch (r.result) {
    case 'disabled':
      return 'Docs sync is off (docs_sync.enabled / track_hashes in docs/cccc/config.json).';
    case 'no_baseline':
      return 'No approved plan yet: the planning docs are recorded when the Codex plan gate approves them.';
    case 'clean':
      return 'Planning docs unchanged since the plan approval (or the last sync).';
    case 'changed':
      return ['Changed since the plan approval (dry run, nothing applied):', ...lines, r.highImpact ? 'High impact: cccc sync-docs would invalidate the plan (NEEDS_REPLAN).' : 'Context-only: cccc sync-docs would rebuild the bundle.'].join('\n');
    case 'replan':
      return ['Changed since the plan approval:', ...lines, `High impact: the plan approval is invalidated; the workflow is ${r.status}.`, 'Next: cccc resume --strategy replan (completed milestones are kept; the new plan goes through the Codex plan gate).'].join('\n');
    case 'synced':
      return ['Changed since the plan approval:', ...lines, `Context-only: baseline updated${r.bundleRebuilt ? ', context bundle rebuilt' : ''}; the workflow stays ${r.status}.`].join('\n');
  }
}

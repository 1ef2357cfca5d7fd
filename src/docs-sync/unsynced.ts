/**
 * Which tracked planning docs a person changed since the docs baseline (the plan approval or the last
 * `cccc sync-docs`), classified (issue #6). Read-only; `cccc sync-docs` applies the result, `cccc next` mentions it.
 */
import { readFile } from 'node:fs/promises';
import type { DocChange, DocHashes } from '../../machines/policy-types.js';
import type { WorkflowContext } from '../../machines/types.js';
import type { CcccConfig } from '../config/schema.js';
import type { WorkspacePaths } from '../workspace/paths.js';
import { applySwitches, classifyDoc } from './classify.js';
import { baselineText, docHashes, trackedDocs } from './hashes.js';

/** The docs-sync picture: `disabled` (config), `no_baseline` (no approved plan yet), `clean` or `changed`. */
export interface UnsyncedDocs {
  status: 'disabled' | 'no_baseline' | 'clean' | 'changed';
  changes: DocChange[];
  /** Current hashes of every tracked doc (the new baseline when synced). */
  current: DocHashes;
}

/** Compare the tracked docs with the context's baseline and classify each change (config switches applied). */
export async function unsyncedDocs(paths: WorkspacePaths, config: CcccConfig, context: WorkflowContext): Promise<UnsyncedDocs> {
  if (!config.docs_sync.enabled || !config.docs_sync.track_hashes) return { status: 'disabled', changes: [], current: {} };
  const names = trackedDocs(config);
  const current = await docHashes(paths, names);
  const baseline = context.docsBaseline;
  if (baseline === null || !context.planApproved) return { status: 'no_baseline', changes: [], current };
  const changes: DocChange[] = [];
  for (const doc of names) {
    const was = baseline[doc] ?? null;
    const now = current[doc] ?? null;
    if (was === now) continue;
    const change: DocChange['change'] = was === null ? 'added' : now === null ? 'deleted' : 'modified';
    // A doc missing at the baseline was empty then: every line of it is a change (and cccc's own decision-log
    // entries in a log cccc created are still recognised as its own).
    const before = was === null ? '' : await baselineText(paths, doc, was);
    const after = now === null ? null : await readFile(paths.doc(doc), 'utf8').catch(() => null);
    const classified = classifyDoc(doc, before, after, change);
    if (classified) changes.push(applySwitches({ doc, change, ...classified }, config));
  }
  return { status: changes.length ? 'changed' : 'clean', changes, current };
}

/**
 * Sources waiting to be curated into the planning docs (issue #6): read-only, for `cccc next` and for
 * `cccc submit plan`, which refuses while any is pending ("before planning continues"). The inbox is scanned
 * now, so a document dropped in after the last sync also counts.
 */
import type { CcccConfig } from '../config/schema.js';
import { RefusedError } from '../errors.js';
import type { WorkspacePaths } from '../workspace/paths.js';
import { scanInbox } from './scan.js';
import { readSourceIndex } from './source-index.js';
import { nextSourceIndex, pendingCuration } from './sync.js';

/** Repo-relative paths of inbox documents whose current content was never curated (empty when curation is off). */
export async function pendingSources(paths: WorkspacePaths, config: CcccConfig): Promise<string[]> {
  if (!config.curation.enabled) return [];
  const [index, scan] = await Promise.all([readSourceIndex(paths), scanInbox(paths, config)]);
  return pendingCuration(nextSourceIndex(index, scan.files, '')).map((s) => s.path);
}

/** Throw {@link RefusedError} `SOURCES_PENDING` while inbox documents wait for curation. */
export async function assertNoPendingSources(paths: WorkspacePaths, config: CcccConfig): Promise<void> {
  const pending = await pendingSources(paths, config);
  if (pending.length === 0) return;
  throw new RefusedError(
    'SOURCES_PENDING',
    `${pending.length} inbox document(s) are not curated into the planning docs yet: ${pending.join(', ')}.`,
    'Read each one, fold what matters into the planning docs (roadmap.md, architecture.md, milestones.yaml …), then record it: cccc curate-docs --source <path> --into <doc>[,<doc>] (or --irrelevant).',
    { pending },
  );
}

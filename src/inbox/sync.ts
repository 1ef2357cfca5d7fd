/**
 * `cccc sync-inbox`: index the inbox against the last index (issue #6): `new`, `changed` and `unchanged` sources
 * by hash, `deleted` ones kept (with their curation mark) so the source map stays explainable. A source is
 * pending curation while its current hash was never curated. Pure {@link nextSourceIndex}; I/O around it.
 */
import type { CcccConfig } from '../config/schema.js';
import type { WorkspacePaths } from '../workspace/paths.js';
import { scanInbox, type InboxFile, type SkippedFile } from './scan.js';
import { readSourceIndex, writeSourceIndex, type SourceEntry, type SourceIndex } from './source-index.js';

/** The next index from the previous one and what the scan found at `at`. */
export function nextSourceIndex(previous: SourceIndex, files: readonly InboxFile[], at: string): SourceIndex {
  const before = new Map(previous.sources.map((s) => [s.path, s]));
  const seen = new Set(files.map((f) => f.path));
  const sources: SourceEntry[] = files.map((f) => {
    const old = before.get(f.path);
    const status: SourceEntry['status'] = !old || old.status === 'deleted' ? 'new' : old.sha256 === f.sha256 ? 'unchanged' : 'changed';
    return {
      path: f.path,
      sha256: f.sha256,
      bytes: f.bytes,
      status,
      firstSeenAt: old?.firstSeenAt ?? at,
      lastSeenAt: at,
      curatedSha256: old?.curatedSha256 ?? null,
      curatedAt: old?.curatedAt ?? null,
    };
  });
  for (const old of previous.sources) if (!seen.has(old.path)) sources.push({ ...old, status: 'deleted' });
  sources.sort((a, b) => a.path.localeCompare(b.path));
  return { version: 1, updatedAt: at, sources };
}

/** Sources whose current content was never curated into the planning docs (deleted ones excluded). */
export function pendingCuration(index: SourceIndex): SourceEntry[] {
  return index.sources.filter((s) => s.status !== 'deleted' && s.curatedSha256 !== s.sha256);
}

/** The `cccc sync-inbox --json` document. */
export interface SyncInboxResult {
  inbox: string;
  index: string;
  counts: { new: number; changed: number; unchanged: number; deleted: number; total: number };
  pending: string[];
  skipped: SkippedFile[];
}

/** Scan the inbox, write `docs/cccc/source-index.json`, and report. */
export async function syncInbox(paths: WorkspacePaths, config: CcccConfig, at: string): Promise<SyncInboxResult> {
  const [previous, scan] = await Promise.all([readSourceIndex(paths), scanInbox(paths, config)]);
  const index = nextSourceIndex(previous, scan.files, at);
  await writeSourceIndex(paths, index);
  const count = (s: SourceEntry['status']) => index.sources.filter((x) => x.status === s).length;
  return {
    inbox: config.curation.inbox_path,
    index: 'docs/cccc/source-index.json',
    counts: { new: count('new'), changed: count('changed'), unchanged: count('unchanged'), deleted: count('deleted'), total: scan.files.length },
    pending: pendingCuration(index).map((s) => s.path),
    skipped: scan.skipped,
  };
}

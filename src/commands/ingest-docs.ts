/**
 * `cccc ingest-docs <paths…> [--json]` (issue #6): copy documents into the docs inbox (see `src/inbox/ingest.ts`),
 * then index the inbox like `cccc sync-inbox`. Exit 2 (`INGEST_REJECTED`) when any path was rejected — the others
 * are still copied and indexed, and the error lists both.
 */
import { InvalidInputError, UsageError } from '../errors.js';
import { ingestDocs, type IngestOutcome } from '../inbox/ingest.js';
import { syncInbox, type SyncInboxResult } from '../inbox/sync.js';
import { openWorkspace, type CommandDeps } from './workspace.js';

/** The `cccc ingest-docs --json` document. */
export interface IngestDocsResult {
  outcomes: IngestOutcome[];
  sync: SyncInboxResult;
}

/** Ingest `sources`. Throws UsageError (no paths) or InvalidInputError `INGEST_REJECTED`. */
export async function runIngestDocs(sources: readonly string[], deps: CommandDeps): Promise<IngestDocsResult> {
  if (sources.length === 0) throw new UsageError('ingest-docs needs at least one file.', 'cccc ingest-docs notes.md spec.txt');
  const { paths, config } = await openWorkspace(deps);
  const outcomes = await ingestDocs(paths, config, deps.cwd, sources);
  const sync = await syncInbox(paths, config, deps.now().toISOString());
  const rejected = outcomes.filter((o) => o.outcome === 'rejected');
  if (rejected.length > 0) {
    throw new InvalidInputError(
      'INGEST_REJECTED',
      `Not ingested: ${rejected.map((o) => `${o.source} (${o.outcome === 'rejected' ? o.why : ''})`).join(', ')}.`,
      'The other files were copied and indexed. Split or trim large documents (curation.max_file_bytes), or fix the paths.',
      { outcomes, sync },
    );
  }
  return { outcomes, sync };
}

/** Human rendering of {@link IngestDocsResult}. */
export function formatIngestDocs(r: IngestDocsResult): string {
  const lines = r.outcomes.map((o) =>
    o.outcome === 'copied' ? `  copied    ${o.source} → ${o.target}${o.renamed ? ' (name taken: renamed)' : ''}` : o.outcome === 'unchanged' ? `  unchanged ${o.source} (already ${o.target})` : `  rejected  ${o.source}: ${o.why}`,
  );
  const pending = r.sync.pending.length ? `Pending curation: ${r.sync.pending.join(', ')}\nNext: cccc next (Claude curates them into the planning docs)` : 'Nothing pending curation.';
  return [...lines, pending].join('\n');
}

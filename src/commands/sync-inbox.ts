/** `cccc sync-inbox [--json]` (issue #6): index the docs inbox into `docs/cccc/source-index.json`. */
import { syncInbox, type SyncInboxResult } from '../inbox/sync.js';
import { openWorkspace, type CommandDeps } from './workspace.js';

/** Scan and index the inbox. */
export async function runSyncInbox(deps: CommandDeps): Promise<SyncInboxResult> {
  const { paths, config } = await openWorkspace(deps);
  return syncInbox(paths, config, deps.now().toISOString());
}

/** Human rendering of {@link SyncInboxResult}. */
export function formatSyncInbox(r: SyncInboxResult): string {
  const c = r.counts;
  const lines = [`Inbox ${r.inbox}: ${c.total} document(s) — ${c.new} new, ${c.changed} changed, ${c.unchanged} unchanged, ${c.deleted} deleted. Index: ${r.index}`];
  if (r.skipped.length) lines.push(`Skipped: ${r.skipped.map((s) => `${s.path} (${s.why})`).join(', ')}`);
  lines.push(r.pending.length ? `Pending curation: ${r.pending.join(', ')}\nNext: cccc next` : 'Nothing pending curation.');
  return lines.join('\n');
}

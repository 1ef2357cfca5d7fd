/**
 * `cccc curate-docs [--source P (--into DOC[,DOC…] | --irrelevant) [--note T]] [--json]` (issue #6). Without
 * `--source`: list the inbox documents pending curation. With it: record that Claude folded that source (its
 * current content) into the named planning docs — or that nothing in it mattered — in `docs/cccc/source-map.json`,
 * and mark it curated in the source index. Refused when the source is not in the inbox or a target doc is missing.
 */
import { existsSync } from 'node:fs';
import { RefusedError, UsageError } from '../errors.js';
import { appendSourceMapping, type SourceMapping } from '../inbox/source-map.js';
import { writeSourceIndex } from '../inbox/source-index.js';
import { pendingCuration, syncInbox } from '../inbox/sync.js';
import { readSourceIndex } from '../inbox/source-index.js';
import { openWorkspace, type CommandDeps } from './workspace.js';

/** Options of `cccc curate-docs`. */
export interface CurateDocsOptions {
  source?: string;
  into?: string;
  irrelevant?: boolean;
  note?: string;
}

/** The `cccc curate-docs --json` document. */
export interface CurateDocsResult {
  recorded: SourceMapping | null;
  pending: string[];
}

/** List pending sources, or record one curation. Throws UsageError or RefusedError `SOURCE_UNKNOWN` / `TARGET_MISSING`. */
export async function runCurateDocs(options: CurateDocsOptions, deps: CommandDeps): Promise<CurateDocsResult> {
  const { paths, config } = await openWorkspace(deps);
  const at = deps.now().toISOString();
  const synced = await syncInbox(paths, config, at);
  if (options.source === undefined) return { recorded: null, pending: synced.pending };
  if (Boolean(options.into) === Boolean(options.irrelevant)) throw new UsageError('Give exactly one of --into DOC[,DOC…] or --irrelevant.', 'cccc curate-docs --source docs/cccc/inbox/notes.md --into roadmap.md,architecture.md');
  const source = options.source.replace(/\\/g, '/').replace(/^\.\//, '');
  const index = await readSourceIndex(paths);
  const entry = index.sources.find((s) => s.status !== 'deleted' && (s.path === source || s.path.endsWith(`/${source}`)));
  if (!entry) throw new RefusedError('SOURCE_UNKNOWN', `${options.source} is not a document in the inbox.`, `Run cccc curate-docs to list them (paths like ${config.curation.inbox_path}/notes.md).`);
  const targets = options.irrelevant ? [] : (options.into ?? '').split(',').map((t) => t.trim()).filter(Boolean);
  const missing = targets.filter((t) => t.includes('..') || !existsSync(paths.doc(t)));
  if (missing.length) throw new RefusedError('TARGET_MISSING', `Not planning docs under docs/cccc/: ${missing.join(', ')}.`, 'Name the docs you folded the source into (e.g. roadmap.md, architecture.md, milestones.yaml).');
  const recorded: SourceMapping = { source: entry.path, sha256: entry.sha256, targets, note: options.note ?? null, curatedAt: at };
  await appendSourceMapping(paths, recorded);
  await writeSourceIndex(paths, { ...index, sources: index.sources.map((s) => (s === entry ? { ...s, curatedSha256: s.sha256, curatedAt: at } : s)) });
  return { recorded, pending: pendingCuration(await readSourceIndex(paths)).map((s) => s.path) };
}

/** Human rendering of {@link CurateDocsResult}. */
export function formatCurateDocs(r: CurateDocsResult): string {
  const lines: string[] = [];
  if (r.recorded) lines.push(`Recorded: ${r.recorded.source} → ${r.recorded.targets.length ? r.recorded.targets.join(', ') : '(irrelevant)'} in docs/cccc/source-map.json`);
  if (r.pending.length) {
    lines.push('Pending curation (fold each into the planning docs, then record it):', ...r.pending.map((p) => `  ${p}`));
    lines.push('Record with: cccc curate-docs --source <path> --into <doc>[,<doc>] [--note "…"]  (or --irrelevant)');
  } else lines.push('Nothing pending curation.');
  return lines.join('\n');
}

/**
 * `docs/cccc/source-index.json` (issue #6): what the inbox held at the last `cccc sync-inbox`, by path and hash,
 * and which version of each source was curated into the planning docs. Validated on read; a file that does not
 * parse is an error and is never overwritten (style.md §5).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';
import { InvalidInputError } from '../errors.js';
import type { WorkspacePaths } from '../workspace/paths.js';

export const SourceEntrySchema = z.strictObject({
  path: z.string().min(1),
  sha256: z.string(),
  bytes: z.number().int().nonnegative(),
  status: z.enum(['new', 'changed', 'unchanged', 'deleted']),
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
  /** The hash that was curated into the planning docs (`cccc curate-docs`), null while never curated. */
  curatedSha256: z.string().nullable(),
  curatedAt: z.string().nullable(),
});

export const SourceIndexSchema = z.strictObject({
  version: z.literal(1),
  updatedAt: z.string().nullable(),
  sources: z.array(SourceEntrySchema),
});

/** One indexed source. */
export type SourceEntry = z.infer<typeof SourceEntrySchema>;
/** The whole index. */
export type SourceIndex = z.infer<typeof SourceIndexSchema>;

/** The index file's path. */
export function sourceIndexFile(paths: WorkspacePaths): string {
  return path.join(paths.workspace, 'source-index.json');
}

/** Read the index (empty when missing). Throws {@link InvalidInputError} `SOURCE_INDEX_INVALID` when it cannot be used. */
export async function readSourceIndex(paths: WorkspacePaths): Promise<SourceIndex> {
  const file = sourceIndexFile(paths);
  const text = await readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? null : Promise.reject(e)));
  if (text === null) return { version: 1, updatedAt: null, sources: [] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw invalid(paths, `it is not valid JSON (${(error as Error).message})`);
  }
  const parsed = SourceIndexSchema.safeParse(value);
  if (!parsed.success) throw invalid(paths, parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; '));
  return parsed.data;
}

function invalid(paths: WorkspacePaths, why: string): InvalidInputError {
  const rel = paths.rel(sourceIndexFile(paths));
  return new InvalidInputError('SOURCE_INDEX_INVALID', `${rel} cannot be used: ${why}.`, `Fix or delete ${rel} (cccc sync-inbox rebuilds it; curation marks are then lost); it was left untouched.`);
}

/** Write the index atomically. */
export async function writeSourceIndex(paths: WorkspacePaths, index: SourceIndex): Promise<void> {
  await writeFileAtomic(sourceIndexFile(paths), `${JSON.stringify(index, null, 2)}\n`, { fsync: true });
}

/**
 * `docs/cccc/source-map.json` (issue #6): which inbox source was curated into which planning docs, and which
 * version of it (its SHA-256). `cccc curate-docs --source P --into DOC…` records one mapping and marks that
 * version curated in the source index; `--irrelevant` records that nothing was taken. The original declared
 * `mappings[]` and never wrote one (inventory §8.8).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';
import { InvalidInputError } from '../errors.js';
import type { WorkspacePaths } from '../workspace/paths.js';

export const SourceMappingSchema = z.strictObject({
  source: z.string().min(1),
  sha256: z.string(),
  /** Planning docs under `docs/cccc/` the source was folded into; empty when it was irrelevant. */
  targets: z.array(z.string()),
  note: z.string().nullable(),
  curatedAt: z.string(),
});

export const SourceMapSchema = z.strictObject({ version: z.literal(1), mappings: z.array(SourceMappingSchema) });

/** One recorded curation. */
export type SourceMapping = z.infer<typeof SourceMappingSchema>;
/** The source map. */
export type SourceMap = z.infer<typeof SourceMapSchema>;

/** The source map's path. */
export function sourceMapFile(paths: WorkspacePaths): string {
  return path.join(paths.workspace, 'source-map.json');
}

/** Read the source map (empty when missing). Throws {@link InvalidInputError} `SOURCE_MAP_INVALID`; never overwritten then. */
export async function readSourceMap(paths: WorkspacePaths): Promise<SourceMap> {
  const file = sourceMapFile(paths);
  const text = await readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? null : Promise.reject(e)));
  if (text === null) return { version: 1, mappings: [] };
  const parsed = (() => {
    try {
      return SourceMapSchema.safeParse(JSON.parse(text));
    } catch {
      return null;
    }
  })();
  if (!parsed?.success) {
    throw new InvalidInputError('SOURCE_MAP_INVALID', `${paths.rel(file)} is not a valid source map.`, `Fix or move ${paths.rel(file)} away; it was left untouched.`);
  }
  return parsed.data;
}

/** Append `mapping` and write the map atomically. */
export async function appendSourceMapping(paths: WorkspacePaths, mapping: SourceMapping): Promise<SourceMap> {
  const map = await readSourceMap(paths);
  const next: SourceMap = { version: 1, mappings: [...map.mappings, mapping] };
  await writeFileAtomic(sourceMapFile(paths), `${JSON.stringify(next, null, 2)}\n`, { fsync: true });
  return next;
}

/**
 * `cccc ingest-docs <paths…>` (issue #6): copy documents into the inbox. A file larger than
 * `curation.max_file_bytes`, missing, or not a regular file is rejected (named, with why); a name already taken
 * by different content gets `-2`, `-3`, … before its extension — never an overwrite (created with `wx`); the same
 * content under the same name is left as it is.
 */
import { mkdir, open, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { CcccConfig } from '../config/schema.js';
import { sha256Bytes } from '../files/sha256.js';
import type { WorkspacePaths } from '../workspace/paths.js';
import { inboxDir } from './scan.js';

/** What happened to one given path. */
export type IngestOutcome =
  | { source: string; outcome: 'copied'; target: string; renamed: boolean }
  | { source: string; outcome: 'unchanged'; target: string }
  | { source: string; outcome: 'rejected'; why: string };

/** A free name for `name` in `dir`: `name`, then `stem-2.ext`, `stem-3.ext`, … */
export function candidateName(name: string, n: number): string {
  if (n <= 1) return name;
  const ext = path.extname(name);
  return `${name.slice(0, name.length - ext.length)}-${n}${ext}`;
}

async function copyInto(dir: string, name: string, bytes: Buffer): Promise<{ target: string; renamed: boolean; unchanged: boolean }> {
  for (let n = 1; ; n++) {
    const target = path.join(dir, candidateName(name, n));
    const existing = await readFile(target).catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? null : Promise.reject(e)));
    if (existing !== null) {
      if (sha256Bytes(existing) === sha256Bytes(bytes)) return { target, renamed: n > 1, unchanged: true };
      continue;
    }
    try {
      const handle = await open(target, 'wx');
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      return { target, renamed: n > 1, unchanged: false };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/** Copy each of `sources` (paths relative to `cwd`) into the inbox. Never throws for one bad path: it is rejected. */
export async function ingestDocs(paths: WorkspacePaths, config: CcccConfig, cwd: string, sources: readonly string[]): Promise<IngestOutcome[]> {
  const dir = inboxDir(paths, config);
  await mkdir(dir, { recursive: true });
  const outcomes: IngestOutcome[] = [];
  for (const source of sources) {
    const abs = path.resolve(cwd, source);
    const info = await stat(abs).catch(() => null);
    if (info === null) outcomes.push({ source, outcome: 'rejected', why: 'not found' });
    else if (!info.isFile()) outcomes.push({ source, outcome: 'rejected', why: 'not a regular file' });
    else if (info.size > config.curation.max_file_bytes) {
      outcomes.push({ source, outcome: 'rejected', why: `${info.size} bytes is over curation.max_file_bytes (${config.curation.max_file_bytes})` });
    } else if (path.relative(dir, abs) === path.basename(abs)) outcomes.push({ source, outcome: 'unchanged', target: paths.rel(abs) });
    else {
      const copied = await copyInto(dir, path.basename(abs), await readFile(abs));
      outcomes.push(copied.unchanged ? { source, outcome: 'unchanged', target: paths.rel(copied.target) } : { source, outcome: 'copied', target: paths.rel(copied.target), renamed: copied.renamed });
    }
  }
  return outcomes;
}

/**
 * Hashes and baseline copies of the tracked planning docs (issue #6, `docs_sync.tracked_documents`). The hashes
 * travel in events into the machine's `docsBaseline`; a copy of each doc as it was at the baseline is kept under
 * `docs/cccc/runtime/docs-baseline/` so `cccc sync-docs` can classify what changed by its lines — the original
 * scanned the whole current file, so any doc that ever mentioned "api" looked like an architecture change
 * (inventory §8.8).
 */
import { copyFile, mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { DocHashes } from '../../machines/policy-types.js';
import type { CcccConfig } from '../config/schema.js';
import { sha256File, sha256Text } from '../files/sha256.js';
import type { WorkspacePaths } from '../workspace/paths.js';

/** The tracked docs of `config` that are plain file names under `docs/cccc/` (anything with a path is ignored). */
export function trackedDocs(config: CcccConfig): string[] {
  return config.docs_sync.tracked_documents.filter((name) => name !== '' && !name.includes('/') && !name.includes('\\') && name !== '..' && name !== '.');
}

/** SHA-256 of each of `names` under `docs/cccc/` (null when missing), in `names` order. */
export async function docHashes(paths: WorkspacePaths, names: readonly string[]): Promise<DocHashes> {
  const entries = await Promise.all(
    names.map(async (name) => [name, await sha256File(paths.doc(name)).catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? null : Promise.reject(e)))] as const),
  );
  return Object.fromEntries(entries);
}

/** Where the baseline copies live. */
export function baselineDir(paths: WorkspacePaths): string {
  return path.join(paths.workspace, 'runtime', 'docs-baseline');
}

/** Copy `names` as they are now into the baseline directory (a missing doc removes its copy). */
export async function writeBaselineCopies(paths: WorkspacePaths, names: readonly string[]): Promise<void> {
  const dir = baselineDir(paths);
  await mkdir(dir, { recursive: true });
  await Promise.all(
    names.map(async (name) => {
      const target = path.join(dir, name);
      await copyFile(paths.doc(name), target).catch(async (e: NodeJS.ErrnoException) => {
        if (e.code !== 'ENOENT') throw e;
        await rm(target, { force: true });
      });
    }),
  );
}

/** The baseline copy of `name` when it matches the recorded `sha256` (an outdated copy is no baseline). */
export async function baselineText(paths: WorkspacePaths, name: string, sha256: string | null): Promise<string | null> {
  if (sha256 === null) return null;
  const text = await readFile(path.join(baselineDir(paths), name), 'utf8').catch(() => null);
  return text !== null && sha256Text(text) === sha256 ? text : null;
}

/**
 * Scanning the docs inbox (issue #6, `curation.inbox_path`, default `docs/cccc/inbox/`): every text document
 * (`.md .txt .json .yaml .yml .csv .rst`, as the original's sync-inbox) up to `curation.max_file_bytes`, hashed.
 * Other files and oversize ones are listed as skipped, never read whole.
 */
import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { CcccConfig } from '../config/schema.js';
import { InvalidInputError } from '../errors.js';
import { sha256File } from '../files/sha256.js';
import type { WorkspacePaths } from '../workspace/paths.js';

/** Extensions the inbox indexes. */
export const INBOX_EXTENSIONS = ['.md', '.txt', '.json', '.yaml', '.yml', '.csv', '.rst'] as const;

/** One indexed inbox document: repo-relative path, SHA-256 and size in bytes. */
export interface InboxFile {
  path: string;
  sha256: string;
  bytes: number;
}

/** A file the scan left out, and why. */
export interface SkippedFile {
  path: string;
  why: 'extension' | 'too_large' | 'not_a_file';
}

/** The inbox directory (absolute). Throws {@link InvalidInputError} `CONFIG_INVALID` when it is outside the repository. */
export function inboxDir(paths: WorkspacePaths, config: CcccConfig): string {
  const dir = path.resolve(paths.root, config.curation.inbox_path);
  const rel = path.relative(paths.root, dir);
  if (rel.startsWith('..') || path.isAbsolute(rel)) {
    throw new InvalidInputError('CONFIG_INVALID', `curation.inbox_path (${config.curation.inbox_path}) is outside the repository.`, 'Use a path under the repository, e.g. docs/cccc/inbox.');
  }
  return dir;
}

/** Scan the inbox (a missing inbox is empty). Files sorted by path. */
export async function scanInbox(paths: WorkspacePaths, config: CcccConfig): Promise<{ files: InboxFile[]; skipped: SkippedFile[] }> {
  const files: InboxFile[] = [];
  const skipped: SkippedFile[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? [] : Promise.reject(e)));
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const abs = path.join(dir, entry.name);
      const rel = paths.rel(abs);
      if (entry.isDirectory()) {
        await walk(abs);
        continue;
      }
      const stat = await lstat(abs);
      if (!stat.isFile()) skipped.push({ path: rel, why: 'not_a_file' });
      else if (!(INBOX_EXTENSIONS as readonly string[]).includes(path.extname(entry.name).toLowerCase())) skipped.push({ path: rel, why: 'extension' });
      else if (stat.size > config.curation.max_file_bytes) skipped.push({ path: rel, why: 'too_large' });
      else files.push({ path: rel, sha256: await sha256File(abs), bytes: stat.size });
    }
  };
  await walk(inboxDir(paths, config));
  files.sort((a, b) => a.path.localeCompare(b.path));
  return { files, skipped };
}

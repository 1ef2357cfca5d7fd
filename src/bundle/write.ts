/** Writing the bundle to `docs/cccc/context-bundle.md` (issue #3 §3: rebuilt before every review). */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { WorkspacePaths } from '../workspace/paths.js';
import type { ContextBundle } from './types.js';

/**
 * Write `bundle.text` to `paths.contextBundle` atomically (temp file, fsync, rename — write-file-atomic), so a
 * reader never sees half a bundle. Creates `docs/cccc/` if needed. Returns the absolute path written.
 */
export async function writeContextBundle(paths: WorkspacePaths, bundle: ContextBundle): Promise<string> {
  await mkdir(path.dirname(paths.contextBundle), { recursive: true });
  await writeFileAtomic(paths.contextBundle, bundle.text, { encoding: 'utf8', fsync: true });
  return paths.contextBundle;
}

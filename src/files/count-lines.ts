/**
 * Count a file's lines the way `git diff --numstat` counts a new file's added lines: one per `\n`, plus one for
 * a last line without a newline. Streams the file (constant memory). Binary files (git's NUL rule) count as
 * `null`, like numstat's `-`; a symlink counts as one line (git diffs its target path).
 */
import { createReadStream } from 'node:fs';
import { lstat } from 'node:fs/promises';
import { BINARY_SNIFF_BYTES } from './read-capped.js';

/** Lines of `file` (see module doc), `null` for a binary file, 0 for a missing or non-regular file. */
export async function countLines(file: string): Promise<number | null> {
  let stat;
  try {
    stat = await lstat(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  if (stat.isSymbolicLink()) return 1;
  if (!stat.isFile() || stat.size === 0) return 0;
  let newlines = 0;
  let seen = 0;
  let last = 0;
  for await (const chunk of createReadStream(file)) {
    const bytes = chunk as Buffer;
    if (seen < BINARY_SNIFF_BYTES && bytes.subarray(0, BINARY_SNIFF_BYTES - seen).includes(0)) return null;
    seen += bytes.length;
    for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) newlines++;
    if (bytes.length > 0) last = bytes[bytes.length - 1] as number;
  }
  return newlines + (last === 10 ? 0 : 1);
}

/**
 * An untracked file shown as a new-file patch, the way `git add -N` then `git diff` would show it, built
 * from a capped read (no git call per file). Binary files (NUL in the first 8,000 bytes) get git's one-line
 * "Binary files … differ" instead of content; symlinks show their target, as git does.
 */
import { decodeUtf8Prefix, type CappedRead } from '../files/read-capped.js';
import type { BundleDiffFile } from './types.js';

/** The {@link BundleDiffFile} for untracked `file` (repo-relative) from what {@link readCapped} returned. */
export function untrackedPatch(file: string, read: CappedRead): BundleDiffFile {
  const unreadBytes = Math.max(0, read.size - read.bytes.length);
  const mode = read.kind === 'symlink' ? '120000' : read.executable ? '100755' : '100644';
  const header = `diff --git a/${file} b/${file}\nnew file mode ${mode}\n`;
  const base = { path: file, change: 'untracked' as const, removed: 0 };
  if (read.kind === 'other' || read.kind === 'missing') {
    return { ...base, binary: true, added: 0, countsComplete: true, patch: `${header}(not a regular file; not shown)\n`, unreadBytes: 0 };
  }
  if (read.binary) {
    return { ...base, binary: true, added: 0, countsComplete: true, patch: `${header}Binary files /dev/null and b/${file} differ (${read.size} bytes)\n`, unreadBytes: 0 };
  }
  let text = decodeUtf8Prefix(read.bytes);
  // A read cut mid-line ends at the last whole line; the cut part counts as unread.
  if (unreadBytes > 0 && !text.endsWith('\n')) text = text.slice(0, text.lastIndexOf('\n') + 1);
  const lines = text === '' ? [] : text.split('\n');
  const complete = text.endsWith('\n');
  if (complete) lines.pop();
  const range = lines.length === 1 ? '+1' : `+1,${lines.length}`;
  const hunk = lines.length === 0 ? '' : `--- /dev/null\n+++ b/${file}\n@@ -0,0 ${range} @@\n${lines.map((line) => `+${line}\n`).join('')}`;
  const noNewline = lines.length > 0 && !complete && unreadBytes === 0 ? '\\ No newline at end of file\n' : '';
  return { ...base, binary: false, added: lines.length, countsComplete: unreadBytes === 0, patch: header + hunk + noNewline, unreadBytes: unreadBytes === 0 ? 0 : Math.max(1, read.size - Buffer.byteLength(text, 'utf8')) };
}

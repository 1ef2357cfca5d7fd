/**
 * Bounded file reads for the context bundle: never more than `capBytes` of one file in memory, however large
 * it is (issue #3 §3: one huge untracked file must not blow memory), and binary detection the way git does it.
 */
import { lstat, open, readlink } from 'node:fs/promises';

/** Git's rule: a file is binary when its first 8,000 bytes contain a NUL byte (xdiff `buffer_is_binary`). */
export const BINARY_SNIFF_BYTES = 8000;

/** What {@link readCapped} found. `bytes` holds at most `capBytes`; `size` is the file's full size in bytes. */
export interface CappedRead {
  kind: 'file' | 'symlink' | 'missing' | 'other';
  /** The first `min(size, capBytes)` bytes (a symlink's target for `symlink`; empty for `missing`/`other`). */
  bytes: Buffer;
  /** Full size in bytes (`bytes.length` for a symlink). */
  size: number;
  /** True when the file has a NUL byte in its first {@link BINARY_SNIFF_BYTES} bytes. */
  binary: boolean;
  /** True when the file has an executable bit (git mode 100755). */
  executable: boolean;
}

/** True when `bytes` looks binary by git's rule. */
export function looksBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, BINARY_SNIFF_BYTES);
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return true;
  return false;
}

/**
 * Read at most `capBytes` bytes of `file` without following a symlink (a link named `notes.txt` pointing at
 * `~/.ssh/id_rsa` must not leak it: git records a link as its target path, and so do we). Missing files and
 * non-regular files (sockets, fifos, directories) return empty bytes with their kind.
 */
export async function readCapped(file: string, capBytes: number): Promise<CappedRead> {
  let stat;
  try {
    stat = await lstat(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing', bytes: Buffer.alloc(0), size: 0, binary: false, executable: false };
    throw error;
  }
  if (stat.isSymbolicLink()) {
    const target = Buffer.from(await readlink(file), 'utf8');
    return { kind: 'symlink', bytes: target, size: target.length, binary: false, executable: false };
  }
  if (!stat.isFile()) return { kind: 'other', bytes: Buffer.alloc(0), size: stat.size, binary: false, executable: false };
  const executable = (stat.mode & 0o111) !== 0;
  const want = Math.max(0, Math.min(stat.size, capBytes));
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(want);
    let filled = 0;
    while (filled < want) {
      const { bytesRead } = await handle.read(buffer, filled, want - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    const bytes = filled === want ? buffer : buffer.subarray(0, filled);
    return { kind: 'file', bytes, size: stat.size, binary: looksBinary(bytes), executable };
  } finally {
    await handle.close();
  }
}

/**
 * Decode UTF-8 bytes that may end in the middle of a character (a capped read): the incomplete tail is
 * dropped rather than turned into U+FFFD, so a cut never invents a character.
 */
export function decodeUtf8Prefix(bytes: Buffer): string {
  let end = bytes.length;
  // Walk back over at most 3 continuation bytes to the lead byte and drop it if its sequence is incomplete.
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const byte = bytes[end - back] as number;
    if ((byte & 0xc0) === 0x80) continue;
    const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    if (need > back) end -= back;
    break;
  }
  return bytes.subarray(0, end).toString('utf8');
}

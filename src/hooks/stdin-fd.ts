/**
 * Reading the hook payload straight from file descriptor 0 with `readSync`, the Stop hook's fast path: touching
 * `process.stdin` makes Node build a stream and load its `net`/`stream` modules (about twenty internal modules,
 * measured at ~3 ms of a ~10 ms budget — bench/hook.mjs), while a synchronous read of a pipe needs none of them.
 *
 * Claude Code writes the payload and closes the pipe (real-clients.md), so the read ends at EOF. A terminal or
 * other character device is not read at all (a person typing `cccc hook stop` gets the empty payload, i.e. the
 * stop is allowed); a non-blocking descriptor (`EAGAIN`) hands over to the stream reader with what was read so
 * far, which keeps its timeout.
 */
import { fs } from './node-fs.js';
import { HOOK_STDIN_CAP_BYTES, type HookStdin } from './payload.js';

const { fstatSync, readSync } = fs;

/** Result: the whole input, or the bytes read before the descriptor would block (continue with a stream). */
export type FdStdin = { done: HookStdin } | { partial: Buffer };

/** Read `fd` to EOF, keeping at most `capBytes` bytes. Never throws (an unreadable fd reads as empty). */
export function readStdinFd(fd = 0, capBytes = HOOK_STDIN_CAP_BYTES): FdStdin {
  const empty: FdStdin = { done: { text: '', bytes: 0, truncated: false, timedOut: false } };
  try {
    const stat = fstatSync(fd);
    if (!stat.isFIFO() && !stat.isFile() && !stat.isSocket()) return empty;
  } catch {
    return empty;
  }
  const chunks: Buffer[] = [];
  let bytes = 0;
  const buffer = Buffer.allocUnsafe(64 * 1024);
  for (;;) {
    let n: number;
    try {
      n = readSync(fd, buffer, 0, buffer.length, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN' || code === 'EWOULDBLOCK') return { partial: Buffer.concat(chunks) };
      if (code === 'EINTR') continue;
      break;
    }
    if (n === 0) break;
    chunks.push(Buffer.from(buffer.subarray(0, n)));
    bytes += n;
    if (bytes > capBytes) {
      const kept = Buffer.concat(chunks).subarray(0, capBytes);
      return { done: { text: kept.toString('utf8'), bytes, truncated: true, timedOut: false } };
    }
  }
  return { done: { text: Buffer.concat(chunks).toString('utf8'), bytes, truncated: false, timedOut: false } };
}

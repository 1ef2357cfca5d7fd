/**
 * What a hook entry point touches outside itself — stdin, stdout, stderr, environment, clock, directories —
 * gathered in one {@link HookIO} so tests run the hooks in-process with any payload (issue #4 "500 malformed
 * payloads") and the CLI passes the real process; plus the `fs` module the hot path uses.
 *
 * Speed (issue #4 §1, bench/hook.mjs), measured on Node 20:
 * - An ESM `import … from 'node:fs'` builds the module's export namespace, which reads every lazy getter of
 *   `fs` (`ReadStream`, `promises`…) and loads about twenty stream modules. `createRequire` hands back the same
 *   object without touching them, so the hook modules take {@link fs} from here.
 * - Touching `process.stdin`/`stdout`/`stderr` on a pipe builds a `net` socket (the same stream modules and
 *   more). The payload is read from fd 0 with `readSync` and output written with `writeSync`; the streams are
 *   created only when a descriptor would block (`EAGAIN`).
 * Claude Code writes the payload and closes the pipe (real-clients.md), so reading ends at EOF. A terminal or
 * other character device is not read at all (a person typing `cccc hook stop` gets the empty payload: allow).
 */
import { createRequire } from 'node:module';
import { HOOK_STDIN_CAP_BYTES, readHookStdin, type HookStdin } from './payload.js';

const require = createRequire(import.meta.url);

/** The `node:fs` module object (synchronous functions only are used on the hook path). */
export const fs = require('node:fs') as typeof import('node:fs');

/** The hook's view of the world. */
export interface HookIO {
  /** The payload text (bounded; see payload.ts). Called once. */
  readStdin: () => Promise<HookStdin>;
  /** Writes to stdout; the hook calls it at most once, with one JSON object. */
  stdout: (text: string) => void;
  /** Diagnostics (Claude Code shows stderr of an exit-0 hook only in its debug log, external-interfaces B4). */
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  /** The process's working directory (Claude Code starts hooks in the project directory). */
  cwd: string;
  now: () => Date;
  /** The user's home directory (the guard's "outside the repository" checks). */
  homeDir: string;
  /** A temp directory whose contents may be deleted (the guard). */
  tempDir: string;
}

/** The real process. */
export function processHookIO(): HookIO {
  const os = require('node:os') as typeof import('node:os');
  return {
    readStdin: async () => {
      const fd = readStdinFd(0);
      return 'done' in fd ? fd.done : readHookStdin(process.stdin, { prefix: fd.partial });
    },
    stdout: (text) => writeFd(1, text, () => process.stdout),
    stderr: (text) => writeFd(2, text, () => process.stderr),
    env: process.env,
    cwd: process.cwd(),
    now: () => new Date(),
    homeDir: os.homedir(),
    tempDir: os.tmpdir(),
  };
}

/** {@link readStdinFd}'s result: the whole input, or the bytes read before the descriptor would block. */
export type FdStdin = { done: HookStdin } | { partial: Buffer };

/** Read `fd` to EOF, keeping at most `capBytes` bytes. Never throws (an unreadable fd reads as empty). */
export function readStdinFd(fd = 0, capBytes = HOOK_STDIN_CAP_BYTES): FdStdin {
  const empty: FdStdin = { done: { text: '', bytes: 0, truncated: false, timedOut: false } };
  try {
    const stat = fs.fstatSync(fd);
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
      n = fs.readSync(fd, buffer, 0, buffer.length, null);
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

/** Write `text` to `fd` synchronously; the stream (created by `stream()`) takes over only if it would block. */
function writeFd(fd: number, text: string, stream: () => NodeJS.WriteStream): void {
  const buffer = Buffer.from(text, 'utf8');
  let offset = 0;
  try {
    while (offset < buffer.length) offset += fs.writeSync(fd, buffer, offset);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EAGAIN' || code === 'EWOULDBLOCK') stream().write(buffer.subarray(offset));
    else throw error;
  }
}

/** Milliseconds since `startNs` (from `process.hrtime.bigint()`), one decimal. Avoids the perf_hooks module. */
export function elapsedMs(startNs: bigint): number {
  return Math.round(Number(process.hrtime.bigint() - startNs) / 1e5) / 10;
}

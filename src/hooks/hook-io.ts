/**
 * What a hook entry point touches outside itself — stdin, stdout, stderr, environment, clock, directories —
 * gathered in one object so tests can run the hooks in-process with any payload (issue #4 "500 malformed
 * payloads"), and the CLI passes the real process.
 */
import { fs } from './node-fs.js';
import os from 'node:os';
import { readHookStdin, type HookStdin } from './payload.js';
import { readStdinFd } from './stdin-fd.js';

const { writeSync } = fs;

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
  homeDir: string;
  tempDir: string;
}

/** The real process. Stdin is read from fd 0 synchronously; `process.stdin` is touched only if that would block. */
export function processHookIO(): HookIO {
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

/**
 * Write `text` to `fd` synchronously — `process.stdout`/`process.stderr` on a pipe are `net` sockets whose first
 * use loads the stream modules (stdin-fd.ts). Falls back to the stream when the descriptor would block; the
 * stream is only created then.
 */
function writeFd(fd: number, text: string, stream: () => NodeJS.WriteStream): void {
  const buffer = Buffer.from(text, 'utf8');
  let offset = 0;
  try {
    while (offset < buffer.length) offset += writeSync(fd, buffer, offset);
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

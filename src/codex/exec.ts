/**
 * Running one Codex review: `codex exec` through execa with the prompt on stdin, a wall-clock and an idle
 * watchdog, JSONL parsing as it streams, progress on stderr, and a classified result (issue #3 §1). Nothing here
 * decides a gate: a failure of any kind is returned with its reason, and the caller pauses for Codex.
 */
import { mkdir, readFile, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { execa } from 'execa';
import type { GateName } from '../../machines/types.js';
import type { VerdictFor } from '../verdicts/schemas.js';
import { codexExecArgs } from './args.js';
import { classifyCodexRun, type CodexFailureReason } from './classify.js';
import { codexCommand, DEFAULT_CODEX_COMMAND } from './command.js';
import { emptyStreamSummary, foldCodexEvent, parseCodexEventLine, type CodexStreamSummary, type CodexUsage } from './events.js';
import { killGroupWhenParentExits, killProcessGroup } from './process-group.js';
import { elapsedSeconds, heartbeatLine, progressLine } from './progress.js';

/** `codex.timeout_ms` default: 15 minutes, as OpenAI's own Stop-gate child timeout (external-interfaces D4). */
export const DEFAULT_CODEX_TIMEOUT_MS = 15 * 60_000;
/** `codex.idle_timeout_ms` default: 5 minutes without a JSONL event. */
export const DEFAULT_CODEX_IDLE_TIMEOUT_MS = 5 * 60_000;
/** Interval of the "still working" progress line (ms). */
export const DEFAULT_PROGRESS_INTERVAL_MS = 30_000;
/** How much of Codex's stderr is kept (bytes of the tail). */
const STDERR_TAIL_CHARS = 64 * 1024;

/** One review run. */
export interface CodexExecOptions<G extends GateName> {
  gate: G;
  /** Repository root (`--cd`, and the process's cwd). */
  root: string;
  /** The whole prompt (see `./prompts.ts`), written to stdin, which is then closed (A7 stdin hang). */
  prompt: string;
  /** `--output-schema` file, from `writeVerdictSchema(gate, dir)`. */
  schemaFile: string;
  /** `--output-last-message` file; a stale one is deleted first (A4: not written when a turn fails). */
  outputFile: string;
  /** `codex.cli_command`, default `codex`. */
  cliCommand?: string;
  /** `codex.extra_args` (model, reasoning effort); see `./args.ts` for what is refused. */
  extraArgs?: readonly string[];
  /** Wall-clock limit (ms), default {@link DEFAULT_CODEX_TIMEOUT_MS}. */
  timeoutMs?: number;
  /** Limit without a stdout line (ms), default {@link DEFAULT_CODEX_IDLE_TIMEOUT_MS}. */
  idleTimeoutMs?: number;
  /** Heartbeat interval (ms), default {@link DEFAULT_PROGRESS_INTERVAL_MS}. */
  progressIntervalMs?: number;
  /** Extra environment, merged over `process.env`. */
  env?: Record<string, string | undefined>;
  /** Receives progress lines (no newline); default writes to `process.stderr`. Never stdout. */
  stderr?: (line: string) => void;
  /** Called once with `thread.started`'s id, so the caller can save it before the long wait (A3 resume). */
  onThreadId?: (threadId: string) => void | Promise<void>;
  /** Clock in ms, default `Date.now`. */
  now?: () => number;
}

/** Fields every result carries. `rawEvents` is Codex's stdout verbatim (save it next to the artifact). */
export interface CodexRunBase {
  rawEvents: string;
  usage: CodexUsage | null;
  threadId: string | null;
  durationMs: number;
  /** Tail of Codex's stderr (at most 64 KiB). */
  stderr: string;
  exitCode: number | null;
  /** The command run: program then arguments. */
  argv: string[];
}

/** Codex returned a verdict that validated. It still has to pass the machine's severity rules. */
export interface CodexRunSuccess<G extends GateName> extends CodexRunBase {
  ok: true;
  verdict: VerdictFor<G>;
}

/** Codex did not return a usable verdict; `reason` goes into `review.failed` / `PAUSED_FOR_CODEX`. */
export interface CodexRunFailure extends CodexRunBase {
  ok: false;
  reason: CodexFailureReason;
  message: string;
}

/** Result of {@link runCodexExec}. */
export type CodexRunResult<G extends GateName> = CodexRunSuccess<G> | CodexRunFailure;

/**
 * Run `codex exec` for `options.gate` and classify the outcome. Resolves for every Codex failure (never
 * rejects on them); throws only `InvalidInputError` for a bad `codex.cli_command`/`codex.extra_args` and
 * file-system errors preparing the output file.
 */
export async function runCodexExec<G extends GateName>(options: CodexExecOptions<G>): Promise<CodexRunResult<G>> {
  const now = options.now ?? Date.now;
  const write = options.stderr ?? ((line: string) => void process.stderr.write(`${line}\n`));
  const timeoutMs = options.timeoutMs ?? DEFAULT_CODEX_TIMEOUT_MS;
  const idleTimeoutMs = options.idleTimeoutMs ?? DEFAULT_CODEX_IDLE_TIMEOUT_MS;
  const command = codexCommand(options.cliCommand ?? DEFAULT_CODEX_COMMAND);
  const args = [...command.args, ...codexExecArgs(options)];

  await mkdir(dirname(options.outputFile), { recursive: true });
  await rm(options.outputFile, { force: true });

  const started = now();
  const lines: string[] = [];
  const callbacks: Promise<void>[] = [];
  let summary: CodexStreamSummary = emptyStreamSummary();
  let stderr = '';
  let killedFor: 'timeout' | 'idle_timeout' | null = null;

  const child = execa(command.file, args, {
    cwd: options.root,
    env: options.env,
    input: options.prompt,
    detached: true,
    reject: false,
    buffer: false,
    stdout: 'pipe',
    stderr: 'pipe',
  });
  const disposeParentHook = killGroupWhenParentExits(child);
  const kill = (why: 'timeout' | 'idle_timeout'): void => {
    if (killedFor !== null) return;
    killedFor = why;
    write(`codex: ${why === 'timeout' ? 'wall-clock' : 'idle'} limit reached after ${elapsedSeconds(now() - started)}, killing its process group`);
    killProcessGroup(child);
  };
  const wall = setTimeout(() => kill('timeout'), timeoutMs);
  const idle = setTimeout(() => kill('idle_timeout'), idleTimeoutMs);
  const heartbeat = setInterval(() => write(heartbeatLine(summary, now() - started)), options.progressIntervalMs ?? DEFAULT_PROGRESS_INTERVAL_MS);

  const onLine = (line: string): void => {
    lines.push(line);
    idle.refresh();
    const event = parseCodexEventLine(line);
    if (event === null) {
      if (line.trim() !== '') summary = { ...summary, unparsedLines: summary.unparsedLines + 1 };
      return;
    }
    const hadThread = summary.threadId !== null;
    summary = foldCodexEvent(summary, event);
    if (!hadThread && summary.threadId !== null && options.onThreadId) callbacks.push(saveThreadId(options.onThreadId, summary.threadId, write));
    const progress = progressLine(event, summary, now() - started);
    if (progress !== null) write(progress);
  };
  const stdoutDone = child.stdout ? lineReader(child.stdout, onLine) : Promise.resolve();
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-STDERR_TAIL_CHARS);
  });

  let result: Awaited<typeof child>;
  try {
    result = await child;
    await stdoutDone;
  } finally {
    clearTimeout(wall);
    clearTimeout(idle);
    clearInterval(heartbeat);
    disposeParentHook();
  }
  await Promise.all(callbacks);

  const durationMs = now() - started;
  const outputText = await readOptional(options.outputFile);
  const spawnErrorCode = spawnError(result);
  const exitCode = result.exitCode ?? null;
  const signal = result.signal ?? null;
  write(`codex: ${exitCode === null ? `ended by ${signal ?? 'an error'}` : `exited with code ${exitCode}`} after ${elapsedSeconds(durationMs)}`);

  const base: CodexRunBase = {
    rawEvents: lines.length === 0 ? '' : `${lines.join('\n')}\n`,
    usage: summary.usage,
    threadId: summary.threadId,
    durationMs,
    stderr,
    exitCode,
    argv: [command.file, ...args],
  };
  const classified = classifyCodexRun(options.gate, {
    spawnErrorCode, killedFor, exitCode, signal, stream: summary, stderr, outputText, timeoutMs, idleTimeoutMs, command: command.file,
  });
  return { ...base, ...classified };
}

/** Feed each line of `stream` to `onLine`; resolves when the stream closes. */
function lineReader(stream: NodeJS.ReadableStream, onLine: (line: string) => void): Promise<void> {
  const reader = createInterface({ input: stream, crlfDelay: Infinity });
  reader.on('line', onLine);
  return new Promise((resolve) => reader.once('close', () => resolve()));
}

/** Call the thread-id callback; a failure is reported on stderr, not fatal (the review itself can proceed). */
async function saveThreadId(onThreadId: (id: string) => void | Promise<void>, id: string, write: (line: string) => void): Promise<void> {
  try {
    await onThreadId(id);
  } catch (error) {
    write(`codex: could not save thread id ${id}: ${(error as Error).message}`);
  }
}

/** The system error code when the program could not be started (no exit code, no signal). */
function spawnError(result: { exitCode?: number; signal?: string; failed: boolean }): string | null {
  if (!result.failed || result.exitCode !== undefined || result.signal !== undefined) return null;
  const code = (result as { code?: unknown }).code;
  return typeof code === 'string' ? code : 'ESPAWN';
}

async function readOptional(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

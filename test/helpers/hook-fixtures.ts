/**
 * Fixtures for the hook entry points (issue #4): an in-memory {@link HookIO} that records stdout/stderr, a
 * workspace with an active workflow and a started loop, readers for the loop record and hooks.jsonl, and the
 * deterministic corpus of malformed payloads ("500 malformed payloads … wrong types, huge, empty, binary").
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import type { CcccConfig } from '../../src/config/schema.js';
import { limitsFromConfig } from '../../src/config/load.js';
import type { HookIO } from '../../src/hooks/hook-io.js';
import { loopRecordPath, readLoopFile, type LoopFile } from '../../src/hooks/loop-record.js';
import { readHookStdin } from '../../src/hooks/payload.js';
import { dispatch } from '../../src/state/store.js';
import type { WorkspacePaths } from '../../src/workspace/paths.js';
import { tempWorkspace } from './tmp.js';

/** A {@link HookIO} reading `input` and recording what the hook wrote. */
export interface MemoryHookIO extends HookIO {
  out: string[];
  err: string[];
}

/** In-memory IO for `runHookEntry(args, io)`; `cwd` defaults to the workspace root given. */
export function memoryIO(input: string | Buffer, cwd: string, over: Partial<HookIO> = {}): MemoryHookIO {
  const out: string[] = [];
  const err: string[] = [];
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  return {
    readStdin: () => readHookStdin(Readable.from(bytes.length ? [bytes] : [])),
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    env: {},
    cwd,
    now: () => new Date('2026-11-21T12:00:00.000Z'),
    homeDir: '/home/dev',
    tempDir: '/tmp',
    ...over,
    out,
    err,
  };
}

/** A fresh loop record (as `cccc loop start` writes it). */
export function freshLoop(over: Partial<LoopFile> = {}): LoopFile {
  return {
    schemaVersion: 1,
    active: true,
    ownerSessionId: null,
    capped: false,
    continuations: 0,
    lastBlockedRevision: null,
    noProgressBlocks: 0,
    startedAt: '2026-11-21T11:00:00.000Z',
    stoppedAt: null,
    updatedAt: '2026-11-21T11:00:00.000Z',
    maxContinuations: 10,
    previousMode: 'supervised-auto',
    previousLoopEnabled: false,
    settingsFile: '.claude/settings.json',
    lastDecision: null,
    ...over,
  };
}

/** Write the loop record of `paths`. */
export function writeLoop(paths: WorkspacePaths, record: LoopFile): void {
  mkdirSync(paths.loopDir, { recursive: true });
  writeFileSync(loopRecordPath(paths.loopDir), JSON.stringify(record));
}

/** The loop record of `paths` (throws when missing or malformed). */
export function loopOf(paths: WorkspacePaths): LoopFile {
  const record = readLoopFile(paths.loopDir);
  if (record === null) throw new Error(`no readable loop record in ${paths.loopDir}`);
  return record;
}

/** The hooks.jsonl lines of `paths`, parsed. */
export function hookLog(paths: WorkspacePaths): Record<string, unknown>[] {
  let text = '';
  try {
    text = readFileSync(paths.hookLog, 'utf8');
  } catch {
    return [];
  }
  return text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
}

/**
 * A temp workspace (git, recommended config edited to `mode: full-auto-safe` and the loop enabled, then `edit`)
 * with a started task (DISCOVER_EXISTING_PROJECT, revision 1) and a fresh loop record (`loop` over it).
 */
export async function loopWorkspace(options: { edit?: (c: CcccConfig) => void; loop?: Partial<LoopFile>; task?: string | null } = {}): Promise<{ paths: WorkspacePaths; config: CcccConfig }> {
  let config!: CcccConfig;
  const paths = tempWorkspace((c) => {
    c.mode = 'full-auto-safe';
    c.automation.stop_hook_loop_enabled = true;
    options.edit?.(c);
    config = c;
  });
  if (options.task !== null) await advance(paths, config, { type: 'task.started', task: options.task ?? 'Add a farewell next to the greeting' });
  writeLoop(paths, freshLoop(options.loop));
  return { paths, config };
}

/** Dispatch a machine event (stamped) as the CLI would: moves the state revision. */
export async function advance(paths: WorkspacePaths, config: CcccConfig, payload: Record<string, unknown>): Promise<void> {
  await dispatch(paths, { ...payload, at: '2026-11-21T11:30:00.000Z', limits: limitsFromConfig(config) } as never, 'cli');
}

/** A Stop payload as Claude Code 2.1.197 sends it (real-clients.md), for `session`. */
export function stopPayload(session: unknown, cwd: string, over: Record<string, unknown> = {}): string {
  return JSON.stringify({
    session_id: session,
    transcript_path: '/home/dev/.claude/projects/x/transcript.jsonl',
    cwd,
    prompt_id: 'p1',
    permission_mode: 'default',
    effort: 'medium',
    hook_event_name: 'Stop',
    stop_hook_active: false,
    last_assistant_message: 'SECRET-LAST-MESSAGE: I am done for now.',
    background_tasks: [],
    session_crons: [],
    ...over,
  });
}

/** A small deterministic PRNG (mulberry32) so the fuzz corpus is the same on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` malformed hook payloads, deterministic for a `seed`: empty text, random bytes, JSON of random junk
 * values, deep nesting, a 1 MiB session id, tool inputs of the wrong type, random printable commands, JSON cut
 * mid-way, and objects whose every known key holds junk.
 */
export function malformedPayloads(count: number, seed = 4): string[] {
  const rand = prng(seed);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const junkValue = (depth: number): unknown => {
    const kind = Math.floor(rand() * (depth > 3 ? 6 : 8));
    switch (kind) {
      case 0: return null;
      case 1: return rand() < 0.5;
      case 2: return pick([0, -1, 1e308, Number.MAX_SAFE_INTEGER, 3.14]);
      case 3: return pick(['', ' ', 'Stop', 'StopFailure', 'PreToolUse', 'true', 'rm -rf /', 'cat .env', '\u0000\u0007', '💥'.repeat(50), 'x'.repeat(70_000)]);
      case 4: return String.fromCharCode(...Array.from({ length: 64 }, () => Math.floor(rand() * 0xffff)));
      case 5: return pick([[], {}, [null], { command: 5 }]);
      case 6: return Array.from({ length: 3 }, () => junkValue(depth + 1));
      default: return Object.fromEntries(Array.from({ length: 3 }, (_, i) => [pick(['session_id', 'tool_input', 'command', 'file_path', 'k']) + i, junkValue(depth + 1)]));
    }
  };
  const keys = ['session_id', 'stop_hook_active', 'cwd', 'hook_event_name', 'tool_name', 'tool_input', 'error', 'error_details', 'transcript_path'];
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    switch (i % 10) {
      case 0: out.push(''); break;
      case 1: out.push(Buffer.from(Array.from({ length: 256 }, () => Math.floor(rand() * 256))).toString('latin1')); break;
      case 2: out.push(JSON.stringify(junkValue(0))); break;
      case 3: out.push('['.repeat(5_000) + ']'.repeat(5_000)); break;
      case 4: out.push(JSON.stringify({ session_id: 'x'.repeat(1 << 20), stop_hook_active: true })); break;
      case 5: out.push(JSON.stringify({ tool_name: pick(['Bash', 'Read', 'Write', 'Edit', 'NotebookEdit']), tool_input: { command: junkValue(2), file_path: junkValue(2), notebook_path: junkValue(2) } })); break;
      case 6: out.push(JSON.stringify({ tool_name: 'Bash', tool_input: { command: String.fromCharCode(...Array.from({ length: 200 }, () => 32 + Math.floor(rand() * 95))) } })); break;
      case 7: out.push(JSON.stringify(Object.fromEntries(keys.map((k) => [k, junkValue(1)]))).slice(0, Math.floor(rand() * 400))); break;
      default: out.push(JSON.stringify(Object.fromEntries(keys.map((k) => [k, junkValue(1)])))); break;
    }
  }
  return out;
}

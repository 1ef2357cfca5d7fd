#!/usr/bin/env node
/**
 * Benchmark of issue #4 §1: wall time of `cccc hook stop` on the BLOCKING path (the slowest usual path: config,
 * state, loop record, the `next` instruction, a locked record write, one JSON line on stdout and one in
 * hooks.jsonl) against `node -e 0` started the same way, interleaved, median of N runs each (default 30; `N=60
 * node bench/hook.mjs`). Target: ratio ≤ 1.3. Run after `npm run build`. Prints one JSON line on stdout:
 * `{name:'hook-stop', hookMedianMs, nodeMedianMs, ratio, target: 1.3, met, runs, hookMinMs, nodeMinMs, …}`; setup
 * progress goes to stderr.
 *
 * The workspace is made by the built CLI itself (`setup --yes`, `start`, `loop start --session-id`), so the
 * path measured is the one a user's Claude Code runs. Before each hook run the loop record is reset (outside
 * the timed region): otherwise the budget and the no-progress rule — the revision does not move between
 * benchmark runs — would turn later runs into allows.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const RUNS = Number(process.env.N ?? 30);
const WARMUP = 3;
const TARGET = 1.3;
const SESSION = 'bench-session-1';
const bin = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'src', 'bin.js');

const root = mkdtempSync(path.join(os.tmpdir(), 'cccc-bench-hook-'));
try {
  const git = (...args) => execFileSync('git', ['-c', 'user.email=bench@cccc.local', '-c', 'user.name=cccc bench', ...args], { cwd: root, encoding: 'utf8' });
  const cccc = (...args) => execFileSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  git('init', '-q');
  writeFileSync(path.join(root, 'README.md'), '# bench\n');
  git('add', '-A');
  git('commit', '-q', '-m', 'bench');
  process.stderr.write('bench: setup, start, loop start\n');
  cccc('setup', '--yes');
  cccc('start', 'Add a farewell next to the greeting');
  cccc('loop', 'start', '--session-id', SESSION);

  const recordFile = path.join(root, 'docs', 'cccc', 'runtime', 'loop', 'loop.json');
  const fresh = readFileSync(recordFile, 'utf8');
  const payload = JSON.stringify({
    session_id: SESSION,
    transcript_path: path.join(os.tmpdir(), 'transcript.jsonl'),
    cwd: root,
    prompt_id: 'p1',
    permission_mode: 'default',
    hook_event_name: 'Stop',
    stop_hook_active: false,
    last_assistant_message: 'Done with this step.',
    background_tasks: [],
    session_crons: [],
  });
  const env = { ...process.env, CLAUDE_PROJECT_DIR: root };
  const run = (args) => {
    const started = performance.now();
    const result = spawnSync(process.execPath, args, { cwd: root, env, input: payload, encoding: 'utf8' });
    const ms = performance.now() - started;
    if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
    return { ms, stdout: result.stdout };
  };

  const hookMs = [];
  const nodeMs = [];
  for (let i = 0; i < WARMUP + RUNS; i++) {
    writeFileSync(recordFile, fresh);
    const hook = run([bin, 'hook', 'stop']);
    const decision = JSON.parse(hook.stdout);
    if (decision.decision !== 'block') throw new Error(`expected a block, got ${hook.stdout}`);
    const node = run(['-e', '0']);
    if (i >= WARMUP) {
      hookMs.push(hook.ms);
      nodeMs.push(node.ms);
    }
  }
  const hookMedianMs = round(median(hookMs));
  const nodeMedianMs = round(median(nodeMs));
  const ratio = Math.round((hookMedianMs / nodeMedianMs) * 100) / 100;
  process.stdout.write(
    `${JSON.stringify({
      name: 'hook-stop',
      hookMedianMs,
      nodeMedianMs,
      ratio,
      target: TARGET,
      met: ratio <= TARGET,
      runs: RUNS,
      hookMinMs: round(Math.min(...hookMs)),
      nodeMinMs: round(Math.min(...nodeMs)),
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
    })}\n`,
  );
} finally {
  rmSync(root, { recursive: true, force: true });
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function round(ms) {
  return Math.round(ms * 10) / 10;
}

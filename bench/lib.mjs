/**
 * Shared pieces of the issue #7 benchmarks: the built CLI's path, temp git repositories, medians, and an
 * interleaved A/B timer (A and B alternate so a noisy neighbour slows both, and the RATIO within one run is what
 * is reported). Everything runs in os.tmpdir(); nothing uses the network.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

/** The repository root and the built CLI entry (`npm run build` first). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = path.join(ROOT, 'dist', 'src', 'bin.js');

/** Median (mean of the middle two for an even count). */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Milliseconds to one decimal. */
export const round1 = (ms) => Math.round(ms * 10) / 10;

/** A new temp git repository with one commit (README.md); the caller removes it. */
export function tempRepo(prefix) {
  const root = mkdtempSync(path.join(os.tmpdir(), prefix));
  const git = (...args) => execFileSync('git', ['-c', 'user.email=bench@cccc.local', '-c', 'user.name=cccc bench', ...args], { cwd: root, encoding: 'utf8' });
  git('init', '-q');
  writeFileSync(path.join(root, 'README.md'), '# bench\n');
  git('add', '-A');
  git('commit', '-q', '-m', 'bench');
  return root;
}

/** Run the built CLI synchronously in `cwd`; throws with its stderr on a non-zero exit. Returns stdout. */
export function cccc(cwd, args, options = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: options.env ?? process.env, input: options.input ?? '' });
  if (result.status !== 0) throw new Error(`cccc ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return result.stdout;
}

/**
 * Time `a` and `b` (argv arrays for node) alternately `runs` times after `warmup` rounds, each a fresh process
 * with `cwd`; `check(stdout)` validates a's output. Returns medians (ms) and the ratio a/b (2 decimals).
 */
export function interleaved({ a, b, cwd, runs, warmup = 3, check = () => undefined, before = () => undefined }) {
  const aMs = [];
  const bMs = [];
  const time = (args) => {
    const started = performance.now();
    const result = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const ms = performance.now() - started;
    if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
    return { ms, stdout: result.stdout };
  };
  for (let i = 0; i < warmup + runs; i++) {
    before();
    const first = time(a);
    check(first.stdout);
    const second = time(b);
    if (i >= warmup) {
      aMs.push(first.ms);
      bMs.push(second.ms);
    }
  }
  const aMedian = median(aMs);
  const bMedian = median(bMs);
  return { aMedianMs: round1(aMedian), bMedianMs: round1(bMedian), ratio: Math.round((aMedian / bMedian) * 100) / 100, runs };
}

/** Print one result line (the orchestrator reads the last JSON line of stdout). */
export function report(result) {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

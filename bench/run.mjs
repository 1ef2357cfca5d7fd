#!/usr/bin/env node
/**
 * `npm run bench` (builds first): the issue #7 benchmark suite. Each benchmark is its own script, run here one
 * after another in a child process (each prints one JSON line); the results become a Markdown table and a JSON
 * document on stdout, and the table replaces what is between `<!-- cccc:bench:start -->` and
 * `<!-- cccc:bench:end -->` in README.md (`--no-readme` leaves the README alone). Ratios are taken within one run
 * and medians over repeated runs, because machines are noisy. Temp dirs only; no network.
 *
 *   1 hook-stop     `cccc hook stop` blocking path vs `node -e 0`         target ≤ 1.3×   (bench/hook.mjs)
 *   2 status        `cccc status --json` vs `node -e 0`                   target ≤ 1.6×   (bench/status.mjs)
 *   3 bundle        context bundle, 20,000 files, 5,000-line diff         target ≤ 1 s, cap respected (bench/bundle.mjs)
 *   4 concurrency   32 concurrent mutating processes                       target 0 lost updates (bench/concurrency.mjs)
 *   5 cache         a repeated unchanged review                            target 0 Codex calls (bench/cache.mjs)
 *   6 trace-verify  `cccc trace --verify` on a 10,000-event journal        reported, no target (bench/trace-verify.mjs)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './lib.mjs';

const START = '<!-- cccc:bench:start -->';
const END = '<!-- cccc:bench:end -->';
const writeReadme = !process.argv.includes('--no-readme');

const ms = (v) => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${Math.round(v)} ms`);
const int = (v) => v.toLocaleString('en-US');

/** What each benchmark measures, its target, and how its JSON line reads as a result. */
const BENCHMARKS = [
  {
    script: 'hook.mjs',
    what: '`cccc hook stop` (blocking path) vs `node -e 0`',
    target: '≤ 1.3×',
    result: (r) => `${r.ratio}× (hook ${ms(r.hookMedianMs)}, node ${ms(r.nodeMedianMs)}; median of ${r.runs})`,
    met: (r) => r.ratio <= 1.3,
  },
  {
    script: 'status.mjs',
    what: '`cccc status --json` vs `node -e 0`',
    target: '≤ 1.6×',
    result: (r) => `${r.ratio}× (status ${ms(r.statusMedianMs)}, node ${ms(r.nodeMedianMs)}; median of ${r.runs})`,
    met: (r) => r.ratio <= 1.6,
  },
  {
    script: 'bundle.mjs',
    what: 'Context bundle: 20,000-file repository, 5,000-line diff',
    target: '≤ 1 s; bytes ≤ cap',
    result: (r) => `${ms(r.medianMs)}, ${int(r.bytes)} bytes (cap ${int(r.capBytes)}); median of ${r.runs}`,
    met: (r) => r.medianMs <= 1000 && r.bytes <= r.capBytes,
  },
  {
    script: 'concurrency.mjs',
    what: '32 concurrent mutating processes (`cccc answer`) on one workspace',
    target: '0 lost updates',
    result: (r) => `${r.lostUpdates} lost; ${r.succeeded}/${r.processes} succeeded; all done in ${ms(r.wallMs)}`,
    met: (r) => r.met === true && r.lostUpdates === 0,
  },
  {
    script: 'cache.mjs',
    what: 'Repeated unchanged review (plan gate after a replan)',
    target: '0 Codex calls',
    result: (r) => `${r.repeatCalls} Codex calls (source: ${r.repeatSource}; the first review made ${r.firstCalls})`,
    met: (r) => r.repeatCalls === 0,
  },
  {
    script: 'trace-verify.mjs',
    what: '`cccc trace --verify` on a 10,000-event journal',
    target: '— (reported)',
    result: (r) => `${ms(r.medianMs)} (${int(r.events)} events, ${(r.journalBytes / 1024 / 1024).toFixed(1)} MB journal); median of ${r.runs}`,
    met: () => null,
  },
];

function runOne(bench) {
  const file = path.join(ROOT, 'bench', bench.script);
  if (!existsSync(file)) return { error: `bench/${bench.script} is missing` };
  process.stderr.write(`\n== bench/${bench.script}\n`);
  const run = spawnSync(process.execPath, [file], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 });
  const line = run.stdout.trim().split('\n').filter((l) => l.startsWith('{')).at(-1);
  if (run.status !== 0 || line === undefined) return { error: `bench/${bench.script} exited ${run.status}` };
  return { data: JSON.parse(line) };
}

function machine() {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ${os.platform()} ${os.arch()}, Node ${process.version}; load average ${os.loadavg()[0].toFixed(2)} at start`;
}

const startedAt = new Date();
const header = machine();
const rows = BENCHMARKS.map((bench, i) => {
  const outcome = runOne(bench);
  if (outcome.error) return { n: i + 1, what: bench.what, target: bench.target, result: `not run: ${outcome.error}`, met: 'not run', data: null };
  const met = bench.met(outcome.data);
  return { n: i + 1, what: bench.what, target: bench.target, result: bench.result(outcome.data), met: met === null ? '—' : met ? 'met' : 'MISSED', data: outcome.data };
});

const missed = rows.filter((r) => r.met === 'MISSED' || r.met === 'not run');
const table = [
  `Measured ${startedAt.toISOString().slice(0, 10)} on ${header}. Ratios are within one run; times are medians.`,
  '',
  '| # | benchmark | target | result | |',
  '|---|---|---|---|---|',
  ...rows.map((r) => `| ${r.n} | ${r.what} | ${r.target} | ${r.result} | ${r.met} |`),
  '',
  missed.length === 0
    ? 'Every target was met in this run.'
    : `Missed in this run: ${missed.map((r) => `#${r.n} (${r.met === 'not run' ? r.result : `${r.result} against ${r.target}`})`).join('; ')}.`,
].join('\n');

process.stdout.write(`${table}\n\n`);
process.stdout.write(`${JSON.stringify({ date: startedAt.toISOString(), machine: header, rows }, null, 2)}\n`);

if (writeReadme) {
  const readmeFile = path.join(ROOT, 'README.md');
  const readme = readFileSync(readmeFile, 'utf8');
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start === -1 || end < start) {
    process.stderr.write(`bench: README.md has no ${START} … ${END} block; not written.\n`);
    process.exitCode = 1;
  } else {
    const block = `${START}\n<!-- written by \`npm run bench\` (bench/run.mjs); do not edit by hand -->\n${table}\n${END}`;
    writeFileSync(readmeFile, readme.slice(0, start) + block + readme.slice(end + END.length));
    process.stderr.write('bench: README.md updated\n');
  }
}

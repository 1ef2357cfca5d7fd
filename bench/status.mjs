#!/usr/bin/env node
/**
 * Benchmark 2 of issue #7: `cccc status --json` against `node -e 0`, both started as fresh processes,
 * interleaved, median of N runs each (default 30; `N=60 node bench/status.mjs`). Target: ratio ≤ 1.6.
 * The workspace is made by the built CLI (`setup --yes`, `start`), so status reads a real config, state and
 * loop record. Prints one JSON line: `{name:'status', statusMedianMs, nodeMedianMs, ratio, target, met, runs}`.
 */
import { rmSync } from 'node:fs';
import { BIN, cccc, interleaved, report, tempRepo } from './lib.mjs';

const RUNS = Number(process.env.N ?? 30);
const TARGET = 1.6;
const root = tempRepo('cccc-bench-status-');
try {
  process.stderr.write('bench status: setup, start\n');
  cccc(root, ['setup', '--yes']);
  cccc(root, ['start', 'Add a farewell next to the greeting']);
  const r = interleaved({
    a: [BIN, 'status', '--json'],
    b: ['-e', '0'],
    cwd: root,
    runs: RUNS,
    check: (stdout) => {
      if (JSON.parse(stdout).status !== 'DISCOVER_EXISTING_PROJECT') throw new Error(`unexpected status output: ${stdout}`);
    },
  });
  report({ name: 'status', statusMedianMs: r.aMedianMs, nodeMedianMs: r.bMedianMs, ratio: r.ratio, target: TARGET, met: r.ratio <= TARGET, runs: RUNS });
} finally {
  rmSync(root, { recursive: true, force: true });
}

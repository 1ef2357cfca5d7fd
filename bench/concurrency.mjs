#!/usr/bin/env node
/**
 * Benchmark 4 of issue #7: 32 concurrent mutating processes on one workspace. The workspace waits in
 * PAUSED_FOR_HUMAN with question Q1; 32 `cccc answer --question Q1 --text "answer i"` processes are started at
 * once (each: config, lock, journal append, atomic state write, decision-log entry). Reported: wall time until
 * all exited, how many succeeded, and lost updates = successes − (revision after − revision before), which must
 * be 0; the journal, the answers in the state and the decision-log entries are counted too.
 * Prints one JSON line: `{name:'concurrency', processes, wallMs, succeeded, lostUpdates, …}`.
 */
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { BIN, report, round1, tempRepo } from './lib.mjs';
import { selfReview, walkToPlanSubmitted } from './workspace.mjs';

const PROCESSES = 32;
const root = tempRepo('cccc-bench-concurrency-');
const state = () => JSON.parse(readFileSync(path.join(root, 'docs', 'cccc', 'state.json'), 'utf8'));
try {
  process.stderr.write('bench concurrency: walking to PAUSED_FOR_HUMAN with question Q1\n');
  walkToPlanSubmitted(root, selfReview(true));
  const before = state();
  if (before.status !== 'PAUSED_FOR_HUMAN') throw new Error(`expected PAUSED_FOR_HUMAN, got ${before.status}`);
  const decisionLog = () => (readFileSync(path.join(root, 'docs', 'cccc', 'decision-log.md'), 'utf8').match(/answer \d+ of the benchmark/g) ?? []).length;
  process.stderr.write(`bench concurrency: ${PROCESSES} concurrent \`cccc answer\` processes\n`);
  const started = performance.now();
  const codes = await Promise.all(
    Array.from({ length: PROCESSES }, (_, i) =>
      new Promise((resolve) => {
        const child = spawn(process.execPath, [BIN, 'answer', '--question', 'Q1', '--text', `answer ${i} of the benchmark`], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', (d) => (stderr += d));
        child.on('exit', (code) => {
          if (code !== 0) process.stderr.write(`bench concurrency: process ${i} exited ${code}: ${stderr}`);
          resolve(code);
        });
      }),
    ),
  );
  const wallMs = round1(performance.now() - started);
  const after = state();
  const succeeded = codes.filter((c) => c === 0).length;
  const journal = readFileSync(path.join(root, 'docs', 'cccc', 'logs', 'journal.jsonl'), 'utf8').trim().split('\n').length;
  const answers = after.snapshot.context.answers.filter((a) => /of the benchmark/.test(a.text ?? '')).length;
  report({
    name: 'concurrency',
    processes: PROCESSES,
    wallMs,
    succeeded,
    locked: codes.filter((c) => c === 5).length,
    revisionDelta: after.revision - before.revision,
    lostUpdates: succeeded - (after.revision - before.revision),
    answersInState: answers,
    journalLines: journal,
    decisionLogEntries: decisionLog(),
    target: 0,
    met: succeeded === PROCESSES && succeeded === after.revision - before.revision && answers === PROCESSES && journal === after.revision,
  });
} finally {
  rmSync(root, { recursive: true, force: true });
}

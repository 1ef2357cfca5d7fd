#!/usr/bin/env node
/**
 * Benchmark 5 of issue #7: a repeated, unchanged review costs 0 Codex calls (the review cache of issue #6).
 * With the test suite's fake `codex` on PATH (it counts its exec calls), the plan gate is reviewed once; then
 * `cccc replan` and `cccc submit plan` resubmit the SAME plan and `cccc review` runs again. Reported: Codex calls
 * of the first and of the repeated review, the repeated review's source (`cache` or `codex`) and wall times.
 * Prints one JSON line: `{name:'cache', firstCalls, repeatCalls, repeatSource, …}`.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { cccc, report, ROOT, round1, tempRepo } from './lib.mjs';
import { selfReview, walkToPlanSubmitted } from './workspace.mjs';

const FAKE_CODEX_DIR = path.join(ROOT, 'test', 'fixtures', 'fake-codex');
const root = tempRepo('cccc-bench-cache-');
const record = mkdtempSync(path.join(os.tmpdir(), 'cccc-bench-cache-calls-'));
const env = { ...process.env, PATH: `${FAKE_CODEX_DIR}${path.delimiter}${process.env.PATH ?? ''}`, FAKE_CODEX_RECORD_DIR: record, FAKE_CODEX_SCENARIO: 'pass' };
const calls = () => (existsSync(record) ? readdirSync(record).filter((f) => /^call-\d+\.json$/.test(f)).length : 0);
const review = () => {
  const started = performance.now();
  const result = JSON.parse(cccc(root, ['review', '--json'], { env }));
  return { result, ms: round1(performance.now() - started) };
};
try {
  process.stderr.write('bench cache: plan review, replan, the same plan again, review again\n');
  walkToPlanSubmitted(root, selfReview(), env);
  const first = review();
  const firstCalls = calls();
  cccc(root, ['replan', '--reason', 'benchmark: look at the same plan again'], { env });
  cccc(root, ['submit', 'plan', '--self-review', '-'], { env, input: JSON.stringify(selfReview()) });
  const repeat = review();
  const repeatCalls = calls() - firstCalls;
  report({
    name: 'cache',
    firstCalls,
    repeatCalls,
    repeatSource: repeat.result.source ?? 'codex',
    firstMs: first.ms,
    repeatMs: repeat.ms,
    target: 0,
    met: repeatCalls === 0,
  });
} finally {
  rmSync(root, { recursive: true, force: true });
  rmSync(record, { recursive: true, force: true });
}

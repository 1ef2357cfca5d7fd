#!/usr/bin/env node
/**
 * Benchmark 6 of issue #7: `cccc trace --verify` on a 10,000-event journal. The journal is a real workflow run
 * (test/fixtures/journals/happy-two-milestones-with-fix.jsonl: start → plan gate → two milestones with one fix
 * round → final gate → DONE) repeated run after run — `task.started` leaves DONE for the next run — with its
 * revisions, times and from/to recomputed by the machine itself (dist/machines/run.js), and state.json written
 * as the store writes it. Then the built CLI verifies it, median of N=5 runs (`cccc trace --verify --json`).
 * Prints one JSON line: `{name:'trace-verify', events, medianMs, journalBytes, …}`.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { BIN, cccc, median, report, ROOT, round1, tempRepo } from './lib.mjs';

const EVENTS = 10_000;
const RUNS = 5;
const { applyEvent, initialSnapshot, persistSnapshot, statusOfSnapshot } = await import(path.join(ROOT, 'dist', 'machines', 'run.js'));
const { MACHINE_VERSION } = await import(path.join(ROOT, 'dist', 'machines', 'workflow.js'));
const { STATE_SCHEMA_VERSION, serializeEnvelope } = await import(path.join(ROOT, 'dist', 'src', 'state', 'envelope.js'));

const fixture = readFileSync(path.join(ROOT, 'test', 'fixtures', 'journals', 'happy-two-milestones-with-fix.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const root = tempRepo('cccc-bench-trace-');
try {
  cccc(root, ['setup', '--yes']);
  process.stderr.write(`bench trace-verify: generating ${EVENTS} journal events\n`);
  const lines = [];
  let snapshot = initialSnapshot();
  let at = Date.parse('2026-01-01T00:00:00.000Z');
  for (let revision = 1; revision <= EVENTS; revision++) {
    const source = fixture[(revision - 1) % fixture.length];
    const stamp = new Date((at += 1000)).toISOString();
    const event = { ...source.event, at: stamp };
    const from = statusOfSnapshot(snapshot);
    const result = applyEvent(snapshot, event);
    if (!result.changed) throw new Error(`the fixture's event ${event.type} was refused in ${from} at revision ${revision}`);
    snapshot = result.snapshot;
    lines.push(JSON.stringify({ revision, at: stamp, actor: source.actor, event, from, to: statusOfSnapshot(snapshot) }));
  }
  const journal = `${lines.join('\n')}\n`;
  writeFileSync(path.join(root, 'docs', 'cccc', 'logs', 'journal.jsonl'), journal);
  const envelope = { schemaVersion: STATE_SCHEMA_VERSION, machineVersion: MACHINE_VERSION, revision: EVENTS, status: statusOfSnapshot(snapshot), updatedAt: new Date(at).toISOString(), snapshot: persistSnapshot(snapshot) };
  writeFileSync(path.join(root, 'docs', 'cccc', 'state.json'), serializeEnvelope(envelope));

  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const run = spawnSync(process.execPath, [BIN, 'trace', '--verify', '--json'], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
    times.push(performance.now() - started);
    const verdict = JSON.parse(run.stdout);
    if (run.status !== 0 || verdict.ok !== true || verdict.replay?.applied !== EVENTS) throw new Error(`trace --verify failed (exit ${run.status}): ${run.stdout.slice(0, 500)} ${run.stderr}`);
  }
  report({ name: 'trace-verify', events: EVENTS, medianMs: round1(median(times)), journalBytes: Buffer.byteLength(journal), status: envelope.status, runs: RUNS });
} finally {
  rmSync(root, { recursive: true, force: true });
}

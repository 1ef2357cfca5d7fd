#!/usr/bin/env node
/**
 * Benchmark 3 of issue #7: build the context bundle on a generated repository of 20,000 files with a 5,000-line
 * diff (lines added + removed, untracked files included), median of N=5 builds, cap respected (target ≤ 1 s).
 * Run after `npm run build`: `node bench/bundle.mjs`. Prints one JSON line on stdout:
 * `{name:'bundle', medianMs, bytes, capBytes, …}`; setup progress goes to stderr.
 *
 * The diff base is a working-tree snapshot taken after the first commit — what the machine records as a
 * milestone's base (`milestoneBase`), so this measures the path real reviews take; `commitBaseMedianMs` is the
 * same build against the commit (no snapshot needed).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const dist = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'src');
const { buildContextBundle, DEFAULT_MAX_CONTEXT_BYTES } = await import(path.join(dist, 'bundle', 'index.js'));
const { diffStat } = await import(path.join(dist, 'git', 'index.js'));
const { snapshotWorktree } = await import(path.join(dist, 'git', 'worktree-snapshot.js'));
const { workspacePaths } = await import(path.join(dist, 'workspace', 'paths.js'));

const FILES = 20_000;
const DIRS = 200;
const LINES_PER_FILE = 20;
const RUNS = 5;

const git = (cwd, ...args) => execFileSync('git', ['-c', 'user.email=bench@cccc.local', '-c', 'user.name=cccc bench', ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
const source = (dir, file, salt = '') =>
  Array.from({ length: LINES_PER_FILE }, (_, i) => `export const value${i} = ${dir * 1000 + file + i}; // ${salt}line ${i} of module ${dir}/${file}`).join('\n') + '\n';

function generate(root) {
  for (let dir = 0; dir < DIRS; dir++) {
    mkdirSync(path.join(root, 'src', `pkg${dir}`), { recursive: true });
    for (let file = 0; file < FILES / DIRS; file++) writeFileSync(path.join(root, 'src', `pkg${dir}`, `mod${file}.ts`), source(dir, file));
  }
  mkdirSync(path.join(root, 'docs', 'cccc'), { recursive: true });
  for (const doc of ['project-brief.md', 'roadmap.md', 'architecture.md', 'current-state.md']) {
    writeFileSync(path.join(root, 'docs', 'cccc', doc), `# ${doc}\n\n${'A line of planning prose for the benchmark.\n'.repeat(200)}`);
  }
  git(root, 'init', '-q');
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'generated');
}

/** 5,000 changed lines: 100 files with all 20 lines replaced (−20 +20 each: 4,000), 999 lines of new files and a one-line `.env` (withheld). */
function change(root) {
  for (let i = 0; i < 100; i++) writeFileSync(path.join(root, 'src', `pkg${i}`, 'mod0.ts'), source(i, 0, 'changed '));
  mkdirSync(path.join(root, 'src', 'feature'), { recursive: true });
  for (let i = 0; i < 10; i++) {
    // 999 lines in new files plus the one-line .env: 5,000 lines in all.
    const lines = i === 9 ? 99 : 100;
    writeFileSync(path.join(root, 'src', 'feature', `new${i}.ts`), Array.from({ length: lines }, (_, n) => `export const added${n} = ${n};`).join('\n') + '\n');
  }
  writeFileSync(path.join(root, '.env'), 'API_KEY=not-for-the-bundle\n');
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function measure(input) {
  const times = [];
  let bundle;
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    bundle = await buildContextBundle(input);
    times.push(performance.now() - start);
  }
  return { medianMs: Math.round(median(times)), bundle };
}

const root = mkdtempSync(path.join(os.tmpdir(), 'cccc-bench-bundle-'));
try {
  process.stderr.write(`bench bundle: generating ${FILES} files in ${root}\n`);
  generate(root);
  const snapshotBase = await snapshotWorktree(root);
  const commitBase = git(root, 'rev-parse', 'HEAD').trim();
  change(root);
  const stat = await diffStat(root, snapshotBase);
  const milestone = { id: 'M001', title: 'Bench', goal: 'measure', scope: [], out_of_scope: [], acceptance_criteria: ['fast'], expected_files: [], required_tests: [], risk: 'low', depends_on: [] };
  const limits = { maxPlanReviewRounds: 3, maxReviewRoundsPerMilestone: 3, maxFixAttemptsPerMilestone: 3, maxMilestonesPerRun: 5, maxDiffLinesPerMilestone: 1200, maxChangedFilesPerMilestone: 20, blockOnP1: true, allowContinueWithP2: true };
  const input = { paths: workspacePaths(root), task: 'benchmark', limits, gate: 'milestone', milestone, milestones: [milestone], priorFindings: [], baseCommit: snapshotBase, maxBytes: DEFAULT_MAX_CONTEXT_BYTES };
  process.stderr.write(`bench bundle: diff ${stat.lines} lines in ${stat.files} files; building ${RUNS}× per base\n`);
  const snapshot = await measure(input);
  const commit = await measure({ ...input, baseCommit: commitBase });
  const { bundle } = snapshot;
  if (bundle.bytes > DEFAULT_MAX_CONTEXT_BYTES || bundle.text.includes('not-for-the-bundle')) throw new Error('bench bundle: cap exceeded or secret leaked');
  const result = { name: 'bundle', medianMs: snapshot.medianMs, bytes: bundle.bytes, capBytes: DEFAULT_MAX_CONTEXT_BYTES, targetMs: 1000, files: FILES, diffLines: stat.lines, diffFiles: stat.files, runs: RUNS, commitBaseMedianMs: commit.medianMs };
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  rmSync(root, { recursive: true, force: true });
}

/**
 * Driving the BUILT `cccc` the way a new user does (integration and end-to-end tests): `runCli` spawns
 * `node dist/src/bin.js` (run `npm run build` first), `newUserRepo` makes a temp git repository holding a tiny
 * real program, and small builders write what Claude would write — discovery and planning docs,
 * `milestones.yaml`, self-review files — plus a config editor. Temp dirs clean themselves up (helpers/tmp.ts).
 */
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { stringify } from 'yaml';
import { DISCOVERY_DOCS, PLANNING_DOCS } from '../../machines/guards.js';
import type { Milestone, SelfReview } from '../../machines/types.js';
import type { CcccConfig } from '../../src/config/schema.js';
import { git, tempDir } from './tmp.js';

/** This repository's root (absolute, trailing separator removed). */
export const REPO_ROOT = path.resolve(fileURLToPath(new URL('../../', import.meta.url)));
/** The built CLI entry (`npm run build` writes it). */
export const CCCC_BIN = path.join(REPO_ROOT, 'dist', 'src', 'bin.js');

/** What one `cccc` run did. `json()` parses the WHOLE stdout as one JSON document (throws otherwise). */
export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  json<T = any>(): T;
}

/** Options of {@link runCli}. */
export interface CliOptions {
  /** Where cccc runs (the user's repository or a folder in it). */
  cwd: string;
  /** Environment for cccc (and the `codex` it spawns). Merged over this process's unless `extendEnv` is false. */
  env?: Record<string, string>;
  /** False: `env` is the child's whole environment (real-codex tests, README "Environment from scratch"). */
  extendEnv?: boolean;
  /** Text on stdin (then closed); without it stdin is ignored. */
  input?: string;
}

/** Run `node dist/src/bin.js ...args`. Never rejects on a non-zero exit; a missing build throws. */
export async function runCli(args: readonly string[], options: CliOptions): Promise<CliResult> {
  if (!existsSync(CCCC_BIN)) throw new Error(`${CCCC_BIN} is missing: run \`npm run build\` before integration tests.`);
  const result = await execa(process.execPath, [CCCC_BIN, ...args], {
    cwd: options.cwd,
    env: options.env,
    extendEnv: options.extendEnv ?? true,
    reject: false,
    ...(options.input === undefined ? { stdin: 'ignore' as const } : { input: options.input }),
  });
  const stdout = String(result.stdout);
  const stderr = String(result.stderr);
  return {
    exitCode: result.exitCode ?? -1,
    stdout,
    stderr,
    json: () => {
      try {
        return JSON.parse(stdout);
      } catch (error) {
        throw new Error(`cccc ${args.join(' ')}: stdout is not one JSON document (${(error as Error).message}):\n${stdout}\nstderr:\n${stderr}`);
      }
    },
  };
}

/** `runCli` bound to one repository and environment; `cccc(['status', '--json'])`. */
export function cliIn(cwd: string, env?: Record<string, string>, extendEnv?: boolean): (args: readonly string[], input?: string) => Promise<CliResult> {
  return (args, input) => runCli(args, { cwd, ...(env ? { env } : {}), ...(extendEnv === undefined ? {} : { extendEnv }), ...(input === undefined ? {} : { input }) });
}

/** The tiny program a new user's repository holds (repo-relative path → content). */
export const GREET_PROGRAM: Record<string, string> = {
  'package.json': `${JSON.stringify({ name: 'greet-demo', version: '1.0.0', type: 'module', scripts: { test: 'node --test' } }, null, 2)}\n`,
  'README.md': '# greet-demo\n\nSays hello.\n',
  'src/greet.js': "/** Greets someone by name. */\nexport function greet(name) {\n  return `Hello, ${name}!`;\n}\n",
  'test/greet.test.js':
    "import { test } from 'node:test';\nimport assert from 'node:assert/strict';\nimport { greet } from '../src/greet.js';\n\ntest('greet', () => {\n  assert.equal(greet('Ada'), 'Hello, Ada!');\n});\n",
};

/** Write repo-relative `file` under `root` (folders created). Returns the absolute path. */
export function writeRepoFile(root: string, file: string, content: string): string {
  const abs = path.join(root, file);
  mkdirSync(path.dirname(abs), { recursive: true });
  writeFileSync(abs, content);
  return abs;
}

/**
 * A fresh temp git repository (removed after the test) with {@link GREET_PROGRAM} committed once, as a user
 * who has never run cccc has it. `dir` places it elsewhere (for a `beforeAll` fixture the caller removes).
 */
export function newUserRepo(dir: string = tempDir('cccc-user-')): string {
  git(dir, 'init', '-q');
  for (const [file, content] of Object.entries(GREET_PROGRAM)) writeRepoFile(dir, file, content);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'greet-demo: first commit');
  return dir;
}

/** A copy of `source` (a prepared repository) in a fresh temp dir removed after the test. */
export function copyRepo(source: string): string {
  const dir = tempDir('cccc-copy-');
  cpSync(source, dir, { recursive: true, verbatimSymlinks: true });
  return dir;
}

/** Write `docs/cccc/<name>` with real content (no template marker), as Claude does after reading the project. */
export function fillDoc(root: string, name: string, body = 'src/greet.js exports greet(name); test/greet.test.js covers it with node --test.'): void {
  writeRepoFile(root, path.join('docs', 'cccc', name), `# ${name.replace(/\.md$/, '')}\n\n${body}\n`);
}

/** Fill every discovery doc (issue #2: project-map, current-state, architecture, test-strategy, risk-register, open-questions). */
export function fillDiscoveryDocs(root: string, names: readonly string[] = DISCOVERY_DOCS): void {
  for (const name of names) fillDoc(root, name);
}

/** Fill the planning docs (project-brief, roadmap); `milestones.yaml` is {@link writeMilestones}. */
export function fillPlanningDocs(root: string): void {
  for (const name of PLANNING_DOCS) fillDoc(root, name, 'Add a farewell next to the greeting, one small milestone at a time.');
}

/** A valid milestone with id `id`; `over` replaces fields. */
export function milestone(id: string, over: Partial<Milestone> = {}): Milestone {
  return {
    id,
    title: `Milestone ${id}`,
    goal: `The observable outcome of ${id}.`,
    scope: ['src/'],
    out_of_scope: ['packaging'],
    acceptance_criteria: [`${id}: npm test passes`],
    expected_files: ['src/greet.js'],
    required_tests: ['npm test'],
    risk: 'low',
    depends_on: [],
    ...over,
  };
}

/** Write `docs/cccc/milestones.yaml` as a top-level YAML list (issue #2 §4). */
export function writeMilestones(root: string, milestones: readonly Milestone[]): void {
  writeRepoFile(root, 'docs/cccc/milestones.yaml', stringify(milestones));
}

/**
 * Write a self-review JSON file OUTSIDE the repository (an untracked file inside it would be "code" to the
 * gate fingerprints) and return its path. Defaults: `{verdict: ok, summary, concerns: [], questions: []}`.
 * `dir` (default: a temp dir removed after the test) is where it goes — pass one in `beforeAll`.
 */
export function writeSelfReview(over: Partial<SelfReview> = {}, dir: string = tempDir('cccc-self-review-')): string {
  const file = path.join(dir, `self-review-${Date.now()}-${Math.random().toString(36).slice(2, 8)}.json`);
  const review: SelfReview = { verdict: 'ok', summary: 'Checked the change against the acceptance criteria.', concerns: [], questions: [], ...over };
  writeFileSync(file, `${JSON.stringify(review, null, 2)}\n`);
  return file;
}

/** Edit `docs/cccc/config.json` in place (parsed, edited, written back). */
export function editConfig(root: string, edit: (config: CcccConfig) => void): void {
  const file = path.join(root, 'docs', 'cccc', 'config.json');
  const config = JSON.parse(readFileSync(file, 'utf8')) as CcccConfig;
  edit(config);
  writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
}

/** Replace the first occurrence of `from` with `to` in repo-relative `file` (throws when absent): "one line changes". */
export function editRepoFile(root: string, file: string, from: string, to: string): void {
  const abs = path.join(root, file);
  const text = readFileSync(abs, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} does not contain ${JSON.stringify(from)}`);
  writeFileSync(abs, text.replace(from, to));
}

/**
 * Walk a new repository with cccc: `setup --yes`, `start`, discovery docs, `submit discovery`, planning docs,
 * `milestones.yaml`, `submit plan` (ok self-review). Ends in CODEX_ADVERSARIAL_PLAN_REVIEW; throws on any
 * non-zero exit. `env` is passed to every run; `selfReviewDir` is where the self-review goes (see {@link writeSelfReview}).
 */
export async function walkToPlanReview(
  root: string,
  milestones: readonly Milestone[] = [milestone('M001')],
  env?: Record<string, string>,
  extendEnv?: boolean,
  selfReviewDir?: string,
): Promise<void> {
  const cccc = cliIn(root, env, extendEnv);
  const must = async (args: string[]) => {
    const r = await cccc(args);
    if (r.exitCode !== 0) throw new Error(`cccc ${args.join(' ')} exited ${r.exitCode}:\n${r.stderr}`);
  };
  await must(['setup', '--yes']);
  await must(['start', 'Add a farewell next to the greeting']);
  fillDiscoveryDocs(root);
  await must(['submit', 'discovery']);
  fillPlanningDocs(root);
  writeMilestones(root, milestones);
  await must(['submit', 'plan', '--self-review', writeSelfReview({}, selfReviewDir)]);
}

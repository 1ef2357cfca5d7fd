/**
 * Helpers for tests that run the fake `codex` (test/fixtures/fake-codex/codex): its directory to put first on
 * PATH, an environment choosing a scenario, the calls it recorded, and a prepared review (schema file, output
 * path, repo dir) in a temp folder.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GateName } from '../../machines/index.js';
import { writeVerdictSchema } from '../../src/verdicts/json-schema.js';

/** Directory holding the fake `codex` executable. */
export const FAKE_CODEX_DIR = resolve(fileURLToPath(new URL('../fixtures/fake-codex', import.meta.url)));
/** Absolute path of the fake `codex` (usable as `codex.cli_command`). */
export const FAKE_CODEX_BIN = join(FAKE_CODEX_DIR, 'codex');

/** What the fake recorded for one `exec` call. */
export interface FakeCodexCall {
  n: number;
  argv: string[];
  cwd: string;
  prompt: string;
  scenario: string;
  gate: GateName;
  options: { cd: string | null; sandbox: string | null; schema: string; out: string; model: string | null; config: string[] };
}

/**
 * Environment for the fake: PATH with the fake first, the scenario (or a list of scenarios, one per call),
 * and a record dir (also the counter dir).
 */
export function fakeCodexEnv(recordDir: string, scenario: string | string[], extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {
    PATH: `${FAKE_CODEX_DIR}${delimiter}${process.env.PATH ?? ''}`,
    FAKE_CODEX_RECORD_DIR: recordDir,
    FAKE_CODEX_STATE_DIR: recordDir,
    FAKE_CODEX_SCENARIO: '',
    FAKE_CODEX_SCENARIO_FILE: '',
    ...extra,
  };
  mkdirSync(recordDir, { recursive: true });
  if (Array.isArray(scenario)) {
    env.FAKE_CODEX_SCENARIO_FILE = join(recordDir, 'scenarios.json');
    writeFileSync(env.FAKE_CODEX_SCENARIO_FILE, JSON.stringify(scenario));
  } else {
    env.FAKE_CODEX_SCENARIO = scenario;
  }
  return env;
}

/** The `exec` calls the fake recorded in `recordDir`, in order. */
export function fakeCodexCalls(recordDir: string): FakeCodexCall[] {
  if (!existsSync(recordDir)) return [];
  return readdirSync(recordDir)
    .filter((name) => /^call-\d+\.json$/.test(name))
    .map((name) => JSON.parse(readFileSync(join(recordDir, name), 'utf8')) as FakeCodexCall)
    .sort((a, b) => a.n - b.n);
}

/** Pid of the grandchild a `hang`/`slow` call started, if any. */
export function fakeCodexSleeperPid(recordDir: string, n: number): number | null {
  const file = join(recordDir, `call-${n}.sleeper.pid`);
  return existsSync(file) ? Number(readFileSync(file, 'utf8')) : null;
}

/** A review's files in `dir`: repo root, schema file (written), output file path, record dir. */
export async function prepareReview(dir: string, gate: GateName): Promise<{ root: string; schemaFile: string; outputFile: string; recordDir: string }> {
  const root = join(dir, 'repo');
  mkdirSync(root, { recursive: true });
  const schemaFile = await writeVerdictSchema(gate, join(dir, 'schemas'));
  return { root, schemaFile, outputFile: join(dir, 'out', `${gate}.json`), recordDir: join(dir, 'calls') };
}

/** True while `pid` is a live (non-zombie) process. */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true;
  }
}

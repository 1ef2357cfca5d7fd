/**
 * The built CLI as a new user meets it (issue #5 "Done when"): `cccc doctor` on a broken install prints every
 * line with a hint per problem, exits 8 and writes nothing; `--json` prints one document; a healthy workspace
 * exits 0. `cccc next` speaks the user's language, and `cccc graph` prints the README's diagram.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { readmeMermaid } from '../../src/commands/graph.js';
import { installCommands } from '../../src/setup/commands.js';
import { packageRoot, packageVersion } from '../../src/workspace/package-root.js';
import type { WorkspacePaths } from '../../src/workspace/paths.js';
import { CCCC_BIN, runCli } from '../helpers/cli.js';
import { FAKE_CODEX_DIR } from '../helpers/fake-codex.js';
import { tempDir, tempWorkspace } from '../helpers/tmp.js';
import { hashTree } from '../helpers/workspace-hash.js';

/** A PATH holding git (and nothing called codex). */
function pathWithoutCodex(): string {
  const bin = tempDir('cccc-bin-');
  symlinkSync(execFileSync('which', ['git'], { encoding: 'utf8' }).trim(), path.join(bin, 'git'));
  return bin;
}

async function workspace(language = 'en'): Promise<WorkspacePaths> {
  const paths = tempWorkspace((c) => {
    c.language.user_language = language;
  });
  await installCommands(paths, path.join(packageRoot(), 'commands-template'), packageVersion());
  return paths;
}

describe('cccc doctor (built CLI)', () => {
  it('diagnoses a broken install — no codex, a moved hook, a hand-edited state — prints every line, exits 8, writes nothing', async () => {
    const paths = await workspace();
    const config = JSON.parse(readFileSync(paths.config, 'utf8'));
    config.mode = 'full-auto-safe';
    config.automation.stop_hook_loop_enabled = true;
    writeFileSync(paths.config, JSON.stringify(config, null, 2));
    expect((await runCli(['start', 'add rate limiting'], { cwd: paths.root })).exitCode).toBe(0);
    const state = JSON.parse(readFileSync(paths.state, 'utf8'));
    state.snapshot.context.task = 'something else';
    writeFileSync(paths.state, JSON.stringify(state, null, 2));
    mkdirSync(paths.claudeDir, { recursive: true });
    const moved = '/old/prefix/lib/node_modules/cc-codex-collaborate/dist/src/bin.js';
    const hook = (name: string) => [{ hooks: [{ type: 'command', command: process.execPath, args: [moved, 'hook', name] }] }];
    writeFileSync(path.join(paths.claudeDir, 'settings.json'), JSON.stringify({ hooks: { Stop: hook('stop'), StopFailure: hook('stop-failure'), PreToolUse: hook('guard') } }, null, 2));

    const before = hashTree(paths.root);
    const env = { PATH: pathWithoutCodex(), LANG: 'C' };
    const run = await runCli(['doctor'], { cwd: paths.root, env });
    expect(hashTree(paths.root)).toEqual(before);
    expect(run.exitCode).toBe(8);
    const lines = run.stdout.split('\n');
    const checks = lines.filter((l) => /^(PASS|WARN|FAIL) {2}/.test(l));
    const summary = /^(\d+) PASS, (\d+) WARN, (\d+) FAIL$/.exec(lines.filter(Boolean).at(-1) ?? '');
    expect(summary).not.toBeNull();
    expect(checks.length).toBe(Number(summary![1]) + Number(summary![2]) + Number(summary![3]));
    const fails = lines.map((l, i) => [l, lines[i + 1] ?? ''] as const).filter(([l]) => l.startsWith('FAIL'));
    expect(fails.map(([l]) => l)).toEqual([
      expect.stringMatching(/^FAIL {2}Journal replay — state\.json differs from the replay/),
      expect.stringMatching(/^FAIL {2}Hook registrations .* the Stop hook runs \/old\/prefix/),
      expect.stringMatching(/the StopFailure hook runs/),
      expect.stringMatching(/the PreToolUse hook runs/),
      expect.stringMatching(/^FAIL {2}Codex CLI \(codex\) — Could not run "codex"/),
    ]);
    for (const [, next] of fails) expect(next).toMatch(/^ {6}hint: /);
    expect(run.stderr).toMatch(/cccc: cccc doctor found 5 FAIL line\(s\)\.\nhint: Fix each FAIL above/);

    const json = await runCli(['doctor', '--json'], { cwd: paths.root, env });
    expect(json.exitCode).toBe(8);
    const doc = json.json<{ error: { code: string; details: { report: { ok: boolean; checks: { level: string }[] } } } }>();
    expect(doc.error.code).toBe('DOCTOR_FAILED');
    expect(doc.error.details.report.ok).toBe(false);
    expect(doc.error.details.report.checks.filter((c) => c.level === 'FAIL')).toHaveLength(5);
    expect(hashTree(paths.root)).toEqual(before);
  });

  it('exits 0 on a healthy workspace, and --json is the report', async () => {
    const paths = await workspace();
    const env = { PATH: `${FAKE_CODEX_DIR}${path.delimiter}${process.env.PATH ?? ''}`, FAKE_CODEX_SCENARIO: 'pass' };
    const run = await runCli(['doctor', '--json'], { cwd: paths.root, env });
    expect(run.exitCode).toBe(0);
    const report = run.json<{ ok: boolean; summary: { fail: number; warn: number } }>();
    expect(report).toMatchObject({ ok: true, summary: { fail: 0, warn: 0 } });
  });
});

describe('language and the diagram (built CLI)', () => {
  it('cccc next follows LANG when language.user_language is auto, and the config when it is set', async () => {
    const auto = await workspace('auto');
    const zh = await runCli(['next'], { cwd: auto.root, env: { LANG: 'zh_CN.UTF-8', LC_ALL: '', LC_MESSAGES: '' } });
    expect(zh.exitCode).toBe(0);
    expect(zh.stdout).toMatch(/^状态：SETUP_COMPLETE\n\n当前没有运行中的任务。/);
    expect(zh.stdout).toContain('运行：cccc start "<task>"');
    const json = await runCli(['next', '--json'], { cwd: auto.root, env: { LANG: 'zh_CN.UTF-8', LC_ALL: '', LC_MESSAGES: '' } });
    expect(json.json()).toMatchObject({ status: 'SETUP_COMPLETE', command: 'cccc start "<task>"' });
    const en = await runCli(['status'], { cwd: auto.root, env: { LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '' } });
    expect(en.stdout).toMatch(/^Status: {4}SETUP_COMPLETE \(idle\)/);
  });

  it('cccc graph --condensed prints the README diagram; --format json parses', async () => {
    const dir = tempDir();
    const condensed = await runCli(['graph', '--condensed'], { cwd: dir });
    expect(condensed.exitCode).toBe(0);
    expect(`${condensed.stdout}\n`).toBe(readmeMermaid()); // execa strips the final newline
    const json = await runCli(['graph', '--format', 'json'], { cwd: dir });
    expect(json.json<{ states: unknown[] }>().states.length).toBeGreaterThan(10);
    expect(CCCC_BIN).toMatch(/dist\/src\/bin\.js$/);
  });
});

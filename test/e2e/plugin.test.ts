/**
 * Issue #7 "a Claude Code plugin layout … so /plugin install works": `cccc plugin build` (the BUILT CLI) writes
 * the plugin, and the REAL `claude` (2.1.197, isolated HOME, offline switches, egress trap) validates it in
 * strict mode, adds it as a local marketplace, installs it and lists its 4 commands and 3 hooks. The installed
 * copy runs on its own: its `bin/cccc` answers `--version` and sets up a repository from the plugin's own
 * templates. Then a `claude -p` session with `--plugin-dir` proves the two runtime claims: the plugin's `bin/` puts
 * `cccc` on the Bash tool's PATH, and the plugin's Stop hook runs (it logs its decision in the workspace) — once per
 * stop, also when `cccc loop start` registered the project's own hooks (the plugin's then defer to them).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cliIn, newUserRepo, runCli } from '../helpers/cli.js';
import { claudeEnv, lastUserTurn, runClaude, startMessagesStub, type MessagesStub } from '../helpers/messages-stub.js';
import { binaryProblem, CLAUDE_BIN } from '../helpers/real-binaries.js';
import { tempDir } from '../helpers/tmp.js';

const problem = await binaryProblem(CLAUDE_BIN);
if (problem) console.warn(`skipping the plugin tests with the real claude: ${problem}`);

const version = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version as string;

describe.skipIf(problem !== undefined)('the Claude Code plugin, checked by the real claude', () => {
  let stub: MessagesStub;

  beforeAll(async () => {
    stub = await startMessagesStub();
  });
  afterAll(async () => {
    await stub?.close();
  });
  afterEach(() => {
    expect(stub.egress).toEqual([]);
    expect(stub.playerErrors).toEqual([]);
  });

  async function buildPlugin(): Promise<{ dir: string; result: any }> {
    const dir = path.join(tempDir('cccc-plugin-'), 'plugin');
    const run = await runCli(['plugin', 'build', '--out', dir, '--json'], { cwd: tempDir('cccc-plugin-cwd-') });
    expect(run.exitCode, run.stderr).toBe(0);
    return { dir, result: run.json() };
  }

  it('builds a plugin that validates strictly, installs from a local marketplace and runs on its own', async () => {
    const { dir, result } = await buildPlugin();
    expect(result).toMatchObject({ name: 'cc-codex-collaborate', version, hooks: ['Stop', 'StopFailure', 'PreToolUse'] });
    expect(result.commands).toEqual(['/cc-codex-collaborate:cccc', '/cc-codex-collaborate:loop-start', '/cc-codex-collaborate:loop-status', '/cc-codex-collaborate:loop-stop']);
    const home = tempDir('cccc-plugin-home-');
    const env = claudeEnv(stub, home);
    const claude = (...args: string[]) => runClaude(args, { cwd: home, env, timeoutMs: 60_000 });

    for (const target of [dir, path.join(dir, '.claude-plugin', 'plugin.json')]) {
      const validate = await claude('plugin', 'validate', target, '--strict');
      expect(validate.exitCode, `${validate.stdout}\n${validate.stderr}`).toBe(0);
      expect(String(validate.stdout)).toContain('Validation passed');
      expect(String(validate.stdout)).not.toMatch(/warning/i);
    }
    expect((await claude('plugin', 'marketplace', 'add', dir)).exitCode).toBe(0);
    const install = await claude('plugin', 'install', 'cc-codex-collaborate@cc-codex-collaborate');
    expect(install.exitCode, `${install.stdout}\n${install.stderr}`).toBe(0);
    const details = String((await claude('plugin', 'details', 'cc-codex-collaborate@cc-codex-collaborate')).stdout);
    expect(details).toMatch(/Skills \(4\)\s+cccc, loop-start, loop-status, loop-stop/);
    expect(details).toMatch(/Hooks \(3\)\s+Stop, StopFailure, PreToolUse/);

    // The installed copy (Claude Code copies the plugin into its cache) is self-contained.
    const installed = JSON.parse(readFileSync(path.join(home, '.claude', 'plugins', 'installed_plugins.json'), 'utf8')).plugins['cc-codex-collaborate@cc-codex-collaborate'][0].installPath as string;
    expect(installed.startsWith(home)).toBe(true);
    const cccc = path.join(installed, 'bin', 'cccc');
    expect(String((await execa(cccc, ['--version'])).stdout).trim()).toBe(version);
    const repo = newUserRepo();
    const setup = await execa(cccc, ['setup', '--yes', '--json'], { cwd: repo, reject: false });
    expect(setup.exitCode, String(setup.stderr)).toBe(0);
    expect(readdirSync(path.join(repo, '.claude', 'commands'))).toContain('cc-codex-collaborate.md');
    expect(existsSync(path.join(repo, 'docs', 'cccc', 'config.json'))).toBe(true);
  });

  it('in a session (--plugin-dir): `cccc` is on the Bash PATH and the plugin Stop hook runs', async () => {
    const { dir } = await buildPlugin();
    const repo = newUserRepo();
    expect((await cliIn(repo)(['setup', '--yes'])).exitCode).toBe(0);
    const home = tempDir('cccc-plugin-home-');
    stub.player = (body) => {
      const { toolResults } = lastUserTurn(body);
      if (toolResults.length === 0) return { bash: 'cccc --version', description: 'Ask the plugin cccc for its version' };
      return { text: `cccc says ${toolResults[0]?.content}` };
    };
    const run = await runClaude(['-p', 'which cccc version?', '--output-format', 'json', '--allowedTools', 'Bash', '--plugin-dir', dir], {
      cwd: repo,
      env: claudeEnv(stub, home),
    });
    expect(run.exitCode, String(run.stderr)).toBe(0);
    expect(JSON.parse(String(run.stdout))).toMatchObject({ subtype: 'success', result: `cccc says ${version}` });
    // The Stop hook of the plugin ran in the workspace: the loop is off, so it allowed the stop and logged why.
    const log = readFileSync(path.join(repo, 'docs', 'cccc', 'logs', 'hooks.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(log).toContainEqual(expect.objectContaining({ hook: 'stop', decision: 'allow' }));
  });

  it('with `cccc loop start` in the project, the plugin defers: each stop is decided once, by the project hook', async () => {
    const { dir } = await buildPlugin();
    const repo = newUserRepo();
    const cccc = cliIn(repo);
    expect((await cccc(['setup', '--yes'])).exitCode).toBe(0);
    expect((await cccc(['loop', 'start', '--session-id', 'any'])).exitCode).toBe(0);
    stub.player = () => ({ text: 'done' });
    const run = await runClaude(['-p', 'hello', '--output-format', 'json', '--plugin-dir', dir], { cwd: repo, env: claudeEnv(stub, tempDir('cccc-plugin-home-')) });
    expect(run.exitCode, String(run.stderr)).toBe(0);
    const stops = readFileSync(path.join(repo, 'docs', 'cccc', 'logs', 'hooks.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l)).filter((e) => e.hook === 'stop');
    expect(stops).toHaveLength(1);
  });
});

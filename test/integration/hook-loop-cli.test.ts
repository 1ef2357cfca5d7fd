/**
 * Issue #4 §1–3 through the BUILT CLI in temp git repositories: `cccc loop start|stop|status` edit the config
 * and the project settings (the user's own hooks and keys come back deep-equal; invalid JSON is refused and left
 * byte-identical; twice = once), and `cccc hook stop|guard` print exactly one JSON object or nothing —
 * including for a batch of malformed payloads spawned as real processes.
 */
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CCCC_BIN, cliIn, newUserRepo, type CliResult } from '../helpers/cli.js';
import { malformedPayloads, stopPayload } from '../helpers/hook-fixtures.js';

/** The user's own settings: permissions, env, and their own Stop and PreToolUse hooks (with odd spacing). */
const USER_SETTINGS = {
  permissions: { allow: ['Bash(npm test)'], deny: ['Read(./secrets/**)'] },
  env: { FOO: 'bar' },
  hooks: {
    Stop: [{ hooks: [{ type: 'command', command: 'echo "my own stop hook"' }] }],
    PreToolUse: [{ matcher: 'Bash', hooks: [{ type: 'command', command: '/usr/local/bin/my-guard', timeout: 5 }] }],
  },
};

async function startedRepo(): Promise<{ root: string; cccc: (args: readonly string[], input?: string) => Promise<CliResult> }> {
  const root = newUserRepo();
  const cccc = cliIn(root);
  for (const args of [['setup', '--yes'], ['start', 'Add a farewell next to the greeting']]) {
    const r = await cccc(args);
    if (r.exitCode !== 0) throw new Error(`cccc ${args.join(' ')}: ${r.stderr}`);
  }
  return { root, cccc };
}

const read = (root: string, rel: string) => readFileSync(path.join(root, rel), 'utf8');
const config = (root: string) => JSON.parse(read(root, 'docs/cccc/config.json'));

describe('cccc loop start | stop | status (built CLI)', () => {
  it('start registers ours next to the user\'s hooks; twice = once; stop gives the user\'s settings back deep-equal', async () => {
    const { root, cccc } = await startedRepo();
    mkdirSync(path.join(root, '.claude'), { recursive: true });
    writeFileSync(path.join(root, '.claude/settings.json'), `${JSON.stringify(USER_SETTINGS, null, 4)}\n`);

    const start = await cccc(['loop', 'start', '--json']);
    expect(start.exitCode, start.stderr).toBe(0);
    expect(start.json()).toMatchObject({ next: 'continue', kept: false, workflow: { status: 'DISCOVER_EXISTING_PROJECT', kind: 'active' }, loop: { active: true, ownerSessionId: null, previousMode: 'supervised-auto' } });
    expect(config(root)).toMatchObject({ mode: 'full-auto-safe', automation: { stop_hook_loop_enabled: true } });
    const settings = JSON.parse(read(root, '.claude/settings.json'));
    expect(settings.permissions).toEqual(USER_SETTINGS.permissions);
    expect(settings.env).toEqual(USER_SETTINGS.env);
    expect(settings.hooks.Stop[0]).toEqual(USER_SETTINGS.hooks.Stop[0]);
    expect(settings.hooks.PreToolUse[0]).toEqual(USER_SETTINGS.hooks.PreToolUse[0]);
    const ours = settings.hooks.Stop[1].hooks[0];
    expect(ours).toEqual({ type: 'command', command: process.execPath, args: [CCCC_BIN, 'hook', 'stop'], timeout: 30 });
    expect(settings.hooks.StopFailure[0].hooks[0].args).toEqual([CCCC_BIN, 'hook', 'stop-failure']);
    expect(settings.hooks.PreToolUse[1]).toMatchObject({ matcher: 'Bash|Write|Edit|MultiEdit|Read|NotebookEdit', hooks: [{ args: [CCCC_BIN, 'hook', 'guard'] }] });
    expect(existsSync(path.join(root, 'docs/cccc/backups'))).toBe(true);

    const settingsText = read(root, '.claude/settings.json');
    const configText = read(root, 'docs/cccc/config.json');
    const loopText = read(root, 'docs/cccc/runtime/loop/loop.json');
    const again = await cccc(['loop', 'start', '--json']);
    expect(again.exitCode, again.stderr).toBe(0);
    expect(again.json()).toMatchObject({ kept: true, settings: [{ changed: false }, { changed: false }], config: { changed: false } });
    expect(read(root, '.claude/settings.json')).toBe(settingsText);
    expect(read(root, 'docs/cccc/config.json')).toBe(configText);
    expect(read(root, 'docs/cccc/runtime/loop/loop.json')).toBe(loopText);

    const status = await cccc(['loop', 'status', '--json']);
    expect(status.exitCode, status.stderr).toBe(0);
    expect(status.json()).toMatchObject({
      ready: true,
      problems: [],
      config: { mode: 'full-auto-safe', loopEnabled: true, maxContinuations: 10 },
      registrations: [{ file: '.claude/settings.json', hooks: expect.arrayContaining([expect.objectContaining({ event: 'Stop', hookName: 'stop', commandExists: true, entryExists: true })]) }, { file: '.claude/settings.local.json', exists: false }],
      loop: { active: true, capped: false, continuations: 0 },
      budget: { used: 0, max: 10, remaining: 10 },
      workflow: { status: 'DISCOVER_EXISTING_PROJECT', kind: 'active' },
      blockCap: { consecutiveBlocks: 8, env: 'CLAUDE_CODE_STOP_HOOK_BLOCK_CAP' },
    });
    expect((await cccc(['loop', 'status'])).stdout).toContain('8 consecutive Stop-hook blocks');

    const stop = await cccc(['loop', 'stop', '--json']);
    expect(stop.exitCode, stop.stderr).toBe(0);
    expect(JSON.parse(read(root, '.claude/settings.json'))).toEqual(USER_SETTINGS);
    expect(config(root)).toMatchObject({ mode: 'supervised-auto', automation: { stop_hook_loop_enabled: false } });
    expect(JSON.parse(read(root, 'docs/cccc/runtime/loop/loop.json'))).toMatchObject({ active: false, capped: false, continuations: 0, stoppedAt: expect.any(String) });
    const stopAgain = await cccc(['loop', 'stop', '--json']);
    expect(stopAgain.exitCode).toBe(0);
    expect(stopAgain.json()).toMatchObject({ settings: [{ changed: false }, { changed: false }], config: { changed: false } });
    expect((await cccc(['loop', 'status', '--json'])).json()).toMatchObject({ ready: false, loop: { active: false } });
  });

  it('refuses a settings file that is not valid JSON and changes nothing (settings, config, loop record)', async () => {
    const { root, cccc } = await startedRepo();
    mkdirSync(path.join(root, '.claude'), { recursive: true });
    const broken = '{\n  "hooks": { "Stop": [], },\n  // a comment\n}\n';
    writeFileSync(path.join(root, '.claude/settings.json'), broken);
    const configText = read(root, 'docs/cccc/config.json');
    const r = await cccc(['loop', 'start', '--json']);
    expect(r.exitCode).not.toBe(0);
    expect(r.json()).toMatchObject({ error: { code: 'SETTINGS_INVALID' } });
    expect(r.stderr).toContain('.claude/settings.json');
    expect(read(root, '.claude/settings.json')).toBe(broken);
    expect(read(root, 'docs/cccc/config.json')).toBe(configText);
    expect(existsSync(path.join(root, 'docs/cccc/runtime/loop/loop.json'))).toBe(false);
    expect((await cccc(['loop', 'status', '--json'])).json().registrations[0].error).toContain('not valid JSON');
  });

  it('--local registers in settings.local.json only; --session-id sets the owner; stop removes them', async () => {
    const { root, cccc } = await startedRepo();
    const r = await cccc(['loop', 'start', '--local', '--session-id', 'sess-42', '--json']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.json().loop).toMatchObject({ ownerSessionId: 'sess-42', settingsFile: '.claude/settings.local.json' });
    expect(existsSync(path.join(root, '.claude/settings.json'))).toBe(false);
    expect(JSON.parse(read(root, '.claude/settings.local.json')).hooks.Stop[0].hooks[0].args[2]).toBe('stop');
    expect((await cccc(['loop', 'stop'])).exitCode).toBe(0);
    expect(existsSync(path.join(root, '.claude/settings.local.json'))).toBe(true);
    expect(JSON.parse(read(root, '.claude/settings.local.json'))).toEqual({});
  });
});

describe('cccc hook stop | guard (built CLI)', () => {
  it('blocks the owner with exactly one JSON object on stdout; a second session gets nothing; the counters show in loop status', async () => {
    const { root, cccc } = await startedRepo();
    expect((await cccc(['loop', 'start', '--session-id', 'owner'])).exitCode).toBe(0);
    const block = await cccc(['hook', 'stop'], stopPayload('owner', root));
    expect(block.exitCode).toBe(0);
    expect(block.stdout.trimStart().startsWith('{')).toBe(true);
    expect(block.json()).toEqual({ decision: 'block', reason: expect.stringContaining('cccc next') });
    const other = await cccc(['hook', 'stop'], stopPayload('someone-else', root));
    expect(other).toMatchObject({ exitCode: 0, stdout: '' });
    expect((await cccc(['loop', 'status', '--json'])).json()).toMatchObject({ loop: { ownerSessionId: 'owner', continuations: 1 }, budget: { used: 1 } });
    expect((await cccc(['status', '--json'])).json().loop).toEqual({ active: true, capped: false, continuations: 1 });
    expect((await cccc(['status'])).stdout).toContain('Loop:      active, 1 continuation(s)');
  });

  it('guard denies `rm -rf /` with the PreToolUse JSON and records SENSITIVE_OPERATION while a workflow is active', async () => {
    const { root, cccc } = await startedRepo();
    expect((await cccc(['loop', 'start'])).exitCode).toBe(0);
    const payload = JSON.stringify({ session_id: 's1', cwd: root, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command: 'rm -rf /' }, tool_use_id: 't1' });
    const r = await cccc(['hook', 'guard'], payload);
    expect(r.exitCode).toBe(0);
    expect(r.json()).toEqual({
      hookSpecificOutput: { hookEventName: 'PreToolUse', permissionDecision: 'deny', permissionDecisionReason: expect.stringContaining('recursive-delete') },
    });
    const status = (await cccc(['status', '--json'])).json();
    expect(status).toMatchObject({ status: 'SENSITIVE_OPERATION', pause: { kind: 'sensitive', code: 'guard:recursive-delete' } });
    const allowed = JSON.stringify({ session_id: 's1', cwd: root, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command: 'npm test && rm -rf node_modules' } });
    expect(await cccc(['hook', 'guard'], allowed)).toMatchObject({ exitCode: 0, stdout: '' });
  });

  it('a batch of malformed payloads, each a real process: exit 0 and nothing or one JSON object', async () => {
    const { root, cccc } = await startedRepo();
    expect((await cccc(['loop', 'start'])).exitCode).toBe(0);
    const payloads = malformedPayloads(10, 23);
    for (const [i, text] of payloads.entries()) {
      const name = ['stop', 'guard', 'stop-failure'][i % 3] as string;
      const r = await cccc(['hook', name], text);
      expect(r.exitCode, r.stderr).toBe(0);
      if (r.stdout !== '') expect(typeof r.json()).toBe('object');
      expect(r.stderr).not.toContain('internal error');
    }
  });
});

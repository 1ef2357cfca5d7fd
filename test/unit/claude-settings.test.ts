import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors.js';
import { fillHookTemplate, loadHookRegistrations } from '../../src/claude/hook-template.js';
import { applySettingsPlan, backupStamp } from '../../src/claude/settings-file.js';
import {
  findHookRegistrations,
  isCcccHandler,
  planHookRegistration,
  planHookRemoval,
  type HookRegistrations,
} from '../../src/claude/settings.js';
import { tempDir } from '../helpers/tmp.js';

const TEMPLATE = readFileSync(new URL('../../hooks-template/hooks.json', import.meta.url), 'utf8');
const ENTRY = '/Users/Jane Doe/My Tools/node_modules/cc-codex-collaborate/dist/src/bin.js';
const ENTRIES: HookRegistrations = fillHookTemplate(TEMPLATE, { node: '/opt/node 20/bin/node', entry: ENTRY });

/** A user's settings with their own hooks (including an empty group and an empty event of their own). */
const USER_SETTINGS = {
  model: 'opus',
  permissions: { allow: ['Bash(npm test)'], deny: ['Read(./secrets/**)'] },
  env: { FOO: '1' },
  hooks: {
    Stop: [{ hooks: [{ type: 'command', command: 'notify-send done', timeout: 5 }] }],
    PreToolUse: [
      { matcher: 'Bash', hooks: [{ type: 'command', command: '/usr/local/bin/audit.sh', statusMessage: 'auditing' }] },
      { matcher: 'Write', hooks: [] },
    ],
    SessionStart: [],
    PostToolUse: [{ matcher: 'Edit', hooks: [{ type: 'command', command: 'prettier --write' }] }],
  },
  statusLine: { type: 'command', command: 'echo hi' },
};
const USER_TEXT = `${JSON.stringify(USER_SETTINGS, null, 2)}\n`;

describe('hook template (hooks-template/hooks.json)', () => {
  it('fills both placeholders in the exec form for Stop, StopFailure and the guard', () => {
    expect(ENTRIES.Stop?.[0]?.hooks[0]).toEqual({ type: 'command', command: '/opt/node 20/bin/node', args: [ENTRY, 'hook', 'stop'], timeout: 30 });
    expect(ENTRIES.StopFailure?.[0]?.hooks[0]?.args).toEqual([ENTRY, 'hook', 'stop-failure']);
    expect(ENTRIES.PreToolUse?.[0]).toMatchObject({ matcher: 'Bash|Write|Edit|MultiEdit|Read|NotebookEdit', hooks: [{ args: [ENTRY, 'hook', 'guard'] }] });
    expect(JSON.stringify(ENTRIES)).not.toContain('${CCCC_');
  });

  it('keeps paths with quotes and backslashes intact (substituted after parsing)', () => {
    const entry = 'C:\\Users\\a "b"\\cc-codex-collaborate\\dist\\src\\bin.js';
    const filled = fillHookTemplate(TEMPLATE, { node: 'node', entry });
    expect(filled.Stop?.[0]?.hooks[0]?.args?.[0]).toBe(entry);
    expect(isCcccHandler(filled.Stop?.[0]?.hooks[0])).toBe(true);
  });

  it('finds and loads the shipped template', async () => {
    expect(await loadHookRegistrations({ node: 'node', entry: ENTRY })).toEqual(fillHookTemplate(TEMPLATE, { node: 'node', entry: ENTRY }));
  });

  it('rejects a damaged template', () => {
    expect(() => fillHookTemplate('{"hooks": {"Stop": {}}}', { node: 'n', entry: 'e' })).toThrow(/HOOK_TEMPLATE|must be an array/);
    expect(() => fillHookTemplate('nope', { node: 'n', entry: 'e' })).toThrow(InvalidInputError);
  });
});

describe('isCcccHandler (the marker)', () => {
  it.each([
    ['ours', { type: 'command', command: 'node', args: [ENTRY, 'hook', 'stop'] }, true],
    ['ours, plugin path', { type: 'command', command: 'node', args: ['${CLAUDE_PLUGIN_ROOT}/dist/src/bin.js', 'hook', 'guard'] }, true],
    ['ours, Windows path', { type: 'command', command: 'node.exe', args: ['C:\\x\\dist\\src\\bin.js', 'hook', 'stop-failure'] }, true],
    ['other subcommand', { type: 'command', command: 'node', args: [ENTRY, 'status'] }, false],
    ['unknown hook name', { type: 'command', command: 'node', args: [ENTRY, 'hook', 'other'] }, false],
    ['other entry file', { type: 'command', command: 'node', args: ['/x/dist/cli.js', 'hook', 'stop'] }, false],
    ['shell form', { type: 'command', command: `node ${ENTRY} hook stop` }, false],
    ['http handler', { type: 'http', args: [ENTRY, 'hook', 'stop'] }, false],
    ['junk', 'node', false],
  ])('%s', (_label, handler, expected) => expect(isCcccHandler(handler)).toBe(expected));
});

describe('planHookRegistration / planHookRemoval', () => {
  it('keeps the user’s keys and hooks, adds ours, and removal restores the original (deep-equal)', () => {
    const registered = planHookRegistration(USER_TEXT, ENTRIES);
    expect(registered.changed).toBe(true);
    const after = JSON.parse(registered.text);
    expect(after.model).toBe('opus');
    expect(after.hooks.Stop).toHaveLength(2);
    expect(after.hooks.Stop[0]).toEqual(USER_SETTINGS.hooks.Stop[0]);
    expect(after.hooks.PreToolUse.slice(0, 2)).toEqual(USER_SETTINGS.hooks.PreToolUse);
    expect(after.hooks.StopFailure).toEqual(ENTRIES.StopFailure);
    expect(findHookRegistrations(registered.text).map((r) => `${r.event}:${r.hookName}`)).toEqual(['Stop:stop', 'PreToolUse:guard', 'StopFailure:stop-failure']);

    const removed = planHookRemoval(registered.text);
    expect(removed.changed).toBe(true);
    expect(JSON.parse(removed.text)).toEqual(USER_SETTINGS);
  });

  it('is idempotent: registering twice equals once, returning the same text unchanged', () => {
    const once = planHookRegistration(USER_TEXT, ENTRIES);
    const twice = planHookRegistration(once.text, ENTRIES);
    expect(twice).toEqual({ file: '.claude/settings.json', text: once.text, changed: false, previousText: once.text });
  });

  it('removal is idempotent and leaves settings without our hooks untouched', () => {
    expect(planHookRemoval(USER_TEXT)).toMatchObject({ changed: false, text: USER_TEXT });
  });

  it('replaces our entries in place when the install path changed, never duplicating them', () => {
    const old = planHookRegistration(USER_TEXT, fillHookTemplate(TEMPLATE, { node: 'node', entry: '/old/prefix/lib/node_modules/cc-codex-collaborate/dist/src/bin.js' }));
    const moved = planHookRegistration(old.text, ENTRIES);
    expect(moved.changed).toBe(true);
    expect(findHookRegistrations(moved.text).map((r) => r.args[0])).toEqual([ENTRY, ENTRY, ENTRY]);
    expect(JSON.parse(moved.text)).toEqual(JSON.parse(planHookRegistration(USER_TEXT, ENTRIES).text));
  });

  it('removes stale and duplicate entries of ours (old matcher, extra copies, other events)', () => {
    const stale = {
      hooks: {
        PreToolUse: [
          { matcher: 'Bash|Edit', hooks: [{ type: 'command', command: 'node', args: [ENTRY, 'hook', 'guard'] }] },
        ],
        SubagentStop: [{ hooks: [{ type: 'command', command: 'node', args: [ENTRY, 'hook', 'stop'] }] }],
        Stop: [
          { hooks: [{ type: 'command', command: 'node', args: [ENTRY, 'hook', 'stop'] }, { type: 'command', command: 'node', args: [ENTRY, 'hook', 'stop'] }] },
        ],
      },
    };
    const plan = planHookRegistration(JSON.stringify(stale), ENTRIES);
    const found = findHookRegistrations(plan.text);
    expect(found.map((r) => `${r.event}:${r.matcher}:${r.hookName}`)).toEqual([
      'PreToolUse:Bash|Write|Edit|MultiEdit|Read|NotebookEdit:guard',
      'Stop:null:stop',
      'StopFailure:null:stop-failure',
    ]);
    expect(Object.keys(JSON.parse(plan.text).hooks)).not.toContain('SubagentStop');
  });

  it('keeps a user’s handler that shares a group with ours', () => {
    const shared = { hooks: { Stop: [{ hooks: [{ type: 'command', command: 'say done' }, ...(ENTRIES.Stop?.[0]?.hooks ?? [])] }] } };
    const removed = JSON.parse(planHookRemoval(JSON.stringify(shared)).text);
    expect(removed).toEqual({ hooks: { Stop: [{ hooks: [{ type: 'command', command: 'say done' }] }] } });
    const again = planHookRegistration(JSON.stringify(shared), ENTRIES);
    expect(JSON.parse(again.text).hooks.Stop).toEqual(shared.hooks.Stop);
  });

  it('creates settings from a missing or blank file, and removal then drops everything it added', () => {
    for (const existing of [null, '', '  \n']) {
      const plan = planHookRegistration(existing, ENTRIES);
      expect(plan.changed).toBe(true);
      expect(JSON.parse(plan.text)).toEqual({ hooks: ENTRIES });
      expect(JSON.parse(planHookRemoval(plan.text).text)).toEqual({});
    }
    expect(planHookRemoval(null)).toMatchObject({ changed: false, text: '' });
  });

  it('keeps empty containers it did not empty itself', () => {
    const empty = '{"hooks": {}, "x": 1}';
    expect(planHookRemoval(empty)).toMatchObject({ changed: false, text: empty });
    const emptyEvent = { hooks: { Stop: [], PreToolUse: [{ matcher: 'Bash', hooks: [] }] } };
    const plan = planHookRegistration(JSON.stringify(emptyEvent), ENTRIES);
    const removed = JSON.parse(planHookRemoval(plan.text).text);
    expect(removed.hooks.PreToolUse).toEqual(emptyEvent.hooks.PreToolUse);
  });

  it('keeps the file’s indentation', () => {
    const tabbed = JSON.stringify({ model: 'x' }, null, '\t');
    expect(planHookRegistration(tabbed, ENTRIES).text).toMatch(/^\{\n\t"model"/);
  });

  it.each([
    ['trailing comma', '{"model": "x",}', /not valid JSON/],
    ['comment', '// mine\n{"model": "x"}', /not valid JSON/],
    ['an array', '[]', /must hold a JSON object/],
    ['hooks not an object', '{"hooks": []}', /"hooks" must be an object/],
    ['an event not an array', '{"hooks": {"Stop": {}}}', /"hooks.Stop" must be an array/],
  ])('refuses %s with SETTINGS_INVALID, naming the file', (_label, text, message) => {
    const attempt = (): unknown => planHookRegistration(text, ENTRIES, { file: '.claude/settings.local.json' });
    expect(attempt).toThrow(message);
    try {
      attempt();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).code).toBe('SETTINGS_INVALID');
      expect((error as Error).message).toMatch(/^\.claude\/settings\.local\.json [^\n]*nothing was changed\.$/);
    }
  });

  it('refuses invalid JSON for removal too', () => {
    expect(() => planHookRemoval('{nope')).toThrow(/SETTINGS|not valid JSON/);
  });
});

describe('applySettingsPlan', () => {
  const now = new Date('2026-11-21T13:55:01.123Z');

  it('backs up the previous file, then writes the plan', async () => {
    const dir = tempDir();
    const file = path.join(dir, '.claude', 'settings.json');
    mkdirSync(path.dirname(file));
    writeFileSync(file, USER_TEXT);
    const plan = planHookRegistration(USER_TEXT, ENTRIES);
    const result = await applySettingsPlan(file, plan, { now });
    expect(result).toEqual({ written: true, backupPath: `${file}.cccc-backup-20261121T135501123Z` });
    expect(readFileSync(result.backupPath as string, 'utf8')).toBe(USER_TEXT);
    expect(readFileSync(file, 'utf8')).toBe(plan.text);
  });

  it('creates a missing file (and its folder) without a backup', async () => {
    const dir = tempDir('cccc settings with spaces ');
    const file = path.join(dir, 'My Project', '.claude', 'settings.local.json');
    const result = await applySettingsPlan(file, planHookRegistration(null, ENTRIES), { now });
    expect(result).toEqual({ written: true, backupPath: null });
    expect(findHookRegistrations(readFileSync(file, 'utf8'))).toHaveLength(3);
  });

  it('writes nothing for an unchanged plan', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'settings.json');
    writeFileSync(file, USER_TEXT);
    expect(await applySettingsPlan(file, planHookRemoval(USER_TEXT), { now })).toEqual({ written: false, backupPath: null });
    expect(readdirSync(dir)).toEqual(['settings.json']);
  });

  it('leaves an invalid file untouched (planning refuses before anything is written)', () => {
    const dir = tempDir();
    const file = path.join(dir, 'settings.json');
    writeFileSync(file, '{"model": "x",}');
    expect(() => planHookRegistration(readFileSync(file, 'utf8'), ENTRIES)).toThrow(InvalidInputError);
    expect(readFileSync(file, 'utf8')).toBe('{"model": "x",}');
    expect(readdirSync(dir)).toEqual(['settings.json']);
  });

  it('refuses when the file changed after planning, writing nothing', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'settings.json');
    writeFileSync(file, USER_TEXT);
    const plan = planHookRegistration(USER_TEXT, ENTRIES);
    writeFileSync(file, '{"model": "changed"}\n');
    await expect(applySettingsPlan(file, plan, { now })).rejects.toMatchObject({ code: 'SETTINGS_CHANGED' });
    expect(readFileSync(file, 'utf8')).toBe('{"model": "changed"}\n');
  });

  it('never overwrites an earlier backup with the same stamp', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'settings.json');
    writeFileSync(file, USER_TEXT);
    const first = await applySettingsPlan(file, planHookRegistration(USER_TEXT, ENTRIES), { now });
    const text = readFileSync(file, 'utf8');
    const second = await applySettingsPlan(file, planHookRemoval(text), { now });
    expect(second.backupPath).toBe(`${first.backupPath}-1`);
    expect(existsSync(first.backupPath as string)).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(USER_SETTINGS);
  });

  it('stamps backups in UTC with milliseconds', () => {
    expect(backupStamp(now)).toBe('20261121T135501123Z');
  });
});

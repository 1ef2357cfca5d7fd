import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runResume } from '../../src/commands/resume.js';
import { runTraceVerify } from '../../src/commands/trace-verify.js';
import { formatUpdate, runUpdate } from '../../src/commands/update.js';
import { loadConfig } from '../../src/config/load.js';
import type { CcccError } from '../../src/errors.js';
import { readJournal } from '../../src/state/journal.js';
import { readState } from '../../src/state/store.js';
import { workspacePaths, type WorkspacePaths } from '../../src/workspace/paths.js';
import { git, tempDir } from '../helpers/tmp.js';

const WS = path.join(import.meta.dirname, '..', 'fixtures', 'workspaces');
const NOW = new Date('2026-11-25T07:00:00.000Z');
const deps = (paths: WorkspacePaths) => ({ cwd: paths.root, now: () => NOW, log: () => undefined });
const update = (paths: WorkspacePaths, force = false) => runUpdate({ force }, deps(paths));

/** A temp git repository holding a copy of the fixture workspace `name`. */
function fixture(name: string): WorkspacePaths {
  const root = tempDir();
  git(root, 'init', '-q');
  cpSync(path.join(WS, name), root, { recursive: true });
  return workspacePaths(root);
}

const read = (file: string) => readFileSync(file, 'utf8');
const failure = async (p: Promise<unknown>) => (await p.then(() => null, (e: unknown) => e)) as CcccError;

describe('cccc update: the original skill 0.1.17 workspace (template config, run in progress)', () => {
  it('migrates config and state, backs both up first, and trace --verify passes', async () => {
    const paths = fixture('original-0.1.17');
    const [config, state] = [read(paths.config), read(paths.state)];
    const r = await update(paths);
    expect(r).toMatchObject({
      upToDate: false,
      applied: true,
      verified: true,
      config: { from: 0, to: 1, originalVersion: '0.1.17', migrated: true, preset: 'custom' },
      state: { from: 0, migrated: true, originalStatus: 'READY_TO_CONTINUE', status: 'PAUSED_FOR_HUMAN', revision: 3, questions: [{ id: 'U1', recommended: 'A' }] },
    });
    expect(read(path.join(paths.root, r.backup!, 'config.json'))).toBe(config);
    expect(read(path.join(paths.root, r.backup!, 'state.json'))).toBe(state);
    expect((await loadConfig(paths)).codex.unavailable_policy).toBe('ask_or_bypass_once');
    expect((await readJournal(paths.journal)).map((e) => e.event.type)).toEqual(['task.started', 'discovery.submitted', 'plan.submitted']);
    await expect(runTraceVerify({ cwd: paths.root })).resolves.toMatchObject({ ok: true });
    expect(r.commands.created).toHaveLength(8);
    expect(r.docs.created).toContain('docs/cccc/milestones.yaml');
    expect(read(paths.doc('project-map.md'))).toBe(read(path.join(WS, 'original-0.1.17', 'docs', 'cccc', 'project-map.md')));
    expect(existsSync(path.join(paths.reviews, 'milestones', 'M001-r0-20260301T120000Z.json'))).toBe(true);
    expect(read(paths.decisionLog)).toMatch(/Update to cccc .*\n\n- config: schema 0 \(0\.1\.17\) → 1, preset custom/);
    expect(formatUpdate(r)).toMatch(/WARN codex\.unavailable_policy: kept ask_or_bypass_once/);
  });

  it('a second update finds the workspace up to date and writes nothing', async () => {
    const paths = fixture('original-0.1.17');
    await update(paths);
    const before = readdirSync(paths.backups);
    const [config, state] = [read(paths.config), read(paths.state)];
    const again = await update(paths);
    expect(again).toMatchObject({ upToDate: true, applied: false, backup: null });
    expect([read(paths.config), read(paths.state)]).toEqual([config, state]);
    expect(readdirSync(paths.backups)).toEqual(before);
    expect(formatUpdate(again)).toMatch(/Already up to date/);
  });
});

describe('cccc update: the original skill 0.1.22 workspace (recommended preset, UNSAFE mid-run)', () => {
  it('keeps UNSAFE and the user policy, never switching the Codex policy on', async () => {
    const paths = fixture('original-0.1.22');
    const r = await update(paths);
    expect(r.state).toMatchObject({ migrated: true, status: 'UNSAFE', originalStatus: 'UNSAFE' });
    const state = await readState(paths);
    expect(state.snapshot.context.pause).toMatchObject({ kind: 'unsafe', interrupted: 'DISCOVER_EXISTING_PROJECT', reason: expect.stringMatching(/^Codex flagged a destructive migration/) });
    expect(state.snapshot.context.pause?.reason).toMatch(/completed M001, M002/);
    const config = await loadConfig(paths);
    expect(config.codex.unavailable_policy).toBe('strict_pause');
    expect(config.codex.bypass.enabled).toBe(false);
    expect(config).toMatchObject({ mode: 'full-auto-safe', automation: { stop_hook_loop_enabled: true } });
    expect(r.state.notes.map((n) => `${n.level} ${n.path}`)).toEqual(expect.arrayContaining(['warn pending_codex_recheck', 'warn lower_assurance_mode']));
    await expect(runTraceVerify({ cwd: paths.root })).resolves.toMatchObject({ ok: true });
    const refused = await failure(runResume({ strategy: 'recommended' }, deps(paths)));
    expect(refused.code).toBe('RESUME_REFUSED');
  });
});

describe('cccc update: a cccc v1 workspace', () => {
  it('installs missing generated commands without touching config or state; then it is up to date; --force refreshes', async () => {
    const paths = fixture('v1');
    const [config, state, journal] = [read(paths.config), read(paths.state), read(paths.journal)];
    const first = await update(paths);
    expect(first).toMatchObject({ applied: true, config: { from: 1, migrated: false }, state: { from: 1, migrated: false, status: 'IMPLEMENT_MILESTONE' }, verified: true });
    expect(first.commands.stale).toHaveLength(8);
    expect([read(paths.config), read(paths.state), read(paths.journal)]).toEqual([config, state, journal]);
    expect(await update(paths)).toMatchObject({ upToDate: true, applied: false });
    const forced = await update(paths, true);
    expect(forced).toMatchObject({ applied: true, upToDate: true });
    expect(forced.commands.unchanged).toHaveLength(8);
    expect(existsSync(path.join(paths.root, forced.backup!, '.claude', 'commands', 'cccc.md'))).toBe(true);
  });

  it('proposes <name>.new beside a command the user edited', async () => {
    const paths = fixture('v1');
    await update(paths);
    const mine = path.join(paths.commandsDir, 'cccc.md');
    writeFileSync(mine, `${read(mine)}\nMy own note.\n`);
    const r = await update(paths, true);
    expect(r.commands.userEdited).toEqual([{ file: '.claude/commands/cccc.md', proposed: '.claude/commands/cccc.md.new' }]);
    expect(read(mine)).toMatch(/My own note/);
  });
});

describe('cccc update refuses before writing anything', () => {
  it.each([
    ['a state written by a newer cccc', 'v1', (p: WorkspacePaths) => writeFileSync(p.state, read(p.state).replace('"schemaVersion": 1', '"schemaVersion": 2')), 'STATE_NEWER'],
    ['a corrupt state', 'v1', (p: WorkspacePaths) => writeFileSync(p.state, '{"schemaVersion": 1, "rev'), 'STATE_CORRUPT'],
    ['a config written by a newer cccc', 'v1', (p: WorkspacePaths) => writeFileSync(p.config, read(p.config).replace('"version": 1', '"version": 5')), 'CONFIG_NEWER'],
    ['a config that is not JSON', 'original-0.1.17', (p: WorkspacePaths) => writeFileSync(p.config, '{"version": "0.1.17",'), 'CONFIG_INVALID'],
    ['an original config value cccc cannot hold', 'original-0.1.22', (p: WorkspacePaths) => writeFileSync(p.config, read(p.config).replace('"enabled": true', '"enabled": false')), 'CONFIG_MIGRATION_BLOCKED'],
  ])('%s', async (_name, name, breakIt, code) => {
    const paths = fixture(name);
    breakIt(paths);
    const [config, state] = [read(paths.config), read(paths.state)];
    const e = await failure(update(paths));
    expect(e.code).toBe(code);
    expect([read(paths.config), read(paths.state)]).toEqual([config, state]);
    expect(existsSync(paths.backups)).toBe(false);
    expect(existsSync(paths.commandsDir)).toBe(false);
  });

  it('a repository that is not set up', async () => {
    const root = tempDir();
    git(root, 'init', '-q');
    expect((await failure(runUpdate({}, { cwd: root, now: () => NOW }))).code).toBe('CONFIG_MISSING');
  });
});

describe('cccc update: hook registrations', () => {
  const target = { node: '/opt/node/bin/node', entry: '/new/prefix/lib/node_modules/cc-codex-collaborate/dist/src/bin.js' };
  const settingsWith = (entry: string) => ({
    model: 'opus',
    hooks: {
      Stop: [{ hooks: [{ type: 'command', command: '/usr/bin/node', args: [entry, 'hook', 'stop'], timeout: 30 }] }],
      PostToolUse: [{ matcher: 'Write', hooks: [{ type: 'command', command: 'npx prettier --write' }] }],
    },
  });

  it('re-points the cccc hooks that are registered, and registers none that is not', async () => {
    const paths = fixture('v1');
    const settings = path.join(paths.claudeDir, 'settings.json');
    mkdirSync(paths.claudeDir, { recursive: true });
    writeFileSync(settings, JSON.stringify(settingsWith('/old/prefix/lib/node_modules/cc-codex-collaborate/dist/src/bin.js'), null, 2));
    const r = await runUpdate({}, { ...deps(paths), ...target });
    expect(r.hooks.stale).toEqual(['.claude/settings.json']);
    expect(r.hooks.files).toEqual([expect.objectContaining({ file: '.claude/settings.json', hooks: ['stop'], changed: true })]);
    const after = JSON.parse(read(settings));
    expect(after.hooks.Stop[0].hooks[0]).toMatchObject({ command: target.node, args: [target.entry, 'hook', 'stop'] });
    expect(after.hooks).not.toHaveProperty('PreToolUse');
    expect(after.hooks).not.toHaveProperty('StopFailure');
    expect(after.hooks.PostToolUse).toEqual(settingsWith('x').hooks.PostToolUse);
    expect(after.model).toBe('opus');
    expect(existsSync(path.join(paths.root, r.backup!, '.claude', 'settings.json'))).toBe(true);
    expect(await runUpdate({}, { ...deps(paths), ...target })).toMatchObject({ upToDate: true, applied: false });
  });

  it("reports the original skill's hook scripts and a loop that is on without a registered hook", async () => {
    const paths = fixture('original-0.1.22');
    const settings = path.join(paths.claudeDir, 'settings.json');
    mkdirSync(paths.claudeDir, { recursive: true });
    const original = { hooks: { Stop: [{ hooks: [{ type: 'command', command: '${CLAUDE_PROJECT_DIR}/.claude/hooks/cccc-stop.sh' }] }] } };
    writeFileSync(settings, JSON.stringify(original));
    const r = await runUpdate({}, { ...deps(paths), ...target });
    expect(r.hooks.notes.map((n) => n.path)).toEqual(['.claude/settings.json', 'automation.stop_hook_loop_enabled']);
    expect(read(settings)).toBe(JSON.stringify(original));
    expect(formatUpdate(r)).toMatch(/WARN \.claude\/settings\.json: registers the original skill's hook scripts/);
  });

  it('leaves a settings file that is not JSON alone and still completes', async () => {
    const paths = fixture('v1');
    mkdirSync(paths.claudeDir, { recursive: true });
    writeFileSync(path.join(paths.claudeDir, 'settings.local.json'), '{ "hooks": ');
    const r = await runUpdate({}, { ...deps(paths), ...target });
    expect(r.applied).toBe(true);
    expect(r.hooks.notes).toEqual([expect.objectContaining({ level: 'warn', path: '.claude/settings.local.json' })]);
  });
});

/**
 * `cccc setup` called directly (runSetup) in temp git repositories: fresh setup, re-runs (--keep, --rebuild,
 * refused without either), invalid configs, custom configs, untouched settings.json, user-edited commands.
 */
import { execa } from 'execa';
import { mkdir, mkdtemp, readFile, readdir, realpath, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { formatSetupResult, runSetup, type SetupOptions } from '../../src/commands/setup.js';
import { recommendedConfig, strictConfig } from '../../src/config/presets.js';
import { CcccError } from '../../src/errors.js';
import { inspectGeneratedFile } from '../../src/setup/markers.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function tempDir(): Promise<string> {
  const dir = await realpath(await mkdtemp(path.join(os.tmpdir(), 'cccc-setup-')));
  dirs.push(dir);
  return dir;
}

async function gitRepo(): Promise<string> {
  const dir = await tempDir();
  await execa('git', ['init', '-q'], { cwd: dir });
  return dir;
}

const AT = new Date('2026-05-17T10:20:30.123Z');
/** Non-interactive deps (stdin/stdout are not TTYs), fixed clock. */
const deps = (cwd: string, extra: Record<string, unknown> = {}) => ({ cwd, now: () => AT, stdin: Readable.from([]), stdout: { isTTY: false }, ...extra });
const setup = (cwd: string, options: SetupOptions = {}, extra: Record<string, unknown> = {}) => runSetup(options, deps(cwd, extra));
const read = (root: string, rel: string) => readFile(path.join(root, rel), 'utf8');
const exists = (root: string, rel: string) => stat(path.join(root, rel)).then(() => true, () => false);

async function rejection(promise: Promise<unknown>): Promise<CcccError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(CcccError);
  return error as CcccError;
}

const DOCS = [
  'project-map.md', 'current-state.md', 'architecture.md', 'test-strategy.md', 'risk-register.md', 'open-questions.md',
  'project-brief.md', 'roadmap.md', 'milestones.yaml', 'decision-log.md', 'README.md',
].map((f) => `docs/cccc/${f}`);
const COMMANDS = [
  'cc-codex-collaborate.md', 'cccc.md', 'cc-codex-collaborate-loop-start.md', 'cccc-loop-start.md',
  'cc-codex-collaborate-loop-status.md', 'cccc-loop-status.md', 'cc-codex-collaborate-loop-stop.md', 'cccc-loop-stop.md',
].map((f) => `.claude/commands/${f}`);
const ALL_FILES = ['docs/cccc/config.json', ...DOCS, 'docs/cccc/.gitignore', 'docs/cccc/state.json', ...COMMANDS];

describe('fresh setup', () => {
  it('creates config, state, docs, dirs and commands — exactly these files', async () => {
    const root = await gitRepo();
    const result = await setup(root);
    expect(result.root).toBe(root);
    expect(result.generated).toEqual(ALL_FILES);
    expect(result.preserved).toEqual([]);
    expect(result.backedUp).toBeNull();
    expect(result.notEnabled).toEqual(['stop-hook loop (run cccc loop start)']);
    expect(result.config).toMatchObject({ action: 'created', preset: 'recommended', mode: 'supervised-auto', language: 'auto' });
    expect(JSON.parse(await read(root, 'docs/cccc/config.json'))).toEqual(recommendedConfig());
    const state = JSON.parse(await read(root, 'docs/cccc/state.json'));
    expect(state).toMatchObject({ revision: 0, status: 'SETUP_COMPLETE', updatedAt: AT.toISOString() });
    for (const dir of ['logs', 'reviews', 'backups', 'runtime']) expect((await stat(path.join(root, 'docs/cccc', dir))).isDirectory()).toBe(true);
    expect((await readdir(path.join(root, '.claude'))).sort()).toEqual(['commands']);
    expect((await readdir(path.join(root, '.claude/commands'))).sort()).toEqual(COMMANDS.map((c) => path.basename(c)).sort());
  });

  it('marks every doc Claude must fill with the template marker on its first line', async () => {
    const root = await gitRepo();
    await setup(root);
    for (const doc of DOCS.filter((d) => !d.endsWith('README.md') && !d.endsWith('decision-log.md'))) {
      const first = (await read(root, doc)).split('\n')[0];
      const expected = doc.endsWith('.yaml')
        ? "# cccc:template — replace this file's content; delete this line when done"
        : "<!-- cccc:template — replace this file's content; delete this line when done -->";
      expect(first, doc).toBe(expected);
    }
    expect(await read(root, 'docs/cccc/decision-log.md')).not.toContain('cccc:template');
  });

  it('writes command files with front matter at byte 0 and an intact generated-by marker', async () => {
    const root = await gitRepo();
    await setup(root, {}, { version: '9.9.9' });
    for (const file of COMMANDS) {
      const text = await read(root, file);
      expect(text.startsWith('---\n'), file).toBe(true);
      expect(inspectGeneratedFile(text), file).toEqual({ generated: true, intact: true, templateVersion: '9.9.9' });
    }
  });

  it('applies --language and --preset strict', async () => {
    const root = await gitRepo();
    const result = await setup(root, { preset: 'strict', language: 'zh-CN' });
    const config = JSON.parse(await read(root, 'docs/cccc/config.json'));
    expect(config).toEqual({ ...strictConfig(), language: { user_language: 'zh-CN', auto_detect: false } });
    expect(result.config).toMatchObject({ preset: 'strict', language: 'zh-CN', max_diff_lines_per_milestone: 600 });
  });

  it('sets up the repository root when run from a subdirectory', async () => {
    const root = await gitRepo();
    await mkdir(path.join(root, 'src/deep'), { recursive: true });
    const result = await setup(path.join(root, 'src/deep'));
    expect(result.root).toBe(root);
    expect(await exists(root, 'docs/cccc/config.json')).toBe(true);
  });

  it('refuses outside a git repository, naming git init', async () => {
    const dir = await tempDir();
    const error = await rejection(setup(dir));
    expect(error).toMatchObject({ code: 'NOT_A_GIT_REPO', exitCode: 7 });
    expect(error.hint).toContain('git init');
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('re-running setup', () => {
  it('refuses without --keep or --rebuild when a config exists', async () => {
    const root = await gitRepo();
    await setup(root);
    const error = await rejection(setup(root));
    expect(error).toMatchObject({ code: 'SETUP_EXISTS', exitCode: 3 });
    expect(error.hint).toMatch(/--keep.*--rebuild/s);
  });

  it('--keep is idempotent: fills only missing files, leaves config and edited docs alone', async () => {
    const root = await gitRepo();
    await setup(root, { language: 'en' });
    const configBefore = await read(root, 'docs/cccc/config.json');
    await writeFile(path.join(root, 'docs/cccc/architecture.md'), '# Architecture\nfilled in\n');
    await rm(path.join(root, 'docs/cccc/roadmap.md'));
    await rm(path.join(root, '.claude/commands/cccc.md'));

    const first = await setup(root, { keep: true });
    expect(first.generated).toEqual(['docs/cccc/roadmap.md', '.claude/commands/cccc.md']);
    expect(first.config).toMatchObject({ action: 'kept', language: 'en' });
    const second = await setup(root, { keep: true });
    expect(second.generated).toEqual([]);
    expect(second.updated).toEqual([]);
    expect([...second.preserved].sort()).toEqual([...ALL_FILES].sort());
    expect(await read(root, 'docs/cccc/config.json')).toBe(configBefore);
    expect(await read(root, 'docs/cccc/architecture.md')).toBe('# Architecture\nfilled in\n');
    expect(await readdir(path.join(root, 'docs/cccc/backups'))).toEqual([]);
  });

  it('--keep warns that --language is ignored', async () => {
    const root = await gitRepo();
    await setup(root);
    const result = await setup(root, { keep: true, language: 'zh-CN' });
    expect(result.warnings.join('\n')).toContain('--language was ignored');
    expect(JSON.parse(await read(root, 'docs/cccc/config.json')).language.user_language).toBe('auto');
  });

  it('--rebuild backs the config up (UTC stamp with ms) and rewrites it from the preset, keeping docs and state', async () => {
    const root = await gitRepo();
    await setup(root);
    const before = await read(root, 'docs/cccc/config.json');
    const state = await read(root, 'docs/cccc/state.json');
    await writeFile(path.join(root, 'docs/cccc/roadmap.md'), '# Roadmap\nmine\n');
    const result = await setup(root, { rebuild: true, preset: 'strict' });
    expect(result.backedUp).toBe('docs/cccc/backups/config.2026-05-17T10-20-30-123Z.json');
    expect(await read(root, result.backedUp!)).toBe(before);
    expect(JSON.parse(await read(root, 'docs/cccc/config.json'))).toEqual(strictConfig());
    expect(result.config?.action).toBe('rebuilt');
    expect(await read(root, 'docs/cccc/roadmap.md')).toBe('# Roadmap\nmine\n');
    expect(await read(root, 'docs/cccc/state.json')).toBe(state);
    // A second rebuild in the same millisecond does not overwrite the first backup.
    const again = await setup(root, { rebuild: true });
    expect(again.backedUp).toBe('docs/cccc/backups/config.2026-05-17T10-20-30-123Z-1.json');
  });
});

describe('invalid existing config', () => {
  const broken = '{"mode": "supervised-auto",';

  it('is never overwritten without --rebuild --yes', async () => {
    const root = await gitRepo();
    await setup(root);
    await writeFile(path.join(root, 'docs/cccc/config.json'), broken);
    for (const options of [{}, { keep: true }, { rebuild: true }] as SetupOptions[]) {
      const error = await rejection(setup(root, options));
      expect(error).toMatchObject({ code: 'CONFIG_INVALID', exitCode: 4 });
      expect(error.message).toContain('docs/cccc/config.json');
      expect(error.hint).toContain('--rebuild --yes');
      expect(await read(root, 'docs/cccc/config.json')).toBe(broken);
    }
  });

  it('--rebuild --yes backs it up byte for byte and replaces it', async () => {
    const root = await gitRepo();
    await setup(root);
    await writeFile(path.join(root, 'docs/cccc/config.json'), broken);
    const result = await setup(root, { rebuild: true, yes: true });
    expect(await read(root, result.backedUp!)).toBe(broken);
    expect(JSON.parse(await read(root, 'docs/cccc/config.json'))).toEqual(recommendedConfig());
  });
});

describe('custom config', () => {
  it('deep-merges a partial file over the recommended preset', async () => {
    const root = await gitRepo();
    await writeFile(path.join(root, 'custom.json'), JSON.stringify({ mode: 'manual', review: { block_on_p1: false }, codex: { extra_args: ['-c', 'x=1'] } }));
    const result = await setup(root, { configFile: 'custom.json' });
    const config = JSON.parse(await read(root, 'docs/cccc/config.json'));
    const base = recommendedConfig();
    expect(config).toEqual({
      ...base,
      preset: 'custom',
      mode: 'manual',
      review: { ...base.review, block_on_p1: false },
      codex: { ...base.codex, extra_args: ['-c', 'x=1'] },
    });
    expect(result.config).toMatchObject({ preset: 'custom', mode: 'manual', block_on_p1: false });
  });

  it('reads the custom config from stdin with --config-file -', async () => {
    const root = await gitRepo();
    await setup(root, { preset: 'custom', configFile: '-' }, { stdin: Readable.from([Buffer.from('{"milestones": {"max_changed_files_per_milestone": 7}}')]) });
    expect(JSON.parse(await read(root, 'docs/cccc/config.json')).milestones.max_changed_files_per_milestone).toBe(7);
  });

  it('names every invalid field path and writes nothing', async () => {
    const root = await gitRepo();
    await writeFile(path.join(root, 'custom.json'), JSON.stringify({ mode: 'yolo', review: { max_review_rounds_per_milestone: 0 }, reveiw: {} }));
    const error = await rejection(setup(root, { configFile: 'custom.json' }));
    expect(error).toMatchObject({ code: 'CONFIG_INVALID', exitCode: 4 });
    const issues = (error.details.issues as { path: string; message: string }[]).map((i) => i.path);
    expect(issues).toEqual(expect.arrayContaining(['mode', 'review.max_review_rounds_per_milestone', '(root)']));
    expect(error.message).toContain('custom.json');
    expect(error.message).toMatch(/mode: must be one of "manual", "supervised-auto", "full-auto-safe"/);
    expect(await exists(root, 'docs')).toBe(false);
    expect(await exists(root, '.claude')).toBe(false);
  });

  it('reports JSON syntax errors and unreadable files with the file name', async () => {
    const root = await gitRepo();
    await writeFile(path.join(root, 'bad.json'), '{nope');
    expect(await rejection(setup(root, { configFile: 'bad.json' }))).toMatchObject({ code: 'CONFIG_INVALID', message: expect.stringContaining('bad.json') });
    expect(await rejection(setup(root, { configFile: 'missing.json' }))).toMatchObject({ code: 'CONFIG_FILE_UNREADABLE', message: expect.stringContaining('missing.json') });
    expect(await rejection(setup(root, { configFile: '-' }, { stdin: Readable.from([Buffer.from('[1]')]) }))).toMatchObject({ code: 'CONFIG_INVALID', message: expect.stringContaining('<stdin>') });
  });
});

describe('flag errors', () => {
  it.each([
    [{ keep: true, rebuild: true }, '--keep and --rebuild'],
    [{ preset: 'strict', configFile: 'x.json' }, '--config-file cannot be combined'],
    [{ preset: 'custom' }, '--preset custom needs --config-file'],
    [{ preset: 'fancy' }, '--preset'],
    [{ language: 'not a tag!' }, '--language'],
  ] as [SetupOptions, string][])('%j is a usage error', async (options, text) => {
    const root = await gitRepo();
    const error = await rejection(setup(root, options));
    expect(error).toMatchObject({ code: 'USAGE', exitCode: 2 });
    expect(error.message).toContain(text);
  });
});

describe('files setup does not own', () => {
  it('never touches .claude/settings.json (valid or not) or hooks', async () => {
    const root = await gitRepo();
    await mkdir(path.join(root, '.claude/hooks'), { recursive: true });
    const settings = '{ "hooks": { "Stop": [ { "hooks": [ { "type": "command", "command": "mine" } ] } ] } }\n';
    await writeFile(path.join(root, '.claude/settings.json'), settings);
    await writeFile(path.join(root, '.claude/settings.local.json'), '{not json');
    await setup(root);
    await setup(root, { rebuild: true, preset: 'strict' });
    expect(await read(root, '.claude/settings.json')).toBe(settings);
    expect(await read(root, '.claude/settings.local.json')).toBe('{not json');
    expect(await readdir(path.join(root, '.claude/hooks'))).toEqual([]);
  });

  it('leaves a user-edited command alone and writes <name>.new beside it', async () => {
    const root = await gitRepo();
    await setup(root);
    const file = path.join(root, '.claude/commands/cccc.md');
    const edited = (await readFile(file, 'utf8')).replace('# cc-codex-collaborate', '# my own router');
    await writeFile(file, edited);
    const result = await setup(root, { keep: true });
    expect(await readFile(file, 'utf8')).toBe(edited);
    expect(result.userEdited).toEqual([{ file: '.claude/commands/cccc.md', proposed: '.claude/commands/cccc.md.new' }]);
    expect(result.preserved).toContain('.claude/commands/cccc.md');
    expect(inspectGeneratedFile(await read(root, '.claude/commands/cccc.md.new')).intact).toBe(true);
  });

  it('leaves a command without the marker alone (a user file of the same name)', async () => {
    const root = await gitRepo();
    await mkdir(path.join(root, '.claude/commands'), { recursive: true });
    await writeFile(path.join(root, '.claude/commands/cccc.md'), 'my command\n');
    const result = await setup(root);
    expect(await read(root, '.claude/commands/cccc.md')).toBe('my command\n');
    expect(result.userEdited.map((u) => u.file)).toEqual(['.claude/commands/cccc.md']);
  });

  it('refreshes unedited generated commands from an older template version', async () => {
    const root = await gitRepo();
    await setup(root, {}, { version: '0.0.1' });
    const result = await setup(root, { keep: true }, { version: '0.0.2' });
    expect(result.updated).toEqual(COMMANDS);
    expect(inspectGeneratedFile(await read(root, COMMANDS[0]!)).templateVersion).toBe('0.0.2');
  });
});

describe('printing', () => {
  it('--json prints only the result object; the human report lists what happened', async () => {
    const root = await gitRepo();
    const result = await setup(root);
    expect(JSON.parse(formatSetupResult(result, { json: true }))).toEqual(result);
    const text = formatSetupResult(result);
    expect(text).toContain('Generated:');
    expect(text).toContain('  docs/cccc/config.json');
    expect(text).toContain('stop-hook loop (run cccc loop start)');
    expect(formatSetupResult({ ...result, cancelled: true })).toContain('nothing was changed');
  });
});

/**
 * The setup wizard driven through injected streams: runSetup with a TTY-like stdin/stdout, answers written up
 * front, questions captured from the prompt stream.
 */
import { execa } from 'execa';
import { mkdtemp, readFile, readdir, realpath, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { runSetup } from '../../src/commands/setup.js';
import { recommendedConfig, strictConfig } from '../../src/config/presets.js';
import { applyCustomAnswers, answersFromConfig } from '../../src/setup/custom-answers.js';
import { runSetupWizard } from '../../src/setup/wizard.js';
import { wizardLanguage } from '../../src/setup/wizard-text.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function gitRepo(): Promise<string> {
  const dir = await realpath(await mkdtemp(path.join(os.tmpdir(), 'cccc-wizard-')));
  dirs.push(dir);
  await execa('git', ['init', '-q'], { cwd: dir });
  return dir;
}

/** A TTY-looking stdin holding `answers` (one per line, then end of input), and a prompt sink. */
function terminal(answers: string[]) {
  const stdin = Object.assign(new PassThrough(), { isTTY: true });
  stdin.end(answers.map((a) => `${a}\n`).join(''));
  const prompt = new PassThrough();
  let shown = '';
  prompt.on('data', (chunk: Buffer) => (shown += chunk.toString()));
  return { stdin, prompt, shown: () => shown };
}

const AT = new Date('2026-01-02T03:04:05.006Z');
async function interactiveSetup(root: string, answers: string[], env: NodeJS.ProcessEnv = { LANG: 'en_US.UTF-8' }, options = {}) {
  const t = terminal(answers);
  const result = await runSetup(options, { cwd: root, now: () => AT, stdin: t.stdin, stdout: { isTTY: true }, prompt: t.prompt, env });
  return { result, shown: t.shown() };
}
const config = async (root: string) => JSON.parse(await readFile(path.join(root, 'docs/cccc/config.json'), 'utf8'));

describe('wizard on a fresh repository', () => {
  it('Enter at the preset menu picks quick setup (recommended)', async () => {
    const root = await gitRepo();
    const { result, shown } = await interactiveSetup(root, ['']);
    expect(shown).toContain('does not enable hooks');
    expect(shown).toContain('A. Quick setup');
    expect(shown).toContain('E. Exit setup');
    expect(await config(root)).toEqual(recommendedConfig());
    expect(result.config?.action).toBe('created');
  });

  it('B picks the strict preset', async () => {
    const root = await gitRepo();
    await interactiveSetup(root, ['b']);
    expect(await config(root)).toEqual(strictConfig());
  });

  it('custom answers, one question at a time, produce the expected config', async () => {
    const root = await gitRepo();
    const answers = [
      'C', // custom
      'B', // language zh-CN
      'A', // mode manual
      'C', // very strict: 5 plan rounds
      'D', // custom size
      '800',
      'x', // invalid number: asked again
      '15',
      '', // review rounds: default 3
      '2', // fix attempts
      'n', // P1 does not block
      '', // P2 allowed (default yes)
      'C', // enable loop now → only a tip
    ];
    const { result, shown } = await interactiveSetup(root, answers);
    const base = recommendedConfig();
    expect(await config(root)).toEqual({
      ...base,
      preset: 'custom',
      language: { user_language: 'zh-CN', auto_detect: false },
      mode: 'manual',
      planning: { ...base.planning, max_plan_review_rounds: 5 },
      milestones: { ...base.milestones, max_diff_lines_per_milestone: 800, max_changed_files_per_milestone: 15 },
      review: { ...base.review, max_fix_attempts_per_milestone: 2, block_on_p1: false },
    });
    expect(shown).toContain('Please enter a whole number');
    expect(shown).toContain('Setup never edits .claude/settings.json');
    expect(result.tips.join('\n')).toContain('cccc loop start');
    expect(result.config?.stop_hook_loop_enabled).toBe(false);
  });

  it('import with a file path merges that file; E exits without writing', async () => {
    const root = await gitRepo();
    await writeFile(path.join(root, 'team.json'), '{"mode": "manual"}');
    await interactiveSetup(root, ['D', 'team.json']);
    expect((await config(root)).mode).toBe('manual');

    const other = await gitRepo();
    const { result } = await interactiveSetup(other, ['E']);
    expect(result.cancelled).toBe(true);
    expect(await readdir(other)).toEqual(['.git']);
  });

  it('end of input means exit', async () => {
    const root = await gitRepo();
    const { result } = await interactiveSetup(root, []);
    expect(result.cancelled).toBe(true);
    expect(await readdir(root)).toEqual(['.git']);
  });

  it('speaks Chinese when the locale is zh', async () => {
    const root = await gitRepo();
    const { shown } = await interactiveSetup(root, ['A'], { LANG: 'zh_CN.UTF-8' });
    expect(shown).toContain('快速配置');
  });
});

describe('wizard with an existing config', () => {
  it('A keeps it, D exits, C rebuilds after a backup', async () => {
    const root = await gitRepo();
    await interactiveSetup(root, ['A']);
    const before = await readFile(path.join(root, 'docs/cccc/config.json'), 'utf8');

    const keep = await interactiveSetup(root, ['A']);
    expect(keep.shown).toContain('already exists');
    expect(keep.result.config?.action).toBe('kept');

    const exit = await interactiveSetup(root, ['D']);
    expect(exit.result.cancelled).toBe(true);

    const rebuild = await interactiveSetup(root, ['C', 'B']);
    expect(rebuild.result.backedUp).toBe('docs/cccc/backups/config.2026-01-02T03-04-05-006Z.json');
    expect(await readFile(path.join(root, rebuild.result.backedUp!), 'utf8')).toBe(before);
    expect(await config(root)).toEqual(strictConfig());
  });

  it('B (partial update) defaults every answer to the current value; Enter everywhere changes nothing', async () => {
    const root = await gitRepo();
    await interactiveSetup(root, ['B']); // strict preset
    const partial = await interactiveSetup(root, ['B', '', '', '', '', '', '', '', '', '']);
    expect(partial.shown).toContain('No change from the existing config');
    expect(partial.result.backedUp).toBeNull();
    expect(await config(root)).toEqual(strictConfig());

    const changed = await interactiveSetup(root, ['B', '', 'C', '', '', '', '', '', '', '']);
    expect(changed.result.config?.action).toBe('updated');
    expect(changed.result.backedUp).not.toBeNull();
    expect(await config(root)).toEqual({ ...strictConfig(), preset: 'custom', mode: 'full-auto-safe' });
  });

  it('flags skip the wizard even on a TTY', async () => {
    const root = await gitRepo();
    await interactiveSetup(root, []);
    const { result, shown } = await interactiveSetup(root, [], undefined, { preset: 'strict' });
    expect(shown).toBe('');
    expect(result.config?.preset).toBe('strict');
  });
});

describe('wizard pieces', () => {
  it('answersFromConfig ∘ applyCustomAnswers keeps a config apart from preset', () => {
    const c = strictConfig();
    expect(applyCustomAnswers(c, answersFromConfig(c))).toEqual({ ...c, preset: 'custom' });
  });

  it.each([
    ['zh-CN', undefined, {}, 'zh-CN'],
    [undefined, 'zh-TW', {}, 'zh-CN'],
    [undefined, 'auto', { LANG: 'zh_CN.UTF-8' }, 'zh-CN'],
    [undefined, 'auto', { LC_ALL: 'C', LANG: 'zh_CN.UTF-8' }, 'zh-CN'],
    [undefined, undefined, { LANG: 'de_DE.UTF-8' }, 'en'],
    [undefined, undefined, {}, 'en'],
    ['en', 'zh-CN', { LANG: 'zh_CN' }, 'en'],
  ] as const)('wizardLanguage(%s, %s, %j) = %s', (flag, configured, env, expected) => {
    expect(wizardLanguage(flag, configured, env)).toBe(expected);
  });

  it('other language: a typed tag is re-asked until valid', async () => {
    const t = terminal(['C', 'D', 'not a tag', 'ja', '', '', '', '', '', '', '', '', '']);
    const decision = await runSetupWizard({ input: t.stdin, output: t.prompt }, { existing: null, language: 'en', languageFlag: undefined });
    expect(decision).toMatchObject({ action: 'write', source: { kind: 'config', config: { language: { user_language: 'ja', auto_detect: false } } } });
  });
});

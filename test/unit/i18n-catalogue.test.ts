/**
 * The message catalogue (issue #5 "Human-facing language"): English and Simplified Chinese have the same keys
 * and, per key, the same `{placeholders}`; the language comes from `language.user_language` (auto = LANG);
 * and `cccc next`/`status` render in zh-CN with status names and commands left in English.
 */
import { describe, expect, it } from 'vitest';
import { formatNext, runNext } from '../../src/commands/next.js';
import { formatStatus, runStatus } from '../../src/commands/status.js';
import { EN, ZH, format } from '../../src/i18n/catalogue.js';
import { resolveLanguage } from '../../src/i18n/language.js';
import { configuredLanguage, userLanguage } from '../../src/i18n/user-language.js';
import { tempDir, tempWorkspace } from '../helpers/tmp.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogue', () => {
  it('English and Simplified Chinese have exactly the same keys', () => {
    expect(Object.keys(ZH).sort()).toEqual(Object.keys(EN).sort());
  });

  it.each(Object.keys(EN))('%s has the same placeholders in both languages, and no empty text', (key) => {
    const en = EN[key as keyof typeof EN];
    const zh = ZH[key as keyof typeof EN];
    expect(placeholders(zh)).toEqual(placeholders(en));
    expect(en.trim()).not.toBe('');
    expect(zh.trim()).not.toBe('');
  });

  it('fills placeholders and leaves unknown ones as written', () => {
    expect(format('en', 'start.status', { status: 'DISCOVER_EXISTING_PROJECT', revision: 1 })).toBe('Status: DISCOVER_EXISTING_PROJECT (revision 1)');
    expect(format('zh-CN', 'start.status', { status: 'DONE' })).toBe('状态：DONE（版本 {revision}）');
  });

  it('chooses the language from language.user_language, auto meaning LC_ALL / LC_MESSAGES / LANG', () => {
    expect(resolveLanguage('zh-CN', {})).toBe('zh-CN');
    expect(resolveLanguage('en', { LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(resolveLanguage('auto', { LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
    expect(resolveLanguage('auto', { LC_ALL: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(resolveLanguage(undefined, {})).toBe('en');
    expect(configuredLanguage('{"language": {"user_language": "zh-CN"}}')).toBe('zh-CN');
    expect(configuredLanguage('{"language": ')).toBeUndefined();
    expect(userLanguage(tempDir(), { LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
    const paths = tempWorkspace((c) => {
      c.language.user_language = 'zh-CN';
    });
    expect(userLanguage(paths.root, { LANG: 'C' })).toBe('zh-CN');
  });
});

describe('cccc next and status in Simplified Chinese', () => {
  it('renders `cccc next` in zh-CN: instruction, labels and rules translated; status and command stay English', async () => {
    const paths = tempWorkspace((c) => {
      c.language.user_language = 'zh-CN';
    });
    const step = await runNext({ cwd: paths.root });
    expect(step.instruction).toBe('当前没有运行中的任务。用下面的命令开始一个任务。');
    expect(formatNext(step, 'zh-CN')).toBe(
      [
        '状态：SETUP_COMPLETE',
        '',
        '当前没有运行中的任务。用下面的命令开始一个任务。',
        '',
        '运行：cccc start "<task>"',
        '',
        '硬性规则：不要手动编辑 docs/cccc/state.json；不要为了继续而绕过涉及密钥、资金、生产环境或破坏性操作的暂停。',
      ].join('\n'),
    );
    expect(formatNext(step, 'en')).toMatch(/^Status: SETUP_COMPLETE\n\n.*\n\nRun: cccc start "<task>"\n\nHard rules:/);
  });

  it('renders `cccc status` in zh-CN', async () => {
    const paths = tempWorkspace((c) => {
      c.language.user_language = 'zh-CN';
    });
    const text = formatStatus(await runStatus({ cwd: paths.root }), 'zh-CN');
    expect(text).toMatch(/^状态： {5}SETUP_COMPLETE（idle）\n任务： {5}—\n/);
  });
});

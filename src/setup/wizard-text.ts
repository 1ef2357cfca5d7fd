/**
 * The setup wizard's words in English and Simplified Chinese (spec: "conduct the interactive wizard in the user's
 * primary language"; questions from inventory §3.2 / the original docs/setup.md). Other languages get English.
 */
import type { PrompterText } from './prompter.js';

/** Languages the wizard speaks. */
export type WizardLanguage = 'en' | 'zh-CN';

/** Every string the wizard shows. Menu labels are listed in option order (A, B, C…). */
export interface WizardText extends PrompterText {
  intro: string;
  existingTitle: string;
  existingOptions: [keep: string, partial: string, rebuild: string, exit: string];
  presetTitle: string;
  presetOptions: [quick: string, strict: string, custom: string, importFile: string, exit: string];
  importPath: string;
  languageTitle: string;
  languageOptions: [auto: string, zh: string, en: string, other: string];
  languageOther: string;
  modeTitle: string;
  modeOptions: [manual: string, supervised: string, fullAuto: string];
  planningTitle: string;
  planningOptions: [standard: string, strict: string, veryStrict: string, custom: string];
  planningRounds: string;
  sizeTitle: string;
  sizeOptions: [small: string, standard: string, large: string, custom: string];
  sizeLines: string;
  sizeFiles: string;
  reviewIntro: string;
  reviewRounds: string;
  fixAttempts: string;
  blockP1: string;
  allowP2: string;
  loopTitle: string;
  loopOptions: [off: string, later: string, now: string];
  loopNow: string;
  unchanged: string;
}

const en: WizardText = {
  intro: 'I will initialize cc-codex-collaborate for this project. This generates .claude/commands and docs/cccc, but does not enable hooks or start any task.',
  existingTitle: 'docs/cccc/config.json already exists. What should setup do?',
  existingOptions: ['Keep the existing config, only fill missing files (recommended)', 'Update parts of the config interactively', 'Back up the config and rebuild it', 'Exit'],
  presetTitle: 'Choose a setup:',
  presetOptions: [
    'Quick setup: recommended defaults for most projects (recommended)',
    'Strict setup: stronger review, smaller milestones, pauses sooner',
    'Custom setup: configure thresholds and behaviour step by step',
    'Import a config: from a JSON file, or keep the existing docs/cccc/config.json',
    'Exit setup',
  ],
  importPath: 'Config file to import (JSON, may be partial; empty = the existing config, or the recommended defaults)',
  languageTitle: 'Language for questions and reports:',
  languageOptions: ['Auto-detect from the conversation (recommended)', '简体中文 (zh-CN)', 'English (en)', 'Other: type a language tag'],
  languageOther: 'Language tag (for example ja or pt-BR)',
  modeTitle: 'Workflow mode:',
  modeOptions: ['manual: pause after each major phase', 'supervised-auto: plans are strictly reviewed, milestones loop until a risk or threshold (recommended)', 'full-auto-safe: the Stop-hook loop may continue safe work (needs `cccc loop start`)'],
  planningTitle: 'Plan review strength:',
  planningOptions: ['Standard: up to 3 Codex plan review rounds (recommended)', 'Strict: up to 4 rounds', 'Very strict: up to 5 rounds, ask on any uncertainty', 'Custom number of rounds'],
  planningRounds: 'Maximum plan review rounds',
  sizeTitle: 'Milestone size:',
  sizeOptions: ['Small: 600 changed lines, 10 files', 'Standard: 1200 changed lines, 20 files (recommended)', 'Large: 2500 changed lines, 40 files', 'Custom limits'],
  sizeLines: 'Maximum changed lines per milestone',
  sizeFiles: 'Maximum changed files per milestone',
  reviewIntro: 'Review thresholds (press Enter to keep the value in brackets):',
  reviewRounds: 'Maximum Codex review rounds per milestone',
  fixAttempts: 'Maximum fix attempts per milestone',
  blockP1: 'Do P1 findings block a milestone?',
  allowP2: 'May the workflow continue with P2 findings?',
  loopTitle: 'Stop-hook auto loop:',
  loopOptions: ['Not now (recommended)', 'Decide later', 'Enable now'],
  loopNow: 'Setup never edits .claude/settings.json. To enable the loop, run `cccc loop start` (or /cc-codex-collaborate-loop-start in Claude Code) after setup.',
  unchanged: 'No change from the existing config; it is kept as is.',
  choose: (d) => `Choose [${d}]: `,
  invalidChoice: (keys) => `Please answer with one of ${keys}.`,
  invalidNumber: (min) => `Please enter a whole number ≥ ${min}.`,
  yesNo: (yes) => (yes ? '[Y/n]' : '[y/N]'),
  invalidYesNo: 'Please answer y or n.',
};

const zhCN: WizardText = {
  intro: '我将为本项目初始化 cc-codex-collaborate。这会生成 .claude/commands 和 docs/cccc，但不会启用 hooks，也不会开始任何任务。',
  existingTitle: 'docs/cccc/config.json 已存在。要怎么处理？',
  existingOptions: ['保留现有配置，只补齐缺失文件（推荐）', '交互式修改部分配置', '备份后重建配置', '退出'],
  presetTitle: '请选择配置方式：',
  presetOptions: [
    '快速配置：适合大多数项目的推荐默认值（推荐）',
    '严格配置：更强的 review、更小的 milestone、更容易暂停',
    '自定义配置：逐步设置阈值和行为',
    '导入配置：从 JSON 文件导入，或保留现有的 docs/cccc/config.json',
    '退出',
  ],
  importPath: '要导入的配置文件（JSON，可只含部分字段；留空 = 现有配置或推荐默认值）',
  languageTitle: '提问和报告使用的语言：',
  languageOptions: ['根据对话自动检测（推荐）', '简体中文 (zh-CN)', 'English (en)', '其他：输入语言代码'],
  languageOther: '语言代码（例如 ja 或 pt-BR）',
  modeTitle: '工作模式：',
  modeOptions: ['manual：每个主要阶段后暂停', 'supervised-auto：计划严格 review，milestone 自动循环直到遇到风险或阈值（推荐）', 'full-auto-safe：Stop hook 可继续安全的工作（需要 `cccc loop start`）'],
  planningTitle: '计划 review 强度：',
  planningOptions: ['标准：最多 3 轮 Codex 计划 review（推荐）', '严格：最多 4 轮', '非常严格：最多 5 轮，有任何不确定就提问', '自定义轮数'],
  planningRounds: '计划 review 最大轮数',
  sizeTitle: 'Milestone 粒度：',
  sizeOptions: ['小：600 行改动，10 个文件', '标准：1200 行改动，20 个文件（推荐）', '大：2500 行改动，40 个文件', '自定义'],
  sizeLines: '每个 milestone 最多改动行数',
  sizeFiles: '每个 milestone 最多改动文件数',
  reviewIntro: 'Review 阈值（直接回车保留方括号中的值）：',
  reviewRounds: '每个 milestone 最多 Codex review 轮数',
  fixAttempts: '每个 milestone 最多修复次数',
  blockP1: 'P1 问题是否阻止 milestone 通过？',
  allowP2: '存在 P2 问题时是否允许继续？',
  loopTitle: 'Stop-hook 自动循环：',
  loopOptions: ['暂不启用（推荐）', '以后再决定', '现在启用'],
  loopNow: 'Setup 不会修改 .claude/settings.json。要启用循环，请在 setup 之后运行 `cccc loop start`（或在 Claude Code 中运行 /cc-codex-collaborate-loop-start）。',
  unchanged: '与现有配置相同，保持不变。',
  choose: (d) => `请选择 [${d}]：`,
  invalidChoice: (keys) => `请输入 ${keys} 之一。`,
  invalidNumber: (min) => `请输入不小于 ${min} 的整数。`,
  yesNo: (yes) => (yes ? '[Y/n]' : '[y/N]'),
  invalidYesNo: '请输入 y 或 n。',
};

/** The wizard text for a language. */
export function wizardText(language: WizardLanguage): WizardText {
  return language === 'zh-CN' ? zhCN : en;
}

/**
 * The wizard's language: `--language` when it is en or zh*, else the existing config's `language.user_language`,
 * else the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`) — `zh…` → zh-CN, anything else → en.
 */
export function wizardLanguage(flag: string | undefined, configured: string | undefined, env: NodeJS.ProcessEnv): WizardLanguage {
  for (const candidate of [flag, configured, env.LC_ALL, env.LC_MESSAGES, env.LANG]) {
    if (!candidate || candidate === 'auto' || candidate === 'C' || candidate === 'POSIX') continue;
    return /^zh/i.test(candidate) ? 'zh-CN' : 'en';
  }
  return 'en';
}

/**
 * The interactive setup wizard (issue #2 §4: "Without flags on a TTY it asks the original's wizard questions";
 * menus from inventory §3.2). It only decides; {@link runSetupWizard} returns a {@link WizardDecision} and the
 * setup command does the writing. Streams are injected so tests can drive it.
 */
import { recommendedConfig } from '../config/presets.js';
import type { CcccConfig } from '../config/schema.js';
import type { ConfigSource } from './config-build.js';
import { answersFromConfig, applyCustomAnswers, type CustomAnswers } from './custom-answers.js';
import { EndOfInput, createPrompter, type Choice, type Prompter } from './prompter.js';
import { wizardText, type WizardLanguage, type WizardText } from './wizard-text.js';

/**
 * What the user chose:
 * - `exit`: change nothing (also on end of input);
 * - `keep`: keep the existing config, fill missing files;
 * - `write`: write a config from `source` (backing up an existing one first); `language` as for `--language`;
 *   `partial` is true for "update parts of the config" (reported as `updated` rather than `rebuilt`).
 * `loopRequested` is true when the user asked to enable the Stop-hook loop now (setup only tells them how).
 */
export type WizardDecision =
  | { action: 'exit' }
  | { action: 'keep'; loopRequested: boolean }
  | { action: 'write'; source: ConfigSource; language: string | undefined; loopRequested: boolean; partial: boolean };

/** Input of the wizard. */
export interface WizardContext {
  /** The valid existing config, or null when there is none. */
  existing: CcccConfig | null;
  /** Language of the questions. */
  language: WizardLanguage;
  /** `--language` when given: pre-answers the language question. */
  languageFlag: string | undefined;
}

/** The streams the wizard talks on. */
export interface WizardIO {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

function menu<T>(labels: readonly string[], values: readonly T[]): Choice<T>[] {
  return values.map((value, i) => ({ key: String.fromCharCode(65 + i), label: labels[i] ?? String(value), value }));
}

/** The key of the first choice whose value satisfies `match`, else `fallback`. */
function keyWhere<T>(choices: Choice<T>[], match: (value: T) => boolean, fallback: string): string {
  return choices.find((c) => match(c.value))?.key ?? fallback;
}

async function askLanguage(p: Prompter, t: WizardText, current: string): Promise<string> {
  const choices = menu(t.languageOptions, ['auto', 'zh-CN', 'en', 'other']);
  const picked = await p.choose(t.languageTitle, choices, keyWhere(choices, (v) => v === current, 'D'));
  if (picked !== 'other') return picked;
  for (;;) {
    const tag = await p.text(t.languageOther, ['auto', 'zh-CN', 'en'].includes(current) ? '' : current);
    if (LANGUAGE_TAG.test(tag)) return tag;
  }
}

/** Ask the six custom questions, defaulting to `d`; `languageFlag` skips the language question. */
async function askCustom(p: Prompter, t: WizardText, d: CustomAnswers, languageFlag: string | undefined): Promise<CustomAnswers> {
  const language = languageFlag ?? (await askLanguage(p, t, d.language));
  const modes = menu(t.modeOptions, ['manual', 'supervised-auto', 'full-auto-safe'] as const);
  const mode = await p.choose(t.modeTitle, modes, keyWhere(modes, (v) => v === d.mode, 'B'));

  const strengths = menu(t.planningOptions, [3, 4, 5, 0]);
  let maxPlanReviewRounds = await p.choose(t.planningTitle, strengths, keyWhere(strengths, (v) => v === d.maxPlanReviewRounds, 'D'));
  if (maxPlanReviewRounds === 0) maxPlanReviewRounds = await p.number(t.planningRounds, d.maxPlanReviewRounds);

  const sizes = menu(t.sizeOptions, [[600, 10], [1200, 20], [2500, 40], null] as const);
  const current = [d.maxDiffLinesPerMilestone, d.maxChangedFilesPerMilestone];
  const size = await p.choose(t.sizeTitle, sizes, keyWhere(sizes, (v) => v?.[0] === current[0] && v?.[1] === current[1], 'D'));
  const maxDiffLinesPerMilestone = size ? size[0] : await p.number(t.sizeLines, d.maxDiffLinesPerMilestone);
  const maxChangedFilesPerMilestone = size ? size[1] : await p.number(t.sizeFiles, d.maxChangedFilesPerMilestone);

  p.say(`\n${t.reviewIntro}`);
  const maxReviewRoundsPerMilestone = await p.number(t.reviewRounds, d.maxReviewRoundsPerMilestone);
  const maxFixAttemptsPerMilestone = await p.number(t.fixAttempts, d.maxFixAttemptsPerMilestone);
  const blockOnP1 = await p.yesNo(t.blockP1, d.blockOnP1);
  const allowContinueWithP2 = await p.yesNo(t.allowP2, d.allowContinueWithP2);

  const loops = menu(t.loopOptions, ['off', 'later', 'now'] as const);
  const autoLoop = await p.choose(t.loopTitle, loops, keyWhere(loops, (v) => v === d.autoLoop, 'A'));
  if (autoLoop === 'now') p.say(t.loopNow);
  return { language, mode, maxPlanReviewRounds, maxDiffLinesPerMilestone, maxChangedFilesPerMilestone, maxReviewRoundsPerMilestone, maxFixAttemptsPerMilestone, blockOnP1, allowContinueWithP2, autoLoop };
}

function sameConfigAnswers(a: CustomAnswers, b: CustomAnswers): boolean {
  return JSON.stringify({ ...a, autoLoop: null }) === JSON.stringify({ ...b, autoLoop: null });
}

async function decide(p: Prompter, t: WizardText, ctx: WizardContext): Promise<WizardDecision> {
  p.say(t.intro);
  if (ctx.existing) {
    const existingMenu = menu(t.existingOptions, ['keep', 'partial', 'rebuild', 'exit'] as const);
    const choice = await p.choose(t.existingTitle, existingMenu, 'A');
    if (choice === 'exit') return { action: 'exit' };
    if (choice === 'keep') return { action: 'keep', loopRequested: false };
    if (choice === 'partial') {
      const before = answersFromConfig(ctx.existing);
      const answers = await askCustom(p, t, before, ctx.languageFlag);
      const loopRequested = answers.autoLoop === 'now';
      if (sameConfigAnswers(answers, before)) {
        p.say(t.unchanged);
        return { action: 'keep', loopRequested };
      }
      return { action: 'write', source: { kind: 'config', config: applyCustomAnswers(ctx.existing, answers) }, language: undefined, loopRequested, partial: true };
    }
  }
  const presetMenu = menu(t.presetOptions, ['recommended', 'strict', 'custom', 'import', 'exit'] as const);
  const preset = await p.choose(t.presetTitle, presetMenu, 'A');
  switch (preset) {
    case 'exit':
      return { action: 'exit' };
    case 'recommended':
    case 'strict':
      return { action: 'write', source: { kind: 'preset', preset }, language: ctx.languageFlag, loopRequested: false, partial: false };
    case 'custom': {
      const answers = await askCustom(p, t, answersFromConfig(recommendedConfig()), ctx.languageFlag);
      const config = applyCustomAnswers(recommendedConfig(), answers);
      return { action: 'write', source: { kind: 'config', config }, language: undefined, loopRequested: answers.autoLoop === 'now', partial: false };
    }
    case 'import': {
      const file = await p.text(t.importPath, '');
      if (file) return { action: 'write', source: { kind: 'file', file }, language: ctx.languageFlag, loopRequested: false, partial: false };
      if (ctx.existing) return { action: 'keep', loopRequested: false };
      return { action: 'write', source: { kind: 'preset', preset: 'recommended' }, language: ctx.languageFlag, loopRequested: false, partial: false };
    }
  }
}

/**
 * Ask the setup questions on `io` and return the decision. End of input at any question means `exit`.
 * Never writes files.
 */
export async function runSetupWizard(io: WizardIO, ctx: WizardContext): Promise<WizardDecision> {
  const t = wizardText(ctx.language);
  const p = createPrompter(io.input, io.output, t);
  try {
    return await decide(p, t, ctx);
  } catch (error) {
    if (error instanceof EndOfInput) return { action: 'exit' };
    throw error;
  } finally {
    p.close();
  }
}

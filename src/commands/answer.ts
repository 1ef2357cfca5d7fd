/**
 * `cccc answer --question ID (--option X | --text T)`: record a human answer (allowed in any status). It is
 * appended to docs/cccc/decision-log.md and, as a `question.answered` event, to the journal.
 */
import { RefusedError, UsageError } from '../errors.js';
import { translator } from '../i18n/catalogue.js';
import type { Language } from '../i18n/language.js';
import { appendDecision } from '../plan/decision-log.js';
import { dispatch, readState } from '../state/store.js';
import { makeEvent, openWorkspace, type CommandDeps } from './workspace.js';

/** Result of {@link runAnswer}. */
export interface AnswerResult {
  questionId: string;
  option: string | null;
  text: string | null;
  revision: number;
  openQuestions: string[];
}

/** Record an answer. Throws UsageError for missing/both options, RefusedError `UNKNOWN_QUESTION`/`UNKNOWN_OPTION`. */
export async function runAnswer(options: { question: string; option?: string; text?: string }, deps: CommandDeps): Promise<AnswerResult> {
  if (!options.option === !options.text) throw new UsageError('Give exactly one of --option X or --text T.', 'e.g. cccc answer --question Q1 --option A');
  const { paths, config } = await openWorkspace(deps);
  const state = await readState(paths);
  const ctx = state.snapshot.context;
  const question = ctx.questions.find((q) => q.id === options.question);
  if (!question) {
    const ids = ctx.questions.map((q) => q.id);
    throw new RefusedError('UNKNOWN_QUESTION', `There is no question ${options.question}.`, ids.length ? `Questions: ${ids.join(', ')}.` : 'There are no questions in this run.');
  }
  if (options.option && question.options.length && !question.options.some((o) => o.id === options.option)) {
    throw new RefusedError('UNKNOWN_OPTION', `Question ${question.id} has no option ${options.option}.`, `Options: ${question.options.map((o) => o.id).join(', ')}, or --text for your own answer.`);
  }
  const answer = { questionId: question.id, option: options.option ?? null, text: options.text ?? null };
  const event = makeEvent({ type: 'question.answered', answer }, config, deps);
  const { after } = await dispatch(paths, event, 'cli');
  const label = question.options.find((o) => o.id === options.option)?.label;
  await appendDecision(paths, {
    at: event.at,
    title: `Answer to ${question.id}`,
    fields: { question: question.question, answer: options.option ? `${options.option}${label ? ` — ${label}` : ''}` : options.text, status: after.status },
  });
  const answered = new Set(after.snapshot.context.answers.map((a) => a.questionId));
  return { ...answer, revision: after.revision, openQuestions: after.snapshot.context.questions.filter((q) => !answered.has(q.id)).map((q) => q.id) };
}

/** Human rendering of {@link AnswerResult} in `language`. */
export function formatAnswer(r: AnswerResult, language: Language = 'en'): string {
  const t = translator(language);
  const open = r.openQuestions.length ? t('answer.stillOpen', { questions: r.openQuestions.join(', ') }) : t('answer.noneOpen');
  return `${t('answer.recorded', { question: r.questionId, answer: r.option ?? r.text ?? '' })}\n${open}`;
}

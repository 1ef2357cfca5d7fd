/**
 * Claude's self-review file (issue #2 §5): JSON
 * `{"verdict":"ok|revise_plan|ask_human|read_more_project","summary":"…","concerns":["…"],
 *   "questions":[{"id","question","options":[{"id","label"}],"recommended"}], "changes":["architecture"|"stack"|"security"]}`,
 * validated with zod.
 * `questions[].recommended` may be omitted (null); `concerns` and `questions` default to empty; `changes` is
 * optional (issue #6: a declared change forces a Codex review even when the review policy would batch).
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { SelfReview } from '../../machines/types.js';
import { InvalidInputError } from '../errors.js';

const SelfReviewInputSchema = z.strictObject({
  verdict: z.enum(['ok', 'revise_plan', 'ask_human', 'read_more_project']),
  summary: z.string().min(1, 'write a one-line summary of your self-review'),
  concerns: z.array(z.string()).default([]),
  questions: z
    .array(
      z.strictObject({
        id: z.string().min(1),
        question: z.string().min(1),
        options: z.array(z.strictObject({ id: z.string().min(1), label: z.string().min(1) })).default([]),
        recommended: z.string().nullable().default(null),
      }),
    )
    .default([]),
  /** Issue #6: architecture/stack/security changes made in this step; each forces a Codex review. */
  changes: z.array(z.enum(['architecture', 'stack', 'security'])).optional(),
});

/** Parse self-review text; `source` names the file (or `stdin`). Throws {@link InvalidInputError} `SELF_REVIEW_INVALID`. */
export function parseSelfReview(text: string, source: string): SelfReview {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InvalidInputError('SELF_REVIEW_INVALID', `${source} is not valid JSON: ${(error as Error).message}`, selfReviewHint());
  }
  const parsed = SelfReviewInputSchema.safeParse(value);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new InvalidInputError('SELF_REVIEW_INVALID', `${source} is not a valid self-review:\n${lines.join('\n')}`, selfReviewHint());
  }
  if (parsed.data.verdict === 'ask_human' && parsed.data.questions.length === 0) {
    throw new InvalidInputError('SELF_REVIEW_INVALID', `${source}: verdict ask_human needs at least one question (with A/B/C options).`, selfReviewHint());
  }
  return parsed.data;
}

function selfReviewHint(): string {
  return 'Write JSON like {"verdict":"ok","summary":"…","concerns":[],"questions":[]} (verdict: ok | revise_plan | ask_human | read_more_project).';
}

/** Read a self-review from `file`, or from `stdin` text when `file` is `-`. */
export async function readSelfReview(file: string, readStdin: () => Promise<string>): Promise<SelfReview> {
  if (file === '-') return parseSelfReview(await readStdin(), 'stdin');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new InvalidInputError('SELF_REVIEW_MISSING', `Cannot read self-review file ${file}: ${(error as Error).message}`, selfReviewHint());
  }
  return parseSelfReview(text, file);
}

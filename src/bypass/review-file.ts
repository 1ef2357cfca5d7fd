/**
 * Claude's adversarial review of a gate, required by `cccc resume --strategy bypass-codex --self-review FILE`
 * (issue #6). It reuses the Codex verdict's finding shape, with `reviewer: "claude"`, the gate it stands in for,
 * Claude's verdict, and what Claude checked — so the bypass rests on a real review, not the original's
 * synthetic `status: "pass"` (inventory §5.4):
 *
 * `{"reviewer":"claude","gate":"milestone","milestone":"M001","status":"pass|fail_fixable|needs_human|unsafe",
 *   "summary":"…","findings":[{"severity":"P0…P3","title","evidence","recommendation","files":[]}],
 *   "checked":["each acceptance criterion against the diff", "tests run: npm test"]}`
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { AdversarialReviewFacts } from '../../machines/policy-types.js';
import { InvalidInputError } from '../errors.js';
import { readStdinText } from '../stdin.js';
import { FindingSchema } from '../verdicts/schemas.js';

/** The file's schema (strict: unknown keys are errors). */
export const AdversarialReviewSchema = z.strictObject({
  reviewer: z.literal('claude'),
  gate: z.enum(['plan', 'milestone', 'final']),
  milestone: z.string().min(1).nullable(),
  status: z.enum(['pass', 'fail_fixable', 'needs_human', 'unsafe']),
  summary: z.string().min(1, 'write what you reviewed and why it passes or fails'),
  findings: z.array(FindingSchema),
  checked: z.array(z.string().min(1)).min(1, 'list what you checked (acceptance criteria, tests run, risky paths)'),
  language: z.string().optional(),
});

/** A parsed adversarial review file. */
export type AdversarialReview = z.infer<typeof AdversarialReviewSchema>;

const HINT =
  'Write JSON like {"reviewer":"claude","gate":"milestone","milestone":"M001","status":"pass","summary":"…","findings":[],"checked":["…"]}; findings use the Codex verdict shape (severity, title, evidence, recommendation, files).';

/** Parse review text; `source` names the file. Throws {@link InvalidInputError} `BYPASS_REVIEW_INVALID`. */
export function parseAdversarialReview(text: string, source: string): AdversarialReview {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InvalidInputError('BYPASS_REVIEW_INVALID', `${source} is not valid JSON: ${(error as Error).message}`, HINT);
  }
  const parsed = AdversarialReviewSchema.safeParse(value);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new InvalidInputError('BYPASS_REVIEW_INVALID', `${source} is not a valid adversarial review:\n${lines.join('\n')}`, HINT);
  }
  return parsed.data;
}

/** Read the review from `file` (or stdin text for `-`). Throws `BYPASS_REVIEW_MISSING` / `BYPASS_REVIEW_INVALID`. */
export async function readAdversarialReview(file: string, readStdin: () => Promise<string> = async () => (await readStdinText()).text): Promise<AdversarialReview> {
  if (file === '-') return parseAdversarialReview(await readStdin(), 'stdin');
  const text = await readFile(file, 'utf8').catch((error: Error) => {
    throw new InvalidInputError('BYPASS_REVIEW_MISSING', `Cannot read the adversarial review ${file}: ${error.message}`, HINT);
  });
  return parseAdversarialReview(text, file);
}

/** What the machine decides on. */
export function adversarialFacts(review: AdversarialReview): AdversarialReviewFacts {
  return {
    reviewer: 'claude',
    gate: review.gate,
    milestone: review.milestone,
    status: review.status,
    summary: review.summary,
    findings: review.findings.map((f) => ({ severity: f.severity, title: f.title })),
  };
}

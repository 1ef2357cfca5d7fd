/**
 * Turning Codex's final message into a typed verdict, and a verdict into the facts the machine decides on.
 * Codex can return text that ignores the schema (openai/codex #10393, external-interfaces A5), so every answer
 * is JSON-parsed and zod-validated here; anything else is `invalid_output`, which never passes a gate.
 */
import type { z } from 'zod';
import type { GateName, VerdictFacts } from '../../machines/types.js';
import { VERDICT_SCHEMAS, type Verdict, type VerdictFor } from './schemas.js';

/** A verdict that parsed and validated. */
export interface VerdictParsed<G extends GateName> {
  ok: true;
  verdict: VerdictFor<G>;
}

/**
 * Codex's answer was empty, not JSON, or failed the schema. `message` says which, naming each failing field by
 * path (e.g. `findings[0].severity: …`). `reason` is always `invalid_output` (issue #3 §1 classification).
 */
export interface VerdictRejected {
  ok: false;
  reason: 'invalid_output';
  message: string;
}

/** Result of {@link parseVerdict}. */
export type VerdictParseResult<G extends GateName> = VerdictParsed<G> | VerdictRejected;

/** How much of a non-JSON answer to quote in the error message (characters). */
const QUOTE_CHARS = 120;

/**
 * Parse Codex's final message (the `-o` file's text) as the verdict of `gate`. Never throws: empty text, text
 * that is not one JSON value, and JSON that fails the gate's zod schema (including unknown fields and the
 * question refinements) come back as {@link VerdictRejected}.
 */
export function parseVerdict<G extends GateName>(gate: G, text: string): VerdictParseResult<G> {
  if (text.trim() === '') {
    return rejected(`Codex's ${gate} verdict is empty (expected one JSON object matching the ${gate} verdict schema)`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const start = text.trim().slice(0, QUOTE_CHARS);
    return rejected(`Codex's ${gate} verdict is not JSON (${(error as Error).message}); it starts with: ${JSON.stringify(start)}`);
  }
  const result = VERDICT_SCHEMAS[gate].safeParse(value);
  if (!result.success) {
    return rejected(`Codex's ${gate} verdict fails the schema: ${formatIssues(result.error.issues)}`);
  }
  return { ok: true, verdict: result.data as VerdictFor<G> };
}

/**
 * The part of a verdict the machine decides on (machines/types.ts `VerdictFacts`): status, summary, findings
 * reduced to severity and title, and the human questions.
 */
export function toVerdictFacts(verdict: Verdict): VerdictFacts {
  return {
    status: verdict.status,
    summary: verdict.summary,
    findings: verdict.findings.map((f) => ({ severity: f.severity, title: f.title })),
    humanQuestions: verdict.human_questions.map((q) => ({
      id: q.id,
      question: q.question,
      options: q.options.map((o) => ({ id: o.id, label: o.label })),
      recommended: q.recommended,
    })),
  };
}

/** `a.b[0].c: message; …` for each zod issue, `(root)` for the top level. */
export function formatIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`).join('; ');
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : index === 0 ? String(key) : `.${String(key)}`))
    .join('');
}

function rejected(message: string): VerdictRejected {
  return { ok: false, reason: 'invalid_output', message };
}

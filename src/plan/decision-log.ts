/**
 * `docs/cccc/decision-log.md`: human decisions (answers, resumes, bypasses) appended as dated Markdown
 * sections (spec: "Record human answers in docs/cccc/decision-log.md"). Appends only; never rewrites.
 */
import { appendFile } from 'node:fs/promises';
import type { WorkspacePaths } from '../workspace/paths.js';

/** One decision: a title and `key: value` lines. */
export interface Decision {
  at: string;
  title: string;
  fields: Record<string, string | null | undefined>;
}

/** The Markdown section for `decision`. */
export function formatDecision(decision: Decision): string {
  const lines = [`\n## ${decision.at} — ${decision.title}\n`];
  for (const [key, value] of Object.entries(decision.fields)) if (value) lines.push(`- ${key}: ${value}`);
  return `${lines.join('\n')}\n`;
}

/** Append `decision` to the decision log (created if missing). */
export async function appendDecision(paths: WorkspacePaths, decision: Decision): Promise<void> {
  await appendFile(paths.decisionLog, formatDecision(decision), 'utf8');
}

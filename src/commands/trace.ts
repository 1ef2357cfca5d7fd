/**
 * `cccc trace [--limit N] [--json]`: recent journal events, newest last, with actor, from → to, milestone,
 * gate and artifact (issue #5). Read-only.
 */
import type { JournalEntry } from '../state/journal.js';
import { translator } from '../i18n/catalogue.js';
import type { Language } from '../i18n/language.js';
import { readJournal } from '../state/journal.js';
import { openWorkspace, type CommandDeps } from './workspace.js';

/** One trace row. */
export interface TraceRow {
  revision: number;
  at: string;
  actor: string;
  event: string;
  from: string;
  to: string;
  gate: string | null;
  milestone: string | null;
  artifact: string | null;
  detail: string | null;
}

/** The trace row of a journal entry. */
export function traceRow(entry: JournalEntry): TraceRow {
  const e = entry.event;
  const record = e.type === 'review.verdict' ? e.record : null;
  let detail: string | null = null;
  if (e.type === 'review.verdict') detail = `${e.verdict.status}${record?.source === 'cache' ? ' (cache hit)' : ''}`;
  else if (e.type === 'review.failed') detail = e.reason;
  else if (e.type === 'pause.requested') detail = e.reason;
  else if (e.type === 'resume') detail = e.strategy;
  else if (e.type === 'task.started') detail = e.task;
  else if (e.type === 'question.answered') detail = `${e.answer.questionId}=${e.answer.option ?? e.answer.text}`;
  return {
    revision: entry.revision,
    at: entry.at,
    actor: entry.actor,
    event: e.type,
    from: entry.from,
    to: entry.to,
    gate: 'gate' in e ? e.gate : null,
    milestone: record?.milestone ?? null,
    artifact: record?.artifact ?? null,
    detail,
  };
}

/** The last `limit` journal rows (all when limit is 0). */
export async function runTrace(options: { limit?: number }, deps: Pick<CommandDeps, 'cwd'>): Promise<{ events: TraceRow[]; total: number }> {
  const { paths } = await openWorkspace(deps);
  const entries = await readJournal(paths.journal);
  const limit = options.limit ?? 20;
  const shown = limit > 0 ? entries.slice(-limit) : entries;
  return { events: shown.map(traceRow), total: entries.length };
}

/** Human rendering of a trace in `language`. */
export function formatTrace(r: { events: TraceRow[]; total: number }, language: Language = 'en'): string {
  const t = translator(language);
  if (r.events.length === 0) return t('trace.empty');
  const lines = r.events.map((e) => {
    const where = [e.gate && `gate=${e.gate}`, e.milestone && `milestone=${e.milestone}`].filter(Boolean).join(' ');
    return `#${e.revision} ${e.at} ${e.actor.padEnd(5)} ${e.event.padEnd(19)} ${e.from} → ${e.to}${where ? ` ${where}` : ''}${e.detail ? ` — ${e.detail}` : ''}${e.artifact ? `\n     ${t('trace.artifact', { artifact: e.artifact })}` : ''}`;
  });
  return [t('trace.header', { shown: r.events.length, total: r.total }), ...lines].join('\n');
}

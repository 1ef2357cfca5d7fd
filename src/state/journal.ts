/**
 * The journal `docs/cccc/logs/journal.jsonl`: one line per accepted transition,
 * `{revision, at, actor, event, from, to}`, where `event` is the whole machine event (payload, `at`,
 * `limits`), so `cccc trace --verify` can replay the run exactly (issue #2 §3, issue #5).
 *
 * It is a write-ahead log: a transition's line is appended and fsynced before `state.json` is replaced,
 * so after a crash between the two the journal is ahead and the next locked write rolls state forward
 * (the journal is the source of truth when state is behind — issue #5, `repair`). A torn last line (a
 * writer killed mid-append) is not a committed transition and is skipped by readers.
 */
import { open, readFile } from 'node:fs/promises';
import type { Status } from '../../machines/status-table.js';
import type { WorkflowEvent } from '../../machines/types.js';

/** Who caused a transition. */
export type Actor = 'cli' | 'hook' | 'codex' | 'repair';

/** One journal line. */
export interface JournalEntry {
  revision: number;
  at: string;
  actor: Actor;
  event: WorkflowEvent;
  from: Status;
  to: Status;
}

/** Parse journal text into entries, skipping blank and torn (unparseable) lines. */
export function parseJournal(text: string): JournalEntry[] {
  const entries: JournalEntry[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const entry = JSON.parse(line) as JournalEntry;
      if (typeof entry.revision === 'number' && entry.event && typeof entry.event.type === 'string') entries.push(entry);
    } catch {
      // A torn line from a writer killed mid-append: not committed.
    }
  }
  return entries;
}

/** Read every entry of the journal at `file` (empty when the file does not exist). */
export async function readJournal(file: string): Promise<JournalEntry[]> {
  try {
    return parseJournal(await readFile(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/**
 * Entries with `revision > after`, read from the end of the file (the last `tailBytes`, default 256 KiB;
 * the whole file when the tail does not reach back far enough). Used under the lock to roll state forward.
 */
export async function journalEntriesAfter(file: string, after: number, tailBytes = 256 * 1024): Promise<JournalEntry[]> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  try {
    const { size } = await handle.stat();
    const start = Math.max(0, size - tailBytes);
    const buffer = Buffer.alloc(size - start);
    await handle.read(buffer, 0, buffer.length, start);
    let text = buffer.toString('utf8');
    if (start > 0) text = text.slice(text.indexOf('\n') + 1);
    const entries = parseJournal(text);
    const first = entries[0];
    if (start > 0 && first && first.revision > after + 1) return (await readJournal(file)).filter((e) => e.revision > after);
    return entries.filter((e) => e.revision > after);
  } finally {
    await handle.close();
  }
}

/**
 * Append one entry and fsync it. If the file does not end in a newline (a torn line from a killed writer),
 * a newline is written first so the new entry stays on its own line.
 */
export async function appendJournal(file: string, entry: JournalEntry): Promise<void> {
  const handle = await open(file, 'a+');
  try {
    const { size } = await handle.stat();
    let prefix = '';
    if (size > 0) {
      const last = Buffer.alloc(1);
      await handle.read(last, 0, 1, size - 1);
      if (last.toString() !== '\n') prefix = '\n';
    }
    await handle.appendFile(`${prefix}${JSON.stringify(entry)}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

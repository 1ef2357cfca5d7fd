/**
 * Doctor check of the Stop-hook loop (issue #5: "loop ownership and counters sane"): the per-session loop
 * records under `docs/cccc/runtime/loop/*.json` (fields of `LoopRecord`, src/hooks/stop-decision.ts), the
 * config's loop switch and mode. Read-only; a record that does not parse is reported, never rewritten.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { LoopRecord } from '../../hooks/stop-decision.js';
import type { Translate } from '../../i18n/catalogue.js';
import { line, type DoctorCheck, type DoctorCheckFn } from '../types.js';

/** A loop record as found: valid with its fields, or the problem that makes it unusable. */
export type LoopRecordRead = { file: string; record: LoopRecord } | { file: string; problem: string };

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** Judge parsed loop-record JSON (pure): every {@link LoopRecord} field present with its type, counts ≥ 0. */
export function judgeLoopRecord(file: string, value: unknown): LoopRecordRead {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { file, problem: 'not a JSON object' };
  const r = value as Record<string, unknown>;
  if (typeof r.active !== 'boolean') return { file, problem: '"active" must be true or false' };
  if (typeof r.capped !== 'boolean') return { file, problem: '"capped" must be true or false' };
  if (r.ownerSessionId !== null && typeof r.ownerSessionId !== 'string') return { file, problem: '"ownerSessionId" must be a string or null' };
  for (const key of ['continuations', 'noProgressBlocks'] as const) {
    if (!isCount(r[key])) return { file, problem: `"${key}" must be a whole number ≥ 0 (found ${JSON.stringify(r[key])})` };
  }
  if (r.lastBlockedRevision !== null && !isCount(r.lastBlockedRevision)) return { file, problem: '"lastBlockedRevision" must be a whole number or null' };
  return { file, record: r as unknown as LoopRecord };
}

/** Read every `*.json` record in `dir` (none when the folder does not exist). */
export async function readLoopRecords(dir: string, rel: (abs: string) => string): Promise<LoopRecordRead[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const reads: LoopRecordRead[] = [];
  for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
    const file = rel(path.join(dir, name));
    const text = await readFile(path.join(dir, name), 'utf8').catch((error: Error) => error);
    if (text instanceof Error) {
      reads.push({ file, problem: text.message });
      continue;
    }
    try {
      reads.push(judgeLoopRecord(file, JSON.parse(text)));
    } catch (error) {
      reads.push({ file, problem: `not valid JSON (${(error as Error).message})` });
    }
  }
  return reads;
}

function recordLines(reads: LoopRecordRead[], max: number, t: Translate): DoctorCheck[] {
  const title = t('doctor.loop.title');
  const lines: DoctorCheck[] = [];
  for (const read of reads) {
    if ('problem' in read) {
      lines.push(line('loop', 'FAIL', title, t('doctor.loop.invalid', { file: read.file, problem: read.problem }), t('doctor.loop.invalid.hint')));
      continue;
    }
    const r = read.record;
    const values = { file: read.file, continuations: r.continuations, max };
    if (r.capped) lines.push(line('loop', 'WARN', title, t('doctor.loop.capped', values), t('doctor.loop.capped.hint')));
    else if (r.active && r.continuations > max) lines.push(line('loop', 'WARN', title, t('doctor.loop.over', values), t('doctor.loop.over.hint')));
  }
  return lines;
}

/** Loop records parse, counters are sane, at most one loop is active, and the config can run it. */
export const checkLoop: DoctorCheckFn = async (facts, t) => {
  const config = await facts.validConfig();
  if (!config) return [];
  const title = t('doctor.loop.title');
  const enabled = config.automation.stop_hook_loop_enabled;
  const max = config.automation.max_stop_hook_continuations;
  const reads = await readLoopRecords(facts.paths.loopDir, facts.paths.rel);
  const lines = recordLines(reads, max, t);
  const active = reads.filter((r): r is { file: string; record: LoopRecord } => 'record' in r && r.record.active && !r.record.capped);
  if (active.length > 1) lines.push(line('loop', 'WARN', title, t('doctor.loop.several', { count: active.length }), t('doctor.loop.several.hint')));
  if (enabled && config.mode !== 'full-auto-safe') lines.push(line('loop', 'WARN', title, t('doctor.loop.mode', { mode: config.mode }), t('doctor.loop.mode.hint')));
  if (enabled && active.length === 0 && !reads.some((r) => 'record' in r && r.record.capped)) {
    lines.push(line('loop', 'WARN', title, t('doctor.loop.orphan'), t('doctor.loop.orphan.hint')));
  }
  if (lines.length) return lines;
  if (reads.length === 0) return line('loop', 'PASS', title, t('doctor.loop.none'));
  const summary = reads.map((read) => {
    const r = (read as { file: string; record: LoopRecord }).record;
    const state = t(r.capped ? 'doctor.loop.state.capped' : r.active ? 'doctor.loop.state.active' : 'doctor.loop.state.stopped');
    const owner = r.ownerSessionId ? r.ownerSessionId : t('doctor.loop.unclaimed');
    return t('doctor.loop.record', { file: read.file, state, owner, continuations: r.continuations, max, noProgress: r.noProgressBlocks });
  });
  return line('loop', 'PASS', title, summary.join('\n'));
};

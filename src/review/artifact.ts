/**
 * Review artifacts (issue #3 §4): `docs/cccc/reviews/{plan,milestones,final}/<id>-r<round>-<UTC ms stamp>.json`
 * holding the parsed verdict plus metadata, and the raw Codex event stream next to it (`….events.jsonl`).
 * Names never collide: the stamp has milliseconds, and a counter suffix (`-1`, `-2`, …) is added when a file
 * of that name exists (created with the exclusive `wx` flag, so two processes cannot take the same name).
 */
import { mkdir, open } from 'node:fs/promises';
import path from 'node:path';
import type { GateName } from '../../machines/types.js';
import { sha256Text } from '../files/sha256.js';
import type { WorkspacePaths } from '../workspace/paths.js';

/** The folder of each gate's artifacts under `docs/cccc/reviews/`. */
export const GATE_DIRS: Record<GateName, string> = { plan: 'plan', milestone: 'milestones', final: 'final' };

/** `20261121T140100123Z`: a UTC timestamp to the millisecond, safe in file names. */
export function fileStamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace('.', '');
}

/** A written artifact: repo-relative path, absolute path, and the SHA-256 of its exact bytes. */
export interface WrittenArtifact {
  artifact: string;
  absolute: string;
  sha256: string;
  eventsFile: string | null;
}

async function createExclusive(file: string, text: string): Promise<boolean> {
  try {
    const handle = await open(file, 'wx');
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/**
 * Write `content` (a JSON value) as the artifact for `gate` / `id` / `round` at `date`, and `rawEvents` next to
 * it when given. `suffix` distinguishes failed runs (`.failed`). Returns the paths and the artifact's hash.
 */
export async function writeReviewArtifact(
  paths: WorkspacePaths,
  where: { gate: GateName; id: string; round: number; date: Date; suffix?: string },
  content: unknown,
  rawEvents: string | null,
): Promise<WrittenArtifact> {
  const dir = path.join(paths.reviews, GATE_DIRS[where.gate]);
  await mkdir(dir, { recursive: true });
  const text = `${JSON.stringify(content, null, 2)}\n`;
  const stem = `${where.id}-r${where.round}-${fileStamp(where.date)}`;
  for (let n = 0; ; n++) {
    const name = `${stem}${n === 0 ? '' : `-${n}`}${where.suffix ?? ''}`;
    const absolute = path.join(dir, `${name}.json`);
    if (!(await createExclusive(absolute, text))) continue;
    let eventsFile: string | null = null;
    if (rawEvents !== null) {
      const eventsAbs = path.join(dir, `${name}.events.jsonl`);
      await createExclusive(eventsAbs, rawEvents);
      eventsFile = paths.rel(eventsAbs);
    }
    return { artifact: paths.rel(absolute), absolute, sha256: sha256Text(text), eventsFile };
  }
}

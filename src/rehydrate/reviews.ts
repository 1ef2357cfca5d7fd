/**
 * Review artifacts as evidence for `cccc reset` (issue #5 rehydrate): `docs/cccc/reviews/{plan,milestones,final}/
 * *.json`. Read loosely — only the gate, the verdict status and the milestone id are taken — so that both cccc's
 * artifacts (issue #3 §4: the parsed verdict plus metadata, e.g. `{verdict: {status}, record: {milestone}}`) and
 * the original skill's review files (`status` or `verdict`, `milestone_id`; inventory §8.3, §8.5) count. A file
 * that does not parse is listed as unreadable, never guessed at. Artifacts are evidence only: a reset never turns
 * one into a gate pass (gate records exist only in the journal).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { GateName } from '../../machines/types.js';
import type { WorkspacePaths } from '../workspace/paths.js';

/** One review artifact as read: `status` and `milestone` are null when the file does not say. */
export interface ReviewArtifact {
  gate: GateName;
  /** Repo-relative path. */
  file: string;
  status: string | null;
  milestone: string | null;
  readable: boolean;
}

const GATE_DIRS: Record<GateName, string> = { plan: 'plan', milestone: 'milestones', final: 'final' };

type Loose = Record<string, unknown> | undefined;
const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);
const obj = (v: unknown): Loose => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);

/** The status and milestone of one artifact's parsed JSON (pure). `fileName` supplies `<id>-r<round>-…` ids. */
export function readArtifactFacts(value: unknown, gate: GateName, fileName: string): { status: string | null; milestone: string | null } {
  const v = obj(value);
  const verdict = obj(v?.verdict);
  const record = obj(v?.record);
  const status = str(verdict?.status) ?? str(v?.status) ?? str(v?.verdict) ?? str(record?.verdict);
  let milestone = str(record?.milestone) ?? str(v?.milestone) ?? str(v?.milestone_id) ?? str(verdict?.milestone_id);
  if (!milestone && gate === 'milestone') milestone = /^([A-Za-z0-9._]+?)-r\d+/.exec(fileName)?.[1] ?? null;
  return { status, milestone };
}

/** Every review artifact of the workspace, sorted by file name within each gate (names carry UTC stamps). */
export async function readReviewArtifacts(paths: WorkspacePaths): Promise<ReviewArtifact[]> {
  const artifacts: ReviewArtifact[] = [];
  for (const gate of Object.keys(GATE_DIRS) as GateName[]) {
    const dir = path.join(paths.reviews, GATE_DIRS[gate]);
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
      const file = path.join(dir, name);
      let value: unknown;
      try {
        value = JSON.parse(await readFile(file, 'utf8'));
      } catch {
        artifacts.push({ gate, file: paths.rel(file), status: null, milestone: null, readable: false });
        continue;
      }
      artifacts.push({ gate, file: paths.rel(file), ...readArtifactFacts(value, gate, name), readable: true });
    }
  }
  return artifacts;
}

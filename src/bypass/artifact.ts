/**
 * The bypass artifact (issue #6): `docs/cccc/reviews/bypass/<id>-claude-bypass-<UTC ms stamp>.json`, holding
 * Claude's adversarial review as given plus what was bypassed and why. It never looks like a Codex review: its own
 * folder, `kind: "cccc-claude-bypass-review"`, `reviewer: "claude"`, `assurance_level: "lower_than_codex_review"`,
 * and no `verdict` field. Created with `wx` (a counter suffix on a clash), so nothing is ever overwritten.
 */
import { mkdir, open } from 'node:fs/promises';
import path from 'node:path';
import { sha256Text } from '../files/sha256.js';
import { fileStamp } from '../review/artifact.js';
import type { WorkspacePaths } from '../workspace/paths.js';

/** The written artifact: repo-relative path and the SHA-256 of its bytes. */
export interface BypassArtifact {
  artifact: string;
  sha256: string;
}

/** Write `content` as the bypass artifact for `id` (the milestone id or `plan`) at `date`. */
export async function writeBypassArtifact(paths: WorkspacePaths, id: string, date: Date, content: unknown): Promise<BypassArtifact> {
  const dir = path.join(paths.reviews, 'bypass');
  await mkdir(dir, { recursive: true });
  const text = `${JSON.stringify(content, null, 2)}\n`;
  for (let n = 0; ; n++) {
    const file = path.join(dir, `${id}-claude-bypass-${fileStamp(date)}${n === 0 ? '' : `-${n}`}.json`);
    try {
      const handle = await open(file, 'wx');
      try {
        await handle.writeFile(text, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      return { artifact: paths.rel(file), sha256: sha256Text(text) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/**
 * Backups before anything a user owns is rewritten (contract: "Back up before rewriting anything a user owns";
 * issue #5: repair, reset and update back up first). Each run gets its own directory
 * `docs/cccc/backups/<kind>-<UTC stamp>/` (never reused: a clash within the same millisecond gets `-2`, `-3`, …;
 * the original's one-second names collided, inventory §10 #23). Files keep their path relative to `docs/cccc/`
 * (`state.json`, `logs/journal.jsonl`), or to the repository root when outside it (`.claude/commands/cccc.md`).
 */
import { copyFile, cp, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { WorkspacePaths } from '../workspace/paths.js';

/** What a backup is for; the directory name starts with it. */
export type BackupKind = 'repair' | 'reset' | 'update';

/** `20261121T120000.123Z` — an ISO-8601 UTC time without `-` and `:` (safe in file names on every OS). */
export function backupStamp(at: Date): string {
  return at.toISOString().replace(/[-:]/g, '');
}

/** A backup directory and what was copied into it (paths relative to the repository root). */
export interface Backup {
  /** Absolute path of the directory. */
  dir: string;
  /** Copied files and directories, relative to the repository root. */
  copied: string[];
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

async function freshDir(base: string): Promise<string> {
  await mkdir(path.dirname(base), { recursive: true });
  for (let n = 1; ; n++) {
    const dir = n === 1 ? base : `${base}-${n}`;
    try {
      await mkdir(dir);
      return dir;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/**
 * Copy each existing path of `sources` (absolute files or directories; missing ones are skipped) into a new
 * `docs/cccc/backups/<kind>-<stamp>/`. The directory is created even when nothing exists to copy, so the report
 * can name it. Throws the fs error when a copy fails (the caller then writes nothing).
 */
export async function backupFiles(paths: WorkspacePaths, kind: BackupKind, at: Date, sources: readonly string[]): Promise<Backup> {
  const dir = await freshDir(path.join(paths.backups, `${kind}-${backupStamp(at)}`));
  const copied: string[] = [];
  for (const source of sources) {
    if (!(await exists(source))) continue;
    const inside = path.relative(paths.workspace, source);
    const rel = inside.startsWith('..') || path.isAbsolute(inside) ? path.relative(paths.root, source) : inside;
    const target = path.join(dir, rel);
    await mkdir(path.dirname(target), { recursive: true });
    if ((await stat(source)).isDirectory()) await cp(source, target, { recursive: true, errorOnExist: true, force: false });
    else await copyFile(source, target);
    copied.push(paths.rel(source));
  }
  return { dir, copied };
}

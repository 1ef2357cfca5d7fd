/**
 * Writing a planned `.claude/settings*.json` (issue #4 §2): back up the user's file, then write atomically.
 * The plan itself comes from `planHookRegistration` / `planHookRemoval` (settings.ts).
 */
import { constants } from 'node:fs';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { RefusedError } from '../errors.js';
import type { SettingsPlan } from './settings.js';

/** What {@link applySettingsPlan} did. */
export interface SettingsWrite {
  written: boolean;
  /** The backup of the previous file, or null (nothing written, or the file did not exist). */
  backupPath: string | null;
}

/** `<UTC>` stamp for backup names: `YYYYMMDDTHHMMSSmmmZ` (milliseconds, so quick reruns do not collide). */
export function backupStamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace('.', '');
}

/**
 * Write `plan` to `filePath` when it changed: re-read the file and refuse (`RefusedError('SETTINGS_CHANGED')`)
 * if it is no longer the text the plan was made from; copy it to `<file>.cccc-backup-<UTC stamp>` (never
 * overwriting an older backup); create the folder if needed; write with write-file-atomic (temp file +
 * rename, keeping the file's mode).
 */
export async function applySettingsPlan(
  filePath: string,
  plan: SettingsPlan,
  options: { now?: Date } = {},
): Promise<SettingsWrite> {
  if (!plan.changed) return { written: false, backupPath: null };
  const current = await readFile(filePath, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (current !== plan.previousText) {
    throw new RefusedError(
      'SETTINGS_CHANGED',
      `${plan.file} changed while cccc was preparing its edit; nothing was written.`,
      'Run the command again.',
      { file: plan.file },
    );
  }
  let backupPath: string | null = null;
  if (current !== null) backupPath = await backup(filePath, backupStamp(options.now ?? new Date()));
  await mkdir(path.dirname(filePath), { recursive: true });
  await writeFileAtomic(filePath, plan.text);
  return { written: true, backupPath };
}

/** Copy `filePath` to a new backup name, adding `-1`, `-2`… when the name is taken. */
async function backup(filePath: string, stamp: string): Promise<string> {
  for (let n = 0; ; n++) {
    const candidate = `${filePath}.cccc-backup-${stamp}${n === 0 ? '' : `-${n}`}`;
    try {
      await copyFile(filePath, candidate, constants.COPYFILE_EXCL);
      return candidate;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || n > 100) throw error;
    }
  }
}

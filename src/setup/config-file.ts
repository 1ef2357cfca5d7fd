/**
 * Reading, backing up and writing `docs/cccc/config.json` for setup (issue #2 §4). Rules from the contract:
 * a file that does not parse is never overwritten without a backup, and a user-owned file is backed up before
 * it is rewritten.
 */
import { constants } from 'node:fs';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { parseConfigText } from '../config/load.js';
import type { CcccConfig } from '../config/schema.js';
import { CcccError } from '../errors.js';
import type { WorkspacePaths } from '../workspace/paths.js';

/** The config already in the workspace: none, a valid one, or one that failed to parse or validate. */
export type ExistingConfig =
  | { kind: 'missing' }
  | { kind: 'valid'; config: CcccConfig }
  | { kind: 'invalid'; error: CcccError };

/** Read the workspace config without throwing on bad content (the caller decides). Other fs errors are thrown. */
export async function readExistingConfig(paths: WorkspacePaths): Promise<ExistingConfig> {
  let text: string;
  try {
    text = await readFile(paths.config, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw error;
  }
  try {
    return { kind: 'valid', config: parseConfigText(text, paths.rel(paths.config)) };
  } catch (error) {
    if (error instanceof CcccError) return { kind: 'invalid', error };
    throw error;
  }
}

/**
 * A UTC time stamp safe in file names, with milliseconds: `2026-05-17T10-20-30-123Z` (the original used
 * one-second stamps, so backups collided — inventory §10 C23).
 */
export function fileStamp(at: Date): string {
  return at.toISOString().replace(/[:.]/g, '-');
}

/**
 * Copy the current config byte-for-byte to `docs/cccc/backups/config.<stamp>.json` (suffix `-1`, `-2`… if that
 * name exists; never overwrites). Returns the absolute backup path.
 */
export async function backupConfig(paths: WorkspacePaths, at: Date): Promise<string> {
  await mkdir(paths.backups, { recursive: true });
  const stem = `config.${fileStamp(at)}`;
  for (let n = 0; ; n++) {
    const target = path.join(paths.backups, `${stem}${n === 0 ? '' : `-${n}`}.json`);
    try {
      await copyFile(paths.config, target, constants.COPYFILE_EXCL);
      return target;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/** Serialise a config the way cccc writes it: 2-space JSON with a trailing newline. */
export function serializeConfig(config: CcccConfig): string {
  return `${JSON.stringify(config, null, 2)}\n`;
}

/** Write the config atomically (temp file, fsync, rename). */
export async function writeConfig(paths: WorkspacePaths, config: CcccConfig): Promise<void> {
  await mkdir(paths.workspace, { recursive: true });
  await writeFileAtomic(paths.config, serializeConfig(config), { fsync: true });
}

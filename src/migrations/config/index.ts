/**
 * Ordered, versioned config migrations (issue #5 `cccc update`; style.md habit 5). A config's schema version is
 * its numeric `version`; the original skill's configs (`version: "0.1.x"` or none, inventory §3) are schema 0.
 * Each migration is a small pure function from one version to the next; {@link migrateConfig} runs them in order
 * and validates the result with the current zod schema. Errors are typed: nothing is written by this module.
 */
import { validateConfig } from '../../config/load.js';
import { CONFIG_VERSION, type CcccConfig } from '../../config/schema.js';
import { InvalidInputError } from '../../errors.js';
import { isJsonObject, type JsonObject, type MigrationNote } from '../note.js';
import { migrateOriginalConfig } from './v0-original.js';

/** One step: from schema `from` to `from + 1`. */
export interface ConfigMigration {
  from: number;
  name: string;
  migrate: (config: JsonObject) => { config: JsonObject; notes: MigrationNote[] };
}

/** Every config migration, in order. */
export const CONFIG_MIGRATIONS: readonly ConfigMigration[] = [{ from: 0, name: 'original skill 0.1.x → 1', migrate: migrateOriginalConfig }];

/** The schema version of a parsed config: its numeric `version`, else 0 (the original skill's). */
export function configSchemaVersion(config: JsonObject): number {
  return typeof config.version === 'number' ? config.version : 0;
}

/** Result of {@link migrateConfig}. */
export interface ConfigMigrationResult {
  from: number;
  to: number;
  /** The original skill's version string when migrating from schema 0 (`"0.1.17"`), else null. */
  originalVersion: string | null;
  config: CcccConfig;
  notes: MigrationNote[];
}

/**
 * Migrate a parsed config to {@link CONFIG_VERSION} and validate it. Throws {@link InvalidInputError}:
 * `CONFIG_INVALID` (not an object), `CONFIG_NEWER` (written by a newer cccc), `CONFIG_MIGRATION_BLOCKED` (a value
 * the user set that cccc cannot hold — it is never changed for them; each listed as `field: problem`).
 */
export function migrateConfig(value: unknown, file: string): ConfigMigrationResult {
  if (!isJsonObject(value)) throw new InvalidInputError('CONFIG_INVALID', `${file} is not a JSON object.`, `Fix ${file}; it was left untouched.`, { file });
  const from = configSchemaVersion(value);
  if (from > CONFIG_VERSION) {
    throw new InvalidInputError('CONFIG_NEWER', `${file} was written by a newer cccc (config schema ${from}; this cccc reads up to ${CONFIG_VERSION}).`, 'Upgrade cccc; the file was left untouched.', { file, version: from });
  }
  let config = value;
  const notes: MigrationNote[] = [];
  for (const step of CONFIG_MIGRATIONS.filter((m) => m.from >= from && m.from < CONFIG_VERSION)) {
    const result = step.migrate(config);
    config = result.config;
    notes.push(...result.notes);
  }
  try {
    return { from, to: CONFIG_VERSION, originalVersion: from === 0 ? String(value.version ?? 'unknown') : null, config: validateConfig(config, file), notes };
  } catch (error) {
    if (!(error instanceof InvalidInputError) || from === CONFIG_VERSION) throw error;
    throw new InvalidInputError(
      'CONFIG_MIGRATION_BLOCKED',
      `${file} cannot be migrated without changing values you set:\n${error.message.split('\n').slice(1).join('\n')}`,
      `Edit these fields in ${file} to an allowed value (cccc never changes a policy value for you), then run \`cccc update\` again. Nothing was written.`,
      { file, issues: error.details.issues },
    );
  }
}

/**
 * Ordered, versioned state migrations (issue #5 `cccc update`; style.md habit 5). A state's schema version is
 * the envelope's `schemaVersion`; the original skill's flat state (a `status` and no `schemaVersion`, inventory §4)
 * is schema 0. A state written by a newer cccc is refused (`STATE_NEWER`, from `parseEnvelope`), never rewritten.
 *
 * There is one migration so far, 0 → 1 (`v0-original.ts`). A future 1 → 2 is a pure function on the envelope
 * (plus a journal migration or a fresh journal segment, so `trace --verify` keeps passing) added to this file.
 */
import { InvalidInputError } from '../../errors.js';
import { STATE_SCHEMA_VERSION } from '../../state/envelope.js';
import { isJsonObject } from '../note.js';
import { migrateOriginalState } from './v0-original.js';

/** The state schema version of parsed state.json text: `schemaVersion`, or 0 for the original's flat object. */
export function stateSchemaVersion(value: unknown, file: string): number {
  if (!isJsonObject(value)) throw new InvalidInputError('STATE_CORRUPT', `${file} is not a JSON object.`, 'Run `cccc repair` first; the file was left untouched.', { file });
  if (typeof value.schemaVersion === 'number') return value.schemaVersion;
  if (typeof value.status === 'string' || 'skill_name' in value || 'current_milestone_id' in value) return 0;
  throw new InvalidInputError('STATE_CORRUPT', `${file} is neither a cccc state nor an original skill state.`, 'Run `cccc repair` (or `cccc reset`) first; the file was left untouched.', { file });
}

/** True when a state of schema `version` needs migrating to {@link STATE_SCHEMA_VERSION}. */
export function stateNeedsMigration(version: number): boolean {
  return version < STATE_SCHEMA_VERSION;
}

/** Every state migration, in order (each from schema `from` to `from + 1`). */
export const STATE_MIGRATIONS = [{ from: 0, name: 'original skill 0.1.x → 1', migrate: migrateOriginalState }] as const;

/**
 * The `docs/cccc/state.json` envelope (issue #2 §3): `{schemaVersion, machineVersion, revision, status,
 * updatedAt, snapshot}`. `status` is derived from the snapshot, for people and hooks; the snapshot is the
 * machine's persisted `{value, context}`. Parsing never "repairs": a corrupt, truncated or newer file is an
 * error naming the file and `cccc repair`, and the file is left as it is.
 */
import { z } from 'zod';
import type { PersistedWorkflow } from '../../machines/run.js';
import type { Status } from '../../machines/status-table.js';
import { InvalidInputError } from '../errors.js';
import { ContextSchema, StatusSchema } from './context-schema.js';

/** The state schema version this build reads and writes. Older versions are migrated by `cccc update`. */
export const STATE_SCHEMA_VERSION = 1;

export const EnvelopeSchema = z.strictObject({
  schemaVersion: z.number().int().positive(),
  machineVersion: z.number().int().positive(),
  revision: z.number().int().nonnegative(),
  status: StatusSchema,
  updatedAt: z.string(),
  snapshot: z.strictObject({ value: StatusSchema, context: ContextSchema }),
});

/** A validated state envelope. */
export interface StateEnvelope {
  schemaVersion: number;
  machineVersion: number;
  revision: number;
  status: Status;
  updatedAt: string;
  snapshot: PersistedWorkflow;
}

/**
 * Parse and validate state text. Throws {@link InvalidInputError}: `STATE_CORRUPT` (not JSON, truncated,
 * fails the schema, `status` disagrees with the snapshot) or `STATE_NEWER` (written by a newer cccc).
 * `file` is the repo-relative path used in messages.
 */
export function parseEnvelope(text: string, file: string): StateEnvelope {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw corrupt(file, `it is not valid JSON (${(error as Error).message}); it may be truncated`, error);
  }
  const version = (value as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'number' && version > STATE_SCHEMA_VERSION) {
    throw new InvalidInputError(
      'STATE_NEWER',
      `${file} was written by a newer cccc (state schema ${version}; this cccc reads up to ${STATE_SCHEMA_VERSION}).`,
      'Upgrade cccc (npm i -g cc-codex-collaborate@latest); the file was left untouched.',
      { file, schemaVersion: version },
    );
  }
  const parsed = EnvelopeSchema.safeParse(value);
  if (!parsed.success) {
    const first = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw corrupt(file, `it fails validation (${first.join('; ')})`);
  }
  if (parsed.data.status !== parsed.data.snapshot.value) {
    throw corrupt(file, `its status ${parsed.data.status} disagrees with its snapshot (${parsed.data.snapshot.value})`);
  }
  return parsed.data as StateEnvelope;
}

function corrupt(file: string, why: string, cause?: unknown): InvalidInputError {
  return new InvalidInputError(
    'STATE_CORRUPT',
    `${file} cannot be used: ${why}.`,
    'Run `cccc repair` (it backs the file up and rebuilds state from the journal); cccc never replaces it silently.',
    { file },
    cause,
  );
}

/** Serialise an envelope as written to disk (2-space JSON, trailing newline). */
export function serializeEnvelope(envelope: StateEnvelope): string {
  return `${JSON.stringify(envelope, null, 2)}\n`;
}

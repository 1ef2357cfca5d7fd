/**
 * What a migration says about a field it kept, filled in, dropped or could not map (issue #5 `cccc update`:
 * "says what it did"). Notes are data; `cccc update` prints them and puts them in `--json`.
 */

/** `info`: done as expected; `warn`: the user should look (a kept value that may not be theirs, a dropped key). */
export interface MigrationNote {
  level: 'info' | 'warn';
  /** Dotted field path in the file the note is about (`codex.unavailable_policy`, `status`), or `(file)`. */
  path: string;
  message: string;
}

/** A JSON object as read from a user's file. */
export type JsonObject = Record<string, unknown>;

/** True for a plain JSON object (not null, not an array). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

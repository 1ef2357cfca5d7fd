/**
 * Laying a user's config over a complete base (issue #5 update: "never changes a policy value the user set").
 * Pure. Every key the user set and the schema knows keeps the user's value; keys the user did not set come from
 * the base (and are noted per section); keys the schema does not know are dropped with a note. Unlike the
 * original's `deep_merge(existing, template)` (inventory §4.2), the base is the *recommended* preset, whose
 * defaults never enable a bypass or the loop — the original merged a template with bypass on (§10 #19).
 */
import { isJsonObject, type JsonObject, type MigrationNote } from '../note.js';

/**
 * `user` laid over `base`. `path` is the dotted prefix for notes. Objects recurse; arrays and scalars are taken
 * whole from the user. A section the user lacks entirely is taken from the base with one `info` note.
 */
export function overlayConfig(base: JsonObject, user: JsonObject, notes: MigrationNote[], path = ''): JsonObject {
  const out: JsonObject = {};
  for (const [key, baseValue] of Object.entries(base)) {
    const at = path ? `${path}.${key}` : key;
    if (!(key in user)) {
      out[key] = baseValue;
      if (isJsonObject(baseValue)) notes.push({ level: 'info', path: at, message: 'not set: filled from the recommended preset' });
      continue;
    }
    const userValue = user[key];
    out[key] = isJsonObject(baseValue) && isJsonObject(userValue) ? overlayConfig(baseValue, userValue, notes, at) : userValue;
  }
  for (const key of Object.keys(user)) {
    if (!(key in base)) notes.push({ level: 'warn', path: path ? `${path}.${key}` : key, message: 'not a cccc setting: dropped (kept in the backup)' });
  }
  return out;
}

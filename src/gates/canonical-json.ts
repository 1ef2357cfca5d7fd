/**
 * Canonical JSON, the byte form fingerprints hash: no whitespace, object keys sorted by UTF-16 code units (JS
 * default sort — the order RFC 8785 specifies), arrays in their order, strings and numbers as `JSON.stringify`
 * writes them. Only JSON values are allowed; `undefined`, functions, non-finite numbers and non-plain objects
 * throw, so a fingerprint can never silently hash something lossy.
 */

/** The canonical JSON text of `value` (see module doc). Throws TypeError for a non-JSON value. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${value} is not a JSON number`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
  }
  throw new TypeError(`canonicalJson: ${typeof value} is not a JSON value`);
}

/**
 * The JSON Schema files Codex gets through `codex exec --output-schema FILE`, generated from the zod verdicts
 * with `z.toJSONSchema` (issue #3 §2), and the OpenAI strict-form check used by tests and `cccc doctor`.
 *
 * Codex sends the file as Responses API `text.format = {type:"json_schema", strict:true, …}`; the API rejects a
 * non-strict schema with HTTP 400 `invalid_json_schema` (external-interfaces A5, real-clients.md). Strict form:
 * root `type:"object"`; every object has `additionalProperties:false` and lists every property in `required`;
 * optional values are nullable types; only the keywords below are used.
 */
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';
import type { GateName } from '../../machines/types.js';
import { VERDICT_SCHEMAS } from './schemas.js';

/** A JSON Schema document as plain JSON. */
export type JsonSchema = Record<string, unknown>;

/**
 * Keywords a strict schema may use. Deliberately narrower than what OpenAI documents as supported: validation
 * keywords (`minLength`, `pattern`, `minItems`…) are rejected for some models, `default` is not supported, and
 * `$schema` is metadata we do not need to send — so none of them are emitted, and the check flags them.
 */
export const STRICT_KEYWORDS: ReadonlySet<string> = new Set([
  'type', 'properties', 'required', 'additionalProperties', 'items', 'enum', 'const', 'anyOf', 'description', 'title', '$ref', '$defs',
]);

const JSON_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']);

/** OpenAI's limit on object nesting in a strict schema (Structured Outputs "Supported schemas"). */
export const MAX_STRICT_DEPTH = 10;

/**
 * The strict JSON Schema for `gate`'s verdict. Generated from the zod schema with `$schema` removed (the only
 * post-processing); throws an Error listing the violations if the result is not strict — a bug in
 * `./schemas.ts`, caught by the unit tests, never by a user.
 */
export function verdictJsonSchema(gate: GateName): JsonSchema {
  const generated = z.toJSONSchema(VERDICT_SCHEMAS[gate], { target: 'draft-2020-12', io: 'output', unrepresentable: 'throw' }) as JsonSchema;
  const { $schema: _dropped, ...schema } = generated;
  const violations = isStrictSchema(schema);
  if (violations.length > 0) throw new Error(`${gate} verdict JSON Schema is not OpenAI-strict: ${violations.join('; ')}`);
  return schema;
}

/** The file name of a gate's schema: `<gate>-verdict.schema.json`. */
export function verdictSchemaFileName(gate: GateName): string {
  return `${gate}-verdict.schema.json`;
}

/**
 * Write `<dir>/<gate>-verdict.schema.json` (atomically, creating `dir`) and return its absolute path, for
 * `--output-schema`. Rewritten on every call so the file always matches this build's zod schema.
 */
export async function writeVerdictSchema(gate: GateName, dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const path = resolve(join(dir, verdictSchemaFileName(gate)));
  await writeFileAtomic(path, `${JSON.stringify(verdictJsonSchema(gate), null, 2)}\n`);
  return path;
}

/**
 * Every way `schema` breaks OpenAI strict form, as `<JSON pointer>: <problem>` strings (empty = strict):
 * root not `type:"object"`; an object without `properties`, without `additionalProperties:false`, or with a
 * property missing from `required` (or a `required` name that is not a property); an array without `items`; an
 * unknown or missing `type`; a keyword outside {@link STRICT_KEYWORDS}; nesting deeper than {@link MAX_STRICT_DEPTH}.
 */
export function isStrictSchema(schema: unknown): string[] {
  const violations: string[] = [];
  if (!isRecord(schema)) return ['#: schema is not a JSON object'];
  if (schema.type !== 'object') violations.push('#: root must have type "object"');
  checkNode(schema, '#', 0, violations);
  return violations;
}

function checkNode(node: unknown, at: string, depth: number, out: string[]): void {
  if (!isRecord(node)) {
    out.push(`${at}: subschema is not a JSON object`);
    return;
  }
  for (const key of Object.keys(node)) {
    if (!STRICT_KEYWORDS.has(key)) out.push(`${at}: unsupported keyword "${key}"`);
  }
  if (!['type', 'anyOf', '$ref', 'enum', 'const'].some((k) => k in node)) out.push(`${at}: subschema has no "type" (strict mode has no untyped values)`);
  const types = typesOf(node, at, out);
  if (types.includes('object') || 'properties' in node) checkObject(node, at, depth, out);
  if (types.includes('array')) {
    if (node.items === undefined) out.push(`${at}: array without "items"`);
  }
  if (node.items !== undefined) checkNode(node.items, `${at}/items`, depth, out);
  if (node.anyOf !== undefined) {
    if (!Array.isArray(node.anyOf)) out.push(`${at}: "anyOf" is not an array`);
    else node.anyOf.forEach((member, i) => checkNode(member, `${at}/anyOf/${i}`, depth, out));
  }
  if (isRecord(node.$defs)) {
    for (const [name, def] of Object.entries(node.$defs)) checkNode(def, `${at}/$defs/${name}`, depth, out);
  }
}

function checkObject(node: Record<string, unknown>, at: string, depth: number, out: string[]): void {
  if (depth + 1 > MAX_STRICT_DEPTH) out.push(`${at}: objects nested deeper than ${MAX_STRICT_DEPTH} levels`);
  if (node.additionalProperties !== false) out.push(`${at}: "additionalProperties" must be false`);
  if (!isRecord(node.properties)) {
    out.push(`${at}: object without "properties"`);
    return;
  }
  const names = Object.keys(node.properties);
  const required = Array.isArray(node.required) ? node.required : [];
  if (!Array.isArray(node.required)) out.push(`${at}: "required" must list every property`);
  for (const name of names) {
    if (!required.includes(name)) out.push(`${at}: property "${name}" is not in "required" (make it nullable instead of optional)`);
  }
  for (const name of required) {
    if (typeof name !== 'string' || !names.includes(name)) out.push(`${at}: "required" names unknown property ${JSON.stringify(name)}`);
  }
  for (const [name, sub] of Object.entries(node.properties)) checkNode(sub, `${at}/properties/${name}`, depth + 1, out);
}

function typesOf(node: Record<string, unknown>, at: string, out: string[]): string[] {
  if (node.type === undefined) return [];
  const types = Array.isArray(node.type) ? node.type : [node.type];
  for (const type of types) {
    if (typeof type !== 'string' || !JSON_TYPES.has(type)) out.push(`${at}: unknown type ${JSON.stringify(type)}`);
  }
  return types.filter((t): t is string => typeof t === 'string');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The two OpenAI strict Structured Outputs rules that the real Responses API enforces with HTTP 400
 * `invalid_json_schema` (external-interfaces.md A5; real-clients.md "Codex → stub"): every object schema has
 * `additionalProperties: false`, and every key of `properties` is listed in `required`. Also: the root is an
 * object schema. Checked recursively through properties, array `items`, `anyOf`/`oneOf`/`allOf` branches and
 * `$defs`/`definitions`.
 *
 * Deliberately independent of cccc's own checker in src/ so the stub is a second opinion, not the same code.
 */

/**
 * The first violation as the real API words it (`Invalid schema for response_format '<name>': In
 * context=(<path>), …`), or undefined when the schema passes.
 */
export function strictSchemaViolation(schema: unknown, name: string): string | undefined {
  const prefix = `Invalid schema for response_format '${name}'`;
  if (!isObject(schema) || !typeIncludes(schema, 'object')) {
    return `${prefix}: schema must be a JSON Schema of 'type: "object"', got 'type: "${describeType(schema)}"'.`;
  }
  const found = firstViolation(schema, []);
  return found === undefined ? undefined : `${prefix}: In context=(${found.context.map((p) => `'${p}'`).join(', ')}), ${found.message}`;
}

interface Violation {
  context: string[];
  message: string;
}

function firstViolation(node: unknown, context: string[]): Violation | undefined {
  if (!isObject(node)) return undefined;
  if (typeIncludes(node, 'object') || isObject(node.properties)) {
    if (node.additionalProperties !== false) {
      return { context, message: "'additionalProperties' is required to be supplied and to be false." };
    }
    const properties = isObject(node.properties) ? Object.keys(node.properties) : [];
    const required = Array.isArray(node.required) ? node.required : [];
    const missing = properties.find((key) => !required.includes(key));
    if (missing !== undefined) {
      return {
        context,
        message: `'required' is required to be supplied and to be an array including every key in properties. Missing '${missing}'.`,
      };
    }
  }
  for (const [key, child] of childSchemas(node)) {
    const found = firstViolation(child, [...context, ...key]);
    if (found) return found;
  }
  return undefined;
}

function childSchemas(node: Record<string, unknown>): Array<[string[], unknown]> {
  const children: Array<[string[], unknown]> = [];
  for (const field of ['properties', '$defs', 'definitions'] as const) {
    const map = node[field];
    if (isObject(map)) for (const [key, child] of Object.entries(map)) children.push([[field, key], child]);
  }
  if (node.items !== undefined) children.push([['items'], node.items]);
  for (const field of ['anyOf', 'oneOf', 'allOf'] as const) {
    const list = node[field];
    if (Array.isArray(list)) list.forEach((child, index) => children.push([[field, String(index)], child]));
  }
  return children;
}

function typeIncludes(node: Record<string, unknown>, type: string): boolean {
  return node.type === type || (Array.isArray(node.type) && node.type.includes(type));
}

function describeType(schema: unknown): string {
  return isObject(schema) && schema.type !== undefined ? String(schema.type) : 'None';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

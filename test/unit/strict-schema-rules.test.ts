import { describe, expect, it } from 'vitest';
import { strictSchemaViolation } from '../helpers/strict-schema-rules.js';

/** A closed object schema over `properties`, every key required. */
function closed(properties: Record<string, unknown>): Record<string, unknown> {
  return { type: 'object', properties, required: Object.keys(properties), additionalProperties: false };
}

describe('Responses stub strict-schema rules (the 400 invalid_json_schema the real API gives)', () => {
  it.each<[string, unknown, string | undefined]>([
    ['closed flat object', closed({ a: { type: 'string' } }), undefined],
    ['nullable optional', closed({ a: { type: ['string', 'null'] } }), undefined],
    ['root not an object', { type: 'array', items: { type: 'string' } }, 'must be a JSON Schema of \'type: "object"\''],
    ['root additionalProperties missing', { type: 'object', properties: {}, required: [] }, "In context=(), 'additionalProperties' is required"],
    ['additionalProperties {}', { ...closed({}), additionalProperties: {} }, "In context=(), 'additionalProperties'"],
    ['optional property', { ...closed({ a: { type: 'string' }, b: { type: 'string' } }), required: ['a'] }, "In context=(), 'required' is required to be supplied and to be an array including every key in properties. Missing 'b'."],
    ['nested object open', closed({ o: { type: 'object', properties: {}, required: [] } }), "In context=('properties', 'o'), 'additionalProperties'"],
    ['array item open', closed({ l: { type: 'array', items: { type: 'object', properties: { x: { type: 'string' } } } } }), "In context=('properties', 'l', 'items'), 'additionalProperties'"],
    ['array item not all required', closed({ l: { type: 'array', items: { ...closed({ x: { type: 'string' } }), required: [] } } }), "Missing 'x'."],
    ['anyOf branch open', closed({ u: { anyOf: [{ type: 'null' }, { type: 'object', properties: {} }] } }), "In context=('properties', 'u', 'anyOf', '1'), 'additionalProperties'"],
    ['$defs entry open', { ...closed({}), $defs: { D: { type: 'object', properties: {}, required: [] } } }, "In context=('$defs', 'D')"],
  ])('%s', (_name, schema, expected) => {
    const violation = strictSchemaViolation(schema, 'codex_output_schema');
    if (expected === undefined) expect(violation).toBeUndefined();
    else {
      expect(violation).toContain("Invalid schema for response_format 'codex_output_schema'");
      expect(violation).toContain(expected);
    }
  });
});

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isStrictSchema, verdictJsonSchema, writeVerdictSchema } from '../../src/verdicts/index.js';

const GATES = ['plan', 'milestone', 'final'] as const;

/** A small strict schema; each violation case breaks one rule of it. */
function strictBase(): Record<string, any> {
  return {
    type: 'object',
    properties: {
      status: { type: 'string', enum: ['a', 'b'] },
      note: { type: ['string', 'null'] },
      items: { type: 'array', items: { type: 'object', properties: { x: { type: 'string' } }, required: ['x'], additionalProperties: false } },
    },
    required: ['status', 'note', 'items'],
    additionalProperties: false,
  };
}

describe('generated verdict schemas', () => {
  it.each(GATES)('%s schema is OpenAI-strict', (gate) => {
    const schema = verdictJsonSchema(gate);
    expect(isStrictSchema(schema)).toEqual([]);
    expect(schema).not.toHaveProperty('$schema');
    expect(JSON.stringify(schema)).not.toMatch(/"default"|"pattern"|"minLength"|"minItems"/);
  });

  it.each(GATES)('%s schema carries the gate status enum and nullable recommended', (gate) => {
    const schema = verdictJsonSchema(gate) as any;
    expect(schema.required).toContain('status');
    expect(schema.properties.status.enum.length).toBeGreaterThan(3);
    const question = schema.properties.human_questions.items;
    expect(question.properties.recommended.type).toEqual(['string', 'null']);
    expect(question.properties.options.items.additionalProperties).toBe(false);
  });
});

describe('isStrictSchema', () => {
  it('accepts the strict base', () => {
    expect(isStrictSchema(strictBase())).toEqual([]);
  });

  it.each<[string, (s: Record<string, any>) => unknown, RegExp]>([
    ['root not an object schema', () => ({ type: 'array', items: { type: 'string' } }), /^#: root must have type "object"/],
    ['not a JSON object', () => 'nope', /schema is not a JSON object/],
    ['root additionalProperties missing', (s) => { delete s.additionalProperties; return s; }, /^#: "additionalProperties" must be false/],
    ['additionalProperties true', (s) => { s.additionalProperties = true; return s; }, /^#: "additionalProperties" must be false/],
    ['additionalProperties {} (looseObject)', (s) => { s.additionalProperties = {}; return s; }, /must be false/],
    ['nested array item not closed', (s) => { delete s.properties.items.items.additionalProperties; return s; }, /^#\/properties\/items\/items: "additionalProperties" must be false/],
    ['optional property', (s) => { s.required = ['status', 'items']; return s; }, /property "note" is not in "required"/],
    ['required missing', (s) => { delete s.required; return s; }, /"required" must list every property/],
    ['required names an unknown property', (s) => { s.required.push('ghost'); return s; }, /"required" names unknown property "ghost"/],
    ['default keyword', (s) => { s.properties.status.default = 'a'; return s; }, /#\/properties\/status: unsupported keyword "default"/],
    ['$schema keyword', (s) => ({ $schema: 'https://json-schema.org/draft/2020-12/schema', ...s }), /unsupported keyword "\$schema"/],
    ['oneOf', (s) => { s.properties.note = { oneOf: [{ type: 'string' }, { type: 'null' }] }; return s; }, /unsupported keyword "oneOf"/],
    ['validation keyword', (s) => { s.properties.status.minLength = 1; return s; }, /unsupported keyword "minLength"/],
    ['array without items', (s) => { delete s.properties.items.items; return s; }, /#\/properties\/items: array without "items"/],
    ['unknown type', (s) => { s.properties.status.type = 'text'; return s; }, /unknown type "text"/],
    ['untyped value', (s) => { s.properties.note = {}; return s; }, /#\/properties\/note: subschema has no "type"/],
    ['object without properties', (s) => { s.properties.note = { type: 'object', additionalProperties: false }; return s; }, /#\/properties\/note: object without "properties"/],
    ['bad anyOf member', (s) => { s.properties.note = { anyOf: [{ type: 'object', properties: { y: { type: 'string' } }, required: ['y'] }, { type: 'null' }] }; return s; }, /#\/properties\/note\/anyOf\/0: "additionalProperties" must be false/],
    ['nested too deep', (s) => { let node = s; for (let i = 0; i < 11; i++) { node.properties.deep = { type: 'object', properties: {}, required: [], additionalProperties: false }; node.required.push('deep'); node = node.properties.deep; } return s; }, /nested deeper than 10/],
  ])('catches %s', (_name, breakIt, message) => {
    const violations = isStrictSchema(breakIt(strictBase()));
    expect(violations.length).toBeGreaterThan(0);
    expect(violations.join('\n')).toMatch(message);
  });
});

describe('writeVerdictSchema', () => {
  let dir: string | null = null;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = null;
  });

  it.each(GATES)('writes <dir>/%s-verdict.schema.json and returns its path', async (gate) => {
    dir = await mkdtemp(join(tmpdir(), 'cccc-schema-'));
    const path = await writeVerdictSchema(gate, join(dir, 'nested'));
    expect(path).toBe(join(dir, 'nested', `${gate}-verdict.schema.json`));
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual(verdictJsonSchema(gate));
  });
});

/** Public surface of the verdict schemas (issue #3 §2): zod schemas, types, parsing and the strict JSON Schema. */
export * from './schemas.js';
export * from './parse.js';
export * from './json-schema.js';

/** Public surface of the pure workflow machine package (`machines/`). */
export * from './status-table.js';
export * from './types.js';
export * from './severity.js';
export * from './guards.js';
export * from './resume.js';
export * from './updates.js';
export * from './workflow.js';
export * from './run.js';
export * from './graph.js';

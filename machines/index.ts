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
export * from './policy-types.js';
export * from './ledger.js';
export * from './review-policy.js';
export * from './bypass.js';
export * from './policy-updates.js';
export * from './states.js';

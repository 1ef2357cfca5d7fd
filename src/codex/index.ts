/** Public surface of the Codex adapter (issue #3 §1–§2): running `codex exec`, its events, failures and prompts. */
export * from './args.js';
export * from './classify.js';
export * from './command.js';
export * from './events.js';
export * from './exec.js';
export * from './process-group.js';
export * from './progress.js';
export * from './prompts.js';
export * from './status.js';

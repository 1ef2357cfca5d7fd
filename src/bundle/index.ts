/** The context bundle Codex reviews from (issue #3 §3): collector, pure assembler, writer. */
export { assembleBundle, DEFAULT_MAX_CONTEXT_BYTES, MIN_BUNDLE_BYTES } from './assemble.js';
export { MIN_HUNK_SHARE_BYTES } from './allocate-hunks.js';
export { buildContextBundle } from './build.js';
export type { ContextBundleInput } from './build.js';
export { collectBundleParts } from './collect.js';
export type { BundleOptions } from './collect.js';
export { BUNDLE_EXCLUDED_PATHS, isExcludedFromBundle, isSecretPath } from './secrets.js';
export { PLANNING_DOC_NAMES } from './types.js';
export type { BundleDiff, BundleDiffFile, BundleDoc, BundleParts, ContextBundle, TruncatedSection } from './types.js';
export { writeContextBundle } from './write.js';

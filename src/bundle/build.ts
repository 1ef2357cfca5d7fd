/** One call for the review command: collect the parts, assemble the bundle. */
import type { WorkspacePaths } from '../workspace/paths.js';
import { assembleBundle } from './assemble.js';
import { collectBundleParts, type BundleOptions } from './collect.js';
import type { ContextBundle } from './types.js';

/** Input of {@link buildContextBundle}: the workspace and what the review command knows. */
export interface ContextBundleInput extends BundleOptions {
  paths: WorkspacePaths;
}

/**
 * Build the context bundle for a review: {@link collectBundleParts} then {@link assembleBundle} (same inputs →
 * same bytes; at most `maxBytes` UTF-8 bytes). Does not write it — see `writeContextBundle`.
 */
export async function buildContextBundle(input: ContextBundleInput): Promise<ContextBundle> {
  const { paths, ...options } = input;
  return assembleBundle(await collectBundleParts(paths.root, options), options.maxBytes);
}

/**
 * Whether a planning doc is written: `missing`, still the `template` (it contains the `cccc:template` marker
 * that every generated template carries), or `filled`. The discovery guard needs every discovery doc filled
 * (issue #2 §2, "differs from its template").
 */
import { readFile } from 'node:fs/promises';
import type { DocState } from '../../machines/types.js';
import type { WorkspacePaths } from '../workspace/paths.js';
import { TEMPLATE_MARKER } from '../setup/markers.js';

/** The marker every docs-template file carries until Claude replaces its content (defined in setup/markers.ts). */
export { TEMPLATE_MARKER };

/** The state of one doc from its text (null = the file does not exist). Empty or whitespace-only counts as template. */
export function docStateOf(text: string | null): DocState {
  if (text === null) return 'missing';
  if (text.includes(TEMPLATE_MARKER) || text.trim() === '') return 'template';
  return 'filled';
}

/** The states of `names` (files under `docs/cccc/`). */
export async function docStates(paths: WorkspacePaths, names: readonly string[]): Promise<Record<string, DocState>> {
  const entries = await Promise.all(
    names.map(async (name) => {
      const text = await readFile(paths.doc(name), 'utf8').catch(() => null);
      return [name, docStateOf(text)] as const;
    }),
  );
  return Object.fromEntries(entries);
}

/**
 * Discovery-doc states for the Stop hook's `next` instruction, read synchronously. The rule is `docStateOf` of
 * src/plan/docs.ts (missing / `cccc:template` marker or blank / filled); that module is not imported here
 * because it loads `node:fs/promises`, whose stream modules cost the hook milliseconds (bench/hook.mjs).
 * test/unit/hook-entry.test.ts checks both give the same answers.
 */
import { fs } from './node-fs.js';
import { DISCOVERY_DOCS } from '../../machines/guards.js';
import type { DocState } from '../../machines/types.js';
import type { WorkspacePaths } from '../workspace/paths.js';

const { readFileSync } = fs;

/** Same text as `TEMPLATE_MARKER` in src/plan/docs.ts. */
const TEMPLATE_MARKER = 'cccc:template';

/** The state of one doc from its text (null = missing), as `docStateOf` in src/plan/docs.ts. */
export function hookDocState(text: string | null): DocState {
  if (text === null) return 'missing';
  return text.includes(TEMPLATE_MARKER) || text.trim() === '' ? 'template' : 'filled';
}

/** The states of the discovery docs under `docs/cccc/`. */
export function discoveryDocStates(paths: WorkspacePaths): Record<string, DocState> {
  const states: Record<string, DocState> = {};
  for (const name of DISCOVERY_DOCS) {
    let text: string | null;
    try {
      text = readFileSync(paths.doc(name), 'utf8');
    } catch {
      text = null;
    }
    states[name] = hookDocState(text);
  }
  return states;
}

/**
 * `hooks-template/hooks.json`: cccc's hook registrations with `${CCCC_NODE}` and `${CCCC_ENTRY}` placeholders
 * (issue #4 §2). Filled, its `hooks` object is what `planHookRegistration` merges into `.claude/settings.json`;
 * the same template generates the plugin's `hooks/hooks.json` (there `${CLAUDE_PLUGIN_ROOT}` stays for Claude
 * Code to substitute, external-interfaces B6).
 *
 * Exec form (`command` + `args`, Claude Code ≥ 2.1.139): no shell, so paths with spaces work (B1, D5).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { InvalidInputError } from '../errors.js';
import type { HookRegistrations } from './settings.js';

/** Template path relative to the package root. */
export const HOOK_TEMPLATE_FILE = 'hooks-template/hooks.json';

/** Values for the placeholders. */
export interface HookTemplateValues {
  /** `${CCCC_NODE}`: the node binary, e.g. `process.execPath` (absolute) or `node`. */
  node: string;
  /** `${CCCC_ENTRY}`: absolute path of the installed `dist/src/bin.js`. */
  entry: string;
}

/**
 * Fill the template text: placeholders are replaced inside the parsed JSON strings (so quotes, spaces and
 * backslashes in paths need no escaping). Returns the `hooks` object. Throws `InvalidInputError('HOOK_TEMPLATE_INVALID')`
 * when the text is not `{"hooks": {<event>: [{hooks: [...]}]}}`.
 */
export function fillHookTemplate(templateText: string, values: HookTemplateValues): HookRegistrations {
  let parsed: unknown;
  try {
    parsed = JSON.parse(templateText);
  } catch (error) {
    throw templateError(`is not valid JSON (${(error as Error).message})`);
  }
  const hooks = (parsed as { hooks?: unknown } | null)?.hooks;
  if (typeof hooks !== 'object' || hooks === null || Array.isArray(hooks)) throw templateError('has no "hooks" object');
  for (const [event, groups] of Object.entries(hooks)) {
    if (!Array.isArray(groups) || !groups.every((g) => Array.isArray((g as { hooks?: unknown } | null)?.hooks)))
      throw templateError(`"hooks.${event}" must be an array of {hooks: [...]} groups`);
  }
  return substitute(hooks, values) as HookRegistrations;
}

/** Read and fill the template shipped with this package (found by walking up from this module). */
export async function loadHookRegistrations(values: HookTemplateValues, templatePath?: string): Promise<HookRegistrations> {
  const file = templatePath ?? (await findTemplate());
  return fillHookTemplate(await readFile(file, 'utf8'), values);
}

/** `hooks-template/hooks.json` of this package: src/claude → root, or dist/src/claude → root. */
async function findTemplate(): Promise<string> {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 5; up++) {
    const candidate = path.join(dir, HOOK_TEMPLATE_FILE);
    const found = await readFile(candidate, 'utf8').then(() => true, () => false);
    if (found) return candidate;
    dir = path.dirname(dir);
  }
  throw templateError('was not found next to the installed package');
}

function substitute(value: unknown, values: HookTemplateValues): unknown {
  if (typeof value === 'string') return value.replaceAll('${CCCC_NODE}', values.node).replaceAll('${CCCC_ENTRY}', values.entry);
  if (Array.isArray(value)) return value.map((v) => substitute(v, values));
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, values)]));
  return value;
}

function templateError(problem: string): InvalidInputError {
  return new InvalidInputError('HOOK_TEMPLATE_INVALID', `${HOOK_TEMPLATE_FILE} ${problem}.`, 'Reinstall cccc; the package is damaged.', { file: HOOK_TEMPLATE_FILE });
}

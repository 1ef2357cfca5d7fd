/**
 * The language for a command's human output, found without failing: `language.user_language` from the
 * workspace's `docs/cccc/config.json` when it can be read, else `auto` (LC_ALL / LC_MESSAGES / LANG). Used by
 * the CLI to render results, and by `doctor`, which must print even when the config is broken (issue #5).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { findUp } from '../workspace/root.js';
import { resolveLanguage, type Language } from './language.js';

/** The configured `language.user_language` in `configText`, or undefined when it is not readable. */
export function configuredLanguage(configText: string | null): string | undefined {
  if (configText === null) return undefined;
  try {
    const value = (JSON.parse(configText) as { language?: { user_language?: unknown } } | null)?.language?.user_language;
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The user's language for the workspace containing `cwd`. Never throws. */
export function userLanguage(cwd: string, env: Record<string, string | undefined> = process.env): Language {
  let text: string | null = null;
  try {
    const root = findUp(cwd, path.join('docs', 'cccc', 'config.json'));
    if (root !== null) text = readFileSync(path.join(root, 'docs', 'cccc', 'config.json'), 'utf8');
  } catch {
    text = null;
  }
  return resolveLanguage(configuredLanguage(text), env);
}

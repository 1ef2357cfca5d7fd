/**
 * Building the config setup will write (issue #2 §4): a preset, or a custom (possibly partial) JSON file deep-merged
 * over the recommended preset, then `--language`, then validated so errors name the field path and the allowed
 * values. Nothing here writes files.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { validateConfig } from '../config/load.js';
import { presetConfig, recommendedConfig, type PresetName } from '../config/presets.js';
import type { CcccConfig } from '../config/schema.js';
import { InvalidInputError } from '../errors.js';

/** Where the new config comes from. `config` is a complete config built by the wizard. */
export type ConfigSource =
  | { kind: 'preset'; preset: PresetName }
  | { kind: 'file'; file: string }
  | { kind: 'config'; config: CcccConfig };

/** How to read a custom config: `file` relative to `cwd`, or `-` for `stdin`. */
export interface ConfigInput {
  cwd: string;
  stdin: NodeJS.ReadableStream;
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Deep merge: objects merge key by key, everything else (arrays, scalars, null) in `patch` replaces `base`.
 * Neither input is modified.
 */
export function deepMerge(base: unknown, patch: unknown): unknown {
  if (!isObject(base) || !isObject(patch)) return structuredClone(patch);
  const merged: JsonObject = structuredClone(base);
  for (const [key, value] of Object.entries(patch)) merged[key] = key in merged ? deepMerge(merged[key], value) : structuredClone(value);
  return merged;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Read a custom config file (or stdin for `-`) and parse it as a JSON object. Throws {@link InvalidInputError}
 * `CONFIG_FILE_UNREADABLE` or `CONFIG_INVALID` (not JSON, or not an object) naming the file.
 */
export async function readCustomConfig(file: string, input: ConfigInput): Promise<{ label: string; value: JsonObject }> {
  const label = file === '-' ? '<stdin>' : file;
  let text: string;
  try {
    text = file === '-' ? await readAll(input.stdin) : await readFile(path.resolve(input.cwd, file), 'utf8');
  } catch (error) {
    throw new InvalidInputError('CONFIG_FILE_UNREADABLE', `Cannot read the custom config ${label}: ${(error as Error).message}`, 'Check the path given to --config-file.', { file: label });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InvalidInputError('CONFIG_INVALID', `${label} is not valid JSON: ${(error as Error).message}`, `Fix the JSON syntax in ${label}.`, { file: label });
  }
  if (!isObject(value)) {
    throw new InvalidInputError('CONFIG_INVALID', `${label} must hold a JSON object (the fields of config.json to change).`, 'Example: {"mode": "manual", "review": {"block_on_p1": false}}', { file: label });
  }
  return { label, value };
}

/**
 * The validated config for `source`, with `language` applied when given (`auto` turns auto-detection on, any
 * other tag turns it off — inventory §1.2). A file config is merged over `{...recommended, preset: 'custom'}`.
 * Throws {@link InvalidInputError} `CONFIG_INVALID` (from `validateConfig`) listing `field.path: problem` lines.
 */
export async function buildConfig(source: ConfigSource, language: string | undefined, input: ConfigInput): Promise<CcccConfig> {
  let value: unknown;
  let label = 'the new config';
  if (source.kind === 'preset') value = presetConfig(source.preset);
  else if (source.kind === 'config') value = structuredClone(source.config);
  else {
    const custom = await readCustomConfig(source.file, input);
    label = custom.label;
    value = deepMerge({ ...recommendedConfig(), preset: 'custom' }, custom.value);
  }
  if (language !== undefined && isObject(value)) {
    value.language = { ...(isObject(value.language) ? value.language : {}), user_language: language, auto_detect: language === 'auto' };
  }
  return validateConfig(value, label);
}

/**
 * Reading `docs/cccc/config.json`: parse, validate with zod, and report every problem with its field path
 * and the allowed values (issue #2 §4). A file that does not parse is never rewritten here.
 */
import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import type { Limits } from '../../machines/types.js';
import { InvalidInputError, NotSetUpError } from '../errors.js';
import type { WorkspacePaths } from '../workspace/paths.js';
import { ConfigSchema, type CcccConfig } from './schema.js';

/** One config problem: the dotted field path and what is wrong with it. */
export interface ConfigIssue {
  path: string;
  message: string;
}

/** Turn zod issues into `{path, message}` lines that name the field and, for enums and literals, the allowed values. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): ConfigIssue[] {
  return issues.map((issue) => {
    const path = issue.path.length ? issue.path.map(String).join('.') : '(root)';
    let message = issue.message;
    if (issue.code === 'invalid_value') message = `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    if (issue.code === 'unrecognized_keys') message = `unknown key(s) ${issue.keys.join(', ')} — check the spelling`;
    return { path, message };
  });
}

/**
 * Validate a parsed config object. Throws {@link InvalidInputError} `CONFIG_INVALID` listing every issue as
 * `field.path: problem` with `file` naming the file.
 */
export function validateConfig(value: unknown, file: string): CcccConfig {
  const result = ConfigSchema.safeParse(value);
  if (result.success) return result.data;
  const issues = describeIssues(result.error.issues);
  throw new InvalidInputError(
    'CONFIG_INVALID',
    `${file} is invalid:\n${issues.map((i) => `  - ${i.path}: ${i.message}`).join('\n')}`,
    `Fix the field(s) above in ${file} (or compare with \`cccc setup --preset recommended --rebuild\`, which backs the file up first).`,
    { file, issues },
  );
}

/**
 * Parse config text. Throws {@link InvalidInputError} `CONFIG_INVALID` when it is not JSON (naming the file and
 * the parser's message) or fails validation.
 */
export function parseConfigText(text: string, file: string): CcccConfig {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InvalidInputError(
      'CONFIG_INVALID',
      `${file} is not valid JSON: ${(error as Error).message}`,
      `Fix the JSON syntax in ${file}; cccc will not overwrite a file it cannot parse.`,
      { file },
      error,
    );
  }
  return validateConfig(value, file);
}

/**
 * Load and validate the workspace config. Throws {@link NotSetUpError} `CONFIG_MISSING` when the file does not
 * exist (hint: `cccc setup`), {@link InvalidInputError} `CONFIG_INVALID` when it is unreadable or invalid.
 */
export async function loadConfig(paths: WorkspacePaths): Promise<CcccConfig> {
  let text: string;
  try {
    text = await readFile(paths.config, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new NotSetUpError('CONFIG_MISSING', `${paths.rel(paths.config)} does not exist.`, 'Run `cccc setup` in this repository first.');
    }
    throw new InvalidInputError('CONFIG_INVALID', `Cannot read ${paths.rel(paths.config)}: ${(error as Error).message}`, 'Check the file permissions.');
  }
  return parseConfigText(text, paths.rel(paths.config));
}

/** The machine's {@link Limits} from a config (the thresholds the machine enforces). */
export function limitsFromConfig(config: CcccConfig): Limits {
  return {
    maxPlanReviewRounds: config.planning.max_plan_review_rounds,
    maxReviewRoundsPerMilestone: config.review.max_review_rounds_per_milestone,
    maxFixAttemptsPerMilestone: config.review.max_fix_attempts_per_milestone,
    maxMilestonesPerRun: config.milestones.max_milestones_per_run,
    maxDiffLinesPerMilestone: config.milestones.max_diff_lines_per_milestone,
    maxChangedFilesPerMilestone: config.milestones.max_changed_files_per_milestone,
    blockOnP1: config.review.block_on_p1,
    allowContinueWithP2: config.review.allow_continue_with_p2,
  };
}

/**
 * The `codex exec` argument list for a review (issue #3 §1; flags per external-interfaces A2):
 * `exec --cd <root> --sandbox read-only --skip-git-repo-check --json --output-schema <schema>
 *  --output-last-message <out> [...codex.extra_args] -` — the trailing `-` reads the prompt from stdin.
 *
 * `codex.extra_args` is for model and reasoning effort (`-m`, `-c model_reasoning_effort="high"`). Flags that
 * would weaken the read-only reviewer or redirect cccc's own files are refused: the sandbox, approval bypasses,
 * the removed `--full-auto` (a clap error since 0.147, A2), the working root, the schema, the output file.
 */
import { InvalidInputError } from '../errors.js';

/** Where a review runs and what it reads and writes. */
export interface CodexExecArgsInput {
  /** Repository root, passed as `--cd`. */
  root: string;
  /** `--output-schema` file (JSON Schema of the gate's verdict). */
  schemaFile: string;
  /** `--output-last-message` file Codex writes the verdict to. */
  outputFile: string;
  /** `codex.extra_args`, appended before the final `-`. */
  extraArgs?: readonly string[];
}

/** Flags `codex.extra_args` may not contain (exact, or as `--flag=value`). */
export const FORBIDDEN_EXTRA_FLAGS: readonly string[] = [
  '-s', '--sandbox', '-a', '--ask-for-approval', '--dangerously-bypass-approvals-and-sandbox', '--yolo', '--full-auto',
  '-C', '--cd', '--output-schema', '-o', '--output-last-message', '--json', '--experimental-json', '--add-dir',
];

/** `-c` overrides `codex.extra_args` may not set (they would change the sandbox or approvals). */
const FORBIDDEN_CONFIG_KEYS = /^(sandbox_mode|sandbox_workspace_write|approval_policy)\b/;

/**
 * The full argument list after the program (and any words of `codex.cli_command` after it).
 * @throws InvalidInputError `CONFIG_INVALID` naming the offending `codex.extra_args` entry.
 */
export function codexExecArgs(input: CodexExecArgsInput): string[] {
  const extra = [...(input.extraArgs ?? [])];
  checkExtraArgs(extra);
  return [
    'exec',
    '--cd', input.root,
    '--sandbox', 'read-only',
    '--skip-git-repo-check',
    '--json',
    '--output-schema', input.schemaFile,
    '--output-last-message', input.outputFile,
    ...extra,
    '-',
  ];
}

/** Refuse extra args that break the review's guarantees (see the module comment). */
export function checkExtraArgs(extraArgs: readonly string[]): void {
  extraArgs.forEach((arg, i) => {
    const flag = arg.split('=')[0] ?? arg;
    const previous = extraArgs[i - 1];
    const configValue = arg.startsWith('--config=') ? arg.slice('--config='.length) : previous === '-c' || previous === '--config' ? arg : null;
    if (FORBIDDEN_EXTRA_FLAGS.includes(flag) || (configValue !== null && FORBIDDEN_CONFIG_KEYS.test(configValue))) {
      throw new InvalidInputError(
        'CONFIG_INVALID',
        `docs/cccc/config.json: codex.extra_args[${i}] ${JSON.stringify(arg)} is not allowed: cccc runs the reviewer read-only and sets its own --cd, --json, --output-schema and -o.`,
        'Keep codex.extra_args to model and reasoning options, e.g. ["-m", "gpt-5.5", "-c", "model_reasoning_effort=\\"high\\""].',
        { field: 'codex.extra_args', index: i, value: arg },
      );
    }
    if (arg === '-' || (i === extraArgs.length - 1 && !arg.startsWith('-') && !isFlagValue(extraArgs, i))) {
      throw new InvalidInputError(
        'CONFIG_INVALID',
        `docs/cccc/config.json: codex.extra_args[${i}] ${JSON.stringify(arg)} looks like a prompt; cccc sends the prompt on stdin.`,
        'Remove positional arguments from codex.extra_args.',
        { field: 'codex.extra_args', index: i, value: arg },
      );
    }
  });
}

/** True when `args[i]` is the value of the flag before it (`-m gpt-5`, `-c key=value`, `--profile p`). */
function isFlagValue(args: readonly string[], i: number): boolean {
  const previous = args[i - 1];
  return previous !== undefined && previous.startsWith('-') && !previous.includes('=');
}

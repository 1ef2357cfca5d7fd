/**
 * The one place cccc runs `git` (style.md, "sindresorhus/np": one small named function per git operation, all
 * through this runner). Every call gets a pinned environment and config so output does not depend on the
 * user's git config or locale, and so read-only calls never take git's optional index lock.
 */
import { execa, ExecaError } from 'execa';
import { CcccError, InvalidInputError, NotSetUpError } from '../errors.js';

/**
 * Environment for every git call: `GIT_OPTIONAL_LOCKS=0` keeps `status`/`diff` from refreshing the index
 * (a read must not write, even inside `.git/`); `LC_ALL=C` gives stable English messages; no prompts.
 */
export const GIT_ENV: Readonly<Record<string, string>> = { GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C', GIT_TERMINAL_PROMPT: '0' };

/**
 * `-c` options before every subcommand: raw UTF-8 path names (only control characters and `"` are quoted), and
 * 3 lines of diff context (a config, not `--unified`, which would also turn on patch output for `--numstat`).
 */
export const GIT_CONFIG_ARGS: readonly string[] = ['-c', 'core.quotepath=off', '-c', 'diff.context=3'];

/**
 * Flags that make `git diff` output independent of user config: no colour, no external diff or textconv
 * drivers (they could run arbitrary programs), `a/` `b/` prefixes, paths relative to the root, the Myers algorithm, and no rename detection (each file section then names exactly one path, which the
 * bundle's secret filter and stat rely on).
 */
export const DIFF_FLAGS: readonly string[] = [
  '--no-color',
  '--no-ext-diff',
  '--no-textconv',
  '--no-renames',
  '--no-relative',
  '--src-prefix=a/',
  '--dst-prefix=b/',
  '--diff-algorithm=myers',
];

/** Options of {@link runGit}. */
export interface RunGitOptions {
  /** Exit codes that are answers, not failures (e.g. 1 for `rev-parse --verify --quiet`). */
  okExitCodes?: readonly number[];
  /** Largest stdout accepted, in bytes (execa's `maxBuffer`); default 128 MiB. */
  maxBufferBytes?: number;
}

/** Result of {@link runGit}: stdout as UTF-8 text (final newline kept) and the exit code. */
export interface GitResult {
  stdout: string;
  exitCode: number;
}

/** Run `git <args>` in `cwd` and buffer stdout. Throws {@link gitFailure} unless the exit code is 0 or allowed. */
export async function runGit(cwd: string, args: readonly string[], options: RunGitOptions = {}): Promise<GitResult> {
  const ok = options.okExitCodes ?? [];
  try {
    const result = await execa('git', [...GIT_CONFIG_ARGS, ...args], {
      cwd,
      env: GIT_ENV,
      stripFinalNewline: false,
      maxBuffer: options.maxBufferBytes ?? 128 * 1024 * 1024,
      reject: false,
    });
    if (result.failed && (result.exitCode === undefined || !ok.includes(result.exitCode))) throw result;
    return { stdout: result.stdout, exitCode: result.exitCode ?? 0 };
  } catch (error) {
    throw gitFailure(args, error);
  }
}

/**
 * Run `git <args>` in `cwd`, handing stdout to `onChunk` as raw bytes as they arrive (nothing is buffered
 * here), for outputs that can be larger than memory should hold (a whole diff). Throws {@link gitFailure}
 * on a non-zero exit; if `onChunk` throws, git is killed and the error rethrown.
 */
export async function streamGit(cwd: string, args: readonly string[], onChunk: (chunk: Buffer) => void): Promise<void> {
  const subprocess = execa('git', [...GIT_CONFIG_ARGS, ...args], { cwd, env: GIT_ENV, buffer: { stdout: false }, encoding: 'buffer' });
  try {
    for await (const chunk of subprocess.stdout) onChunk(chunk as Buffer);
    await subprocess;
  } catch (error) {
    subprocess.kill();
    await subprocess.catch(() => undefined);
    if (error instanceof ExecaError) throw gitFailure(args, error);
    throw error;
  }
}

/**
 * Turn a failed git call into a typed error: git missing → NotSetUpError `GIT_NOT_FOUND`; an unknown base
 * commit → InvalidInputError `GIT_UNKNOWN_REVISION`; anything else → CcccError `GIT_FAILED` with stderr.
 */
export function gitFailure(args: readonly string[], error: unknown): CcccError {
  if (error instanceof CcccError) return error;
  const failure = error as { code?: string; stderr?: unknown; shortMessage?: string; message?: string };
  const command = `git ${args.join(' ')}`;
  if (failure.code === 'ENOENT') {
    return new NotSetUpError('GIT_NOT_FOUND', 'git is not installed or not on PATH.', 'Install git (https://git-scm.com) and try again.');
  }
  const stderr = typeof failure.stderr === 'string' ? failure.stderr.trim() : Buffer.isBuffer(failure.stderr) ? failure.stderr.toString('utf8').trim() : '';
  if (/unknown revision|bad revision|bad object|not a valid object name|ambiguous argument|could not get object info/i.test(stderr)) {
    return new InvalidInputError('GIT_UNKNOWN_REVISION', `${command} failed: ${stderr}`, 'The recorded base commit no longer exists (history rewritten?). Re-record the base or restart the milestone.', { command });
  }
  return new CcccError('GIT_FAILED', `${command} failed: ${stderr || failure.shortMessage || failure.message || 'unknown error'}`, { details: { command }, cause: error });
}

/**
 * Where the pinned real clients live (devDependencies `@openai/codex`, `@anthropic-ai/claude-code`) and a
 * probe that tells an end-to-end test whether a binary can run on this machine at all.
 */
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Absolute path of `node_modules/.bin/codex` (codex-cli 0.169.0). */
export const CODEX_BIN = `${REPO_ROOT}node_modules/.bin/codex`;

/** Absolute path of `node_modules/.bin/claude` (Claude Code 2.1.197). */
export const CLAUDE_BIN = `${REPO_ROOT}node_modules/.bin/claude`;

/**
 * Runs `<bin> --version` (10 s limit) and returns undefined when it exits 0 with output, else a one-line reason
 * to pass to `describe.skipIf` — only a binary that cannot start at all may skip its tests.
 */
export async function binaryProblem(bin: string): Promise<string | undefined> {
  const result = await execa(bin, ['--version'], { reject: false, timeout: 10_000, stdin: 'ignore' });
  if (result.exitCode === 0 && result.stdout.trim() !== '') return undefined;
  const why = result.failed ? result.shortMessage : `exit ${result.exitCode}`;
  return `${bin} --version failed (${why}); is the devDependency installed for this platform?`;
}

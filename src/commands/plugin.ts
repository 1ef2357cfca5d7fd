/**
 * `cccc plugin build [--out DIR] [--json]` (issue #7): write the Claude Code plugin layout of this installation
 * (src/plugin/) — a self-contained directory that is also a one-plugin marketplace. Install it with
 * `claude plugin marketplace add DIR` and `claude plugin install cc-codex-collaborate@cc-codex-collaborate`, or
 * load it for one session with `claude --plugin-dir DIR`.
 */
import path from 'node:path';
import { buildPlugin, type PluginBuildResult } from '../plugin/build.js';
import { MARKETPLACE_NAME, PLUGIN_NAME } from '../plugin/layout.js';
import { packageRoot } from '../workspace/package-root.js';
import type { CommandDeps } from './workspace.js';

export type { PluginBuildResult } from '../plugin/build.js';

/** Build the plugin into `options.out` (relative to `deps.cwd`). Throws `PLUGIN_OUT_NOT_EMPTY`, `DEPENDENCY_MISSING`. */
export async function runPluginBuild(options: { out: string; packageDir?: string }, deps: Pick<CommandDeps, 'cwd' | 'now' | 'log'>): Promise<PluginBuildResult> {
  const out = path.resolve(deps.cwd, options.out);
  deps.log(`cccc: building the ${PLUGIN_NAME} plugin in ${out}`);
  return buildPlugin(options.packageDir ?? packageRoot(), out, deps.now());
}

/** Human rendering: what was written and the two ways to install it. */
export function formatPluginBuild(r: PluginBuildResult): string {
  const quoted = JSON.stringify(r.out);
  return [
    `${r.replaced ? 'Rebuilt' : 'Built'} the ${r.name} ${r.version} Claude Code plugin: ${r.out}`,
    `  commands: ${r.commands.join(', ')}`,
    `  hooks:    ${r.hooks.join(', ')} — in every session with the plugin enabled; Stop and StopFailure act only in a repository set up with cccc (the Stop hook only while \`cccc loop start\` is on), and they defer to the project's own cccc hooks when \`cccc loop start\` registered them; the PreToolUse guard denies destructive commands and secret reads everywhere`,
    `  runtime:  dist/, templates and ${r.dependencies.length} production dependencies (${r.files} files, ${(r.bytes / 1024 / 1024).toFixed(1)} MB); \`cccc\` is on the Bash PATH via bin/`,
    '',
    'Install it:',
    `  claude plugin marketplace add ${quoted}`,
    `  claude plugin install ${PLUGIN_NAME}@${MARKETPLACE_NAME}`,
    `or load it for one session: claude --plugin-dir ${quoted}`,
  ].join('\n');
}

/**
 * What the plugin's hooks run (hooks/hooks.json written by `cccc plugin build`:
 * `node ${CLAUDE_PLUGIN_ROOT}/dist/src/plugin/hook-bin.js <stop|stop-failure|guard>`; hook-bin.ts calls
 * {@link runPluginHook}). It runs the same hook as `cccc hook <name>` — unless the project's own settings already
 * register cccc's hook of that name (`cccc loop start` writes them into `.claude/settings.json` or
 * `.claude/settings.local.json`). Claude Code runs the plugin's hooks AND the project's (hooks merge across
 * sources, external-interfaces B2) and only identical handlers run once (B1); the two differ in path, so without
 * this check a Stop would be decided twice — two continuations counted, and the second decision, seeing no
 * progress since the first, would count a no-progress block.
 *
 * The check reads `$CLAUDE_PROJECT_DIR/.claude/settings{,.local}.json` (the project Claude Code loaded, B6) with
 * `JSON.parse`; a file that does not parse registers nothing (Claude Code cannot load it either). Exit code 0
 * always, like `cccc hook` (it fails open).
 */
import path from 'node:path';
import { fs } from '../hooks/hook-io.js';

/** The project settings files Claude Code reads hooks from (repo-relative). */
const PROJECT_SETTINGS = ['.claude/settings.json', '.claude/settings.local.json'];

/**
 * True when a settings file under `projectDir` registers cccc's hook `name` (a command handler whose `args` are
 * `[<…/dist/src/bin.js>, "hook", name]`, the shape `cccc loop start` writes). Never throws.
 */
export function projectRegistersHook(projectDir: string, name: string): boolean {
  return PROJECT_SETTINGS.some((rel) => {
    let settings: unknown;
    try {
      settings = JSON.parse(fs.readFileSync(path.join(projectDir, rel), 'utf8'));
    } catch {
      return false;
    }
    const events = (settings as { hooks?: unknown } | null)?.hooks;
    if (typeof events !== 'object' || events === null) return false;
    return Object.values(events).some(
      (groups) =>
        Array.isArray(groups) &&
        groups.some((group) => Array.isArray(group?.hooks) && group.hooks.some((handler: unknown) => isCcccHook(handler, name))),
    );
  });
}

function isCcccHook(handler: unknown, name: string): boolean {
  const args = (handler as { args?: unknown } | null)?.args;
  if (!Array.isArray(args) || args[1] !== 'hook' || args[2] !== name || typeof args[0] !== 'string') return false;
  return args[0].replace(/\\/g, '/').endsWith('dist/src/bin.js');
}

/** Run the plugin hook `name` (see the module doc). */
export async function runPluginHook(name: string, env: Record<string, string | undefined> = process.env): Promise<void> {
  const project = env.CLAUDE_PROJECT_DIR;
  // An enabled plugin runs in every project; its guard acts only in cccc workspaces (where `safety.*` applies).
  if (name === 'guard' && project && !fs.existsSync(path.join(project, 'docs', 'cccc', 'config.json'))) return;
  if (project && projectRegistersHook(project, name)) {
    process.stderr.write(`cccc plugin hook ${name}: the project's settings register cccc's ${name} hook (cccc loop start); that one decides\n`);
    return;
  }
  const { runHookEntry } = await import('../hooks/entry.js');
  await runHookEntry([name]);
}

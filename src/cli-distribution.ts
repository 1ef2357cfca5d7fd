/**
 * The commands and help texts about shipping and trying cccc (issue #7), added to the program built in
 * `src/cli.ts`: `cccc demo`, `cccc plugin build`, the `cccc hook <name>` entry as it appears in help (bin.ts
 * reaches it before commander, for speed), and the root help's examples, exit codes and install routes.
 * Actions load their modules lazily, like the rest of the CLI.
 */
import type { Command } from 'commander';
import { emit } from './output.js';
import { defaultDeps } from './commands/workspace.js';

/** Help text after the root command list. */
export const ROOT_HELP_AFTER = `
Try it (offline; the Codex reviewer is a labelled SIMULATION):
  cccc demo                          a throwaway repository driven from start to DONE

Use it in your own git repository (Claude Code and the Codex CLI installed and logged in):
  cccc setup                         create docs/cccc/ and .claude/commands/
  cccc start "<task>"                then follow \`cccc next\` (or /cc-codex-collaborate in Claude Code)
  cccc loop start                    opt in to the Stop-hook loop (full-auto-safe)
  cccc doctor                        what is wrong, with a fix hint per line

Install routes: npm (\`npm i -g cc-codex-collaborate\`) or a Claude Code plugin (\`cccc plugin build\`); see README.
Exit codes: 0 ok, 1 internal error, 2 usage, 3 refused, 4 invalid input, 5 locked, 6 Codex unavailable/failed,
7 not set up, 8 check failed. Every command takes --help; read commands take --json.
Shell completion: not provided (commander has no built-in completion generator).`;

/** Register `demo`, `plugin build` and `hook` on `program`, and the root help text. */
export function addDistributionCommands(program: Command): void {
  program.addHelpText('after', ROOT_HELP_AFTER);

  program
    .command('demo')
    .description('run the whole workflow on a throwaway repository with an offline SIMULATED reviewer (no Codex, no Claude, no network)')
    .option('--dir <dir>', 'create the demo repository here (a new or empty directory; default: a new temp dir)')
    .option('--json', 'print JSON: {simulation, notice, root, status, revision, reviews, gates, trace, verify}')
    .addHelpText('after', '\nThe reviewer refuses to run outside a repository created by `cccc demo` (marker .cccc-demo + token).')
    .action(async (opts: { dir?: string; json?: boolean }) => {
      const { runDemo, formatDemo } = await import('./commands/demo.js');
      emit(await runDemo({ ...(opts.dir === undefined ? {} : { dir: opts.dir }) }, defaultDeps()), opts.json, formatDemo);
    });

  const plugin = program.command('plugin').description('the Claude Code plugin layout of this package');
  plugin
    .command('build')
    .description('write a self-contained Claude Code plugin (and a one-plugin marketplace) from the templates and this installation')
    .option('--out <dir>', 'output directory (created; must be new, empty, or an earlier plugin build)', 'cc-codex-collaborate-plugin')
    .option('--json', 'print JSON: {out, name, version, commands, hooks, files, bytes}')
    .addHelpText('after', '\nThen: claude plugin marketplace add <dir> && claude plugin install cc-codex-collaborate@cc-codex-collaborate\n  (or, for one session: claude --plugin-dir <dir>)')
    .action(async (opts: { out: string; json?: boolean }) => {
      const { runPluginBuild, formatPluginBuild } = await import('./commands/plugin.js');
      emit(await runPluginBuild({ out: opts.out }, defaultDeps()), opts.json, formatPluginBuild);
    });

  program
    .command('hook')
    .description('(run by Claude Code, registered by `cccc loop start` or the plugin) a hook entry: reads the hook JSON on stdin, prints one decision JSON; always exits 0')
    .argument('<name>', 'stop | stop-failure | guard')
    .action(async (name: string) => {
      const { runHookEntry } = await import('./hooks/entry.js');
      await runHookEntry([name]);
    });
}

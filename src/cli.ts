/**
 * The commander program. Each action loads its command module lazily (so `cccc status` does not pay for
 * the Codex adapter) and prints through `emit`. Nothing here sets the exit code: errors propagate to
 * `src/bin.ts`.
 */
import { Command, Option } from 'commander';
import { emit } from './output.js';
import { defaultDeps } from './commands/workspace.js';
import { readStdinText } from './stdin.js';
import { UsageError } from './errors.js';
import { packageVersion } from './workspace/package-root.js';
import { userLanguage } from './i18n/user-language.js';
import { addPolicyCommands } from './cli-policy.js';
import { addDistributionCommands } from './cli-distribution.js';

const readStdin = async () => (await readStdinText()).text;
/** The language human output is printed in (`language.user_language`, else LANG); never throws. */
const lang = () => userLanguage(process.cwd());

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`"${value}" is not a whole number.`);
  return n;
}

/** Build the `cccc` program. */
export function buildProgram(): Command {
  const program = new Command('cccc')
    .description('Claude Code plans and implements; Codex reviews adversarially. A crash-safe state machine for the workflow.')
    .version(packageVersion(), '-V, --version')
    .showHelpAfterError('(run cccc --help for usage)')
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  program
    .command('setup')
    .description('create docs/cccc/ and .claude/commands/ in this git repository (never touches settings or hooks)')
    .addOption(new Option('--preset <name>', 'config preset').choices(['recommended', 'strict', 'custom']))
    .option('--config-file <file>', 'custom config JSON (a partial config is merged over recommended); - for stdin')
    .addOption(new Option('--language <lang>', 'user language').choices(['auto', 'en', 'zh-CN']))
    .option('--keep', 'keep an existing config; only fill missing files')
    .option('--rebuild', 'back up the existing config and rebuild it from the preset')
    .option('-y, --yes', 'never ask (non-interactive)')
    .option('--json', 'print JSON')
    .action(async (opts) => {
      const { runSetup, printSetupResult } = await import('./commands/setup.js');
      const result = await runSetup({ ...opts, readStdin }, defaultDeps());
      printSetupResult(result, { json: Boolean(opts.json) });
    });

  program
    .command('start')
    .description('start a task: the workflow begins with project discovery')
    .argument('<task...>', 'the task, in your own words')
    .option('--json', 'print JSON')
    .action(async (task: string[], opts) => {
      const { runStart, formatStart } = await import('./commands/start.js');
      emit(await runStart(task.join(' '), defaultDeps()), opts.json, (r) => formatStart(r, lang()));
    });

  program
    .command('next')
    .description("the current step: Claude's exact instruction and command")
    .option('--json', 'print JSON: {status, milestone, instruction, command, details, …}')
    .action(async (opts) => {
      const { runNext, formatNext } = await import('./commands/next.js');
      emit(await runNext(defaultDeps()), opts.json, (s) => formatNext(s, lang()));
    });

  program
    .command('status')
    .description('where the workflow is')
    .option('--json', 'print JSON: {status, milestone, revision, task, …}')
    .action(async (opts) => {
      const { runStatus, formatStatus } = await import('./commands/status.js');
      emit(await runStatus(defaultDeps()), opts.json, (r) => formatStatus(r, lang()));
    });

  program
    .command('submit')
    .description("hand Claude's finished step to the workflow")
    .argument('<step>', 'discovery | plan | milestone | fix')
    .option('--self-review <file>', 'self-review JSON file, or - for stdin (plan, milestone, fix)')
    .option('--json', 'print JSON')
    .action(async (step: string, opts) => {
      const { runSubmit, formatSubmit } = await import('./commands/submit.js');
      emit(await runSubmit({ step, selfReview: opts.selfReview, readStdin }, defaultDeps()), opts.json, (r) => formatSubmit(r, lang()));
    });

  program
    .command('pause')
    .description('pause the workflow for a human decision')
    .requiredOption('--kind <kind>', 'human | secret | sensitive | unsafe | system')
    .requiredOption('--reason <text>', 'why')
    .option('--json', 'print JSON')
    .action(async (opts) => {
      const { runPause, formatPause } = await import('./commands/pause.js');
      emit(await runPause(opts, defaultDeps()), opts.json, (r) => formatPause(r, lang()));
    });

  program
    .command('answer')
    .description('answer an open question (recorded in decision-log.md and the journal)')
    .requiredOption('--question <id>', 'question id, e.g. Q1')
    .option('--option <id>', 'the chosen option, e.g. A')
    .option('--text <text>', 'your own answer ("Other")')
    .option('--json', 'print JSON')
    .action(async (opts) => {
      const { runAnswer, formatAnswer } = await import('./commands/answer.js');
      emit(await runAnswer(opts, defaultDeps()), opts.json, (r) => formatAnswer(r, lang()));
    });

  program
    .command('resume')
    .description('leave a pause by a guarded strategy')
    .requiredOption('--strategy <s>', 'recommended | extend-review | skip | mock | replan | bypass-codex')
    .option('--confirm', 'a human approves this (required for some strategies)')
    .option('--reason <text>', 'why (recorded in decision-log.md); for bypass-codex one of codex.bypass.allowed_reasons')
    .option('--self-review <file>', "bypass-codex: Claude's adversarial review of the gate (JSON, reviewer \"claude\"), or - for stdin")
    .option('--json', 'print JSON')
    .action(async (opts) => {
      const { runResume, formatResume } = await import('./commands/resume.js');
      emit(await runResume(opts, defaultDeps()), opts.json, (r) => formatResume(r, lang()));
    });

  program
    .command('review')
    .description('run the Codex gate of the current status (plan, milestone or final)')
    .option('--json', 'print JSON')
    .action(async (opts) => {
      const { runReview, formatReview } = await import('./review/run-review.js');
      emit(await runReview(defaultDeps()), opts.json, (r) => formatReview(r, lang()));
    });

  const loop = program.command('loop').description('the Stop-hook loop: Claude Code keeps working through the workflow (full-auto-safe)');
  loop
    .command('start')
    .description('set full-auto-safe, enable the loop and register the cccc Stop, StopFailure and guard hooks')
    .option('--session-id <id>', 'the Claude Code session allowed to be continued (default: the first one that stops)')
    .option('--local', 'register in .claude/settings.local.json instead of .claude/settings.json')
    .option('--json', 'print JSON')
    .action(async (opts) => {
      const { runLoopStart, formatLoopStart } = await import('./commands/loop.js');
      emit(await runLoopStart({ sessionId: opts.sessionId, local: Boolean(opts.local) }, defaultDeps()), opts.json, formatLoopStart);
    });

  loop
    .command('stop')
    .description('remove the cccc hooks, disable the loop and restore the previous mode (counters kept)')
    .option('--json', 'print JSON')
    .action(async (opts) => {
      const { runLoopStop, formatLoopStop } = await import('./commands/loop.js');
      emit(await runLoopStop(defaultDeps()), opts.json, formatLoopStop);
    });

  loop
    .command('status')
    .description('config, hook registration, owner, counters, capped or not, and the Claude Code block cap')
    .option('--json', 'print JSON')
    .action(async (opts) => {
      const { runLoopStatus, formatLoopStatus } = await import('./commands/loop-status.js');
      emit(await runLoopStatus(defaultDeps()), opts.json, formatLoopStatus);
    });

  const gates = program
    .command('gates')
    .description('plan / milestone / final / safety gates')
    .option('--json', 'print JSON')
    .action(async (opts) => {
      const { runGates, formatGates } = await import('./commands/gates.js');
      emit(await runGates(defaultDeps()), opts.json, (r) => formatGates(r, lang()));
    });
  gates
    .command('assert')
    .description('prove the tree is what Codex approved at a gate (exit 8 when not)')
    .argument('<gate>', 'plan | milestone | final')
    .option('--milestone <id>', 'which milestone (default: the latest approved)')
    .option('--json', 'print JSON')
    .action(async (gate: string, opts) => {
      const { runGatesAssert, formatGatesAssert } = await import('./commands/gates-assert.js');
      emit(await runGatesAssert(gate, opts, defaultDeps()), opts.json, (r) => formatGatesAssert(r, lang()));
    });

  program
    .command('trace')
    .description('recent journal events, newest last')
    .option('--limit <n>', 'how many events (0 = all)', positiveInt, 20)
    .option('--verify', 'replay the whole journal and prove it reproduces state.json (exit 8 when it does not)')
    .option('--json', 'print JSON')
    .action(async (opts) => {
      if (opts.verify) {
        const { runTraceVerify, formatTraceVerify } = await import('./commands/trace-verify.js');
        return emit(await runTraceVerify(defaultDeps()), opts.json, formatTraceVerify);
      }
      const { runTrace, formatTrace } = await import('./commands/trace.js');
      emit(await runTrace({ limit: opts.limit }, defaultDeps()), opts.json, (r) => formatTrace(r, lang()));
    });

  program
    .command('repair')
    .description('fix what is safe (stale lock, missing dirs and commands, state rebuilt from the journal); never clears a pause')
    .option('--json', 'print JSON')
    .action(async (opts) => {
      const { runRepair, formatRepair } = await import('./commands/repair.js');
      emit(await runRepair(defaultDeps()), opts.json, formatRepair);
    });

  program
    .command('reset')
    .description('rebuild runtime state from the journal, review artifacts and planning docs (preview unless --yes)')
    .option('-y, --yes', 'apply (back up state.json and the journal first)')
    .option('--json', 'print JSON')
    .action(async (opts) => {
      const { runReset, formatReset } = await import('./commands/reset.js');
      emit(await runReset({ yes: Boolean(opts.yes) }, defaultDeps()), opts.json, formatReset);
    });

  program
    .command('update')
    .description('migrate config and state after a package upgrade (backups first), refresh generated commands')
    .option('--force', 'refresh even when the workspace is already current')
    .option('--json', 'print JSON')
    .action(async (opts) => {
      const { runUpdate, formatUpdate } = await import('./commands/update.js');
      emit(await runUpdate({ force: Boolean(opts.force) }, defaultDeps()), opts.json, formatUpdate);
    });

  addDistributionCommands(program);
  addPolicyCommands(program);
  program
    .command('doctor')
    .description('read-only diagnosis: PASS/WARN/FAIL lines with a fix hint each (exit 8 on any FAIL)')
    .option('--json', 'print JSON: {root, language, checks: [{id, level, title, detail, hint}], summary, ok}')
    .action(async (opts) => {
      const { runDoctorCommand, formatDoctor, doctorFailure } = await import('./commands/doctor.js');
      const report = await runDoctorCommand({ cwd: process.cwd() });
      // Print the whole report first; a FAIL then exits 8 (under --json the report rides in the error document).
      if (!report.ok && opts.json) throw doctorFailure(report);
      emit(report, opts.json, formatDoctor);
      if (!report.ok) throw doctorFailure(report);
    });

  program
    .command('codex-check')
    .description('is Codex usable (version, login, strict verdict schemas)? When not, an active workflow is paused for Codex (exit 6)')
    .option('--json', 'print JSON: {ok, command, version, loggedIn, reason, message, schemas, workflow}')
    .action(async (opts) => {
      const { runCodexCheck, formatCodexCheck } = await import('./commands/codex-check.js');
      const result = await runCodexCheck(defaultDeps()).catch((error: unknown) => {
        const report = (error as { details?: { report?: Parameters<typeof formatCodexCheck>[0] } }).details?.report;
        if (report && !opts.json) emit(report, false, (r) => formatCodexCheck(r, lang()));
        throw error;
      });
      emit(result, opts.json, (r) => formatCodexCheck(r, lang()));
    });

  program
    .command('rebuild-context')
    .description('rebuild docs/cccc/context-bundle.md for the current review target; the workflow state is not touched')
    .addOption(new Option('--gate <gate>', "which gate's bundle (default: the current one)").choices(['plan', 'milestone', 'final']))
    .option('--json', 'print JSON: {file, gate, id, round, base, bytes, cap, sha256, truncated, withheld}')
    .action(async (opts) => {
      const { runRebuildContext, formatRebuildContext } = await import('./commands/rebuild-context.js');
      emit(await runRebuildContext({ gate: opts.gate }, defaultDeps()), opts.json, (r) => formatRebuildContext(r, lang()));
    });

  program
    .command('checkpoint')
    .description('the last Codex-approved tree and the next diff base (status); record it (record); commit exactly its files (commit --confirm)')
    .argument('[action]', 'status | record | commit', 'status')
    .option('--confirm', 'commit: stage the approved files and commit them')
    .option('--json', 'print JSON')
    .action(async (action: string, opts) => {
      const { runCheckpoint, formatCheckpoint } = await import('./commands/checkpoint.js');
      emit(await runCheckpoint(action, { confirm: Boolean(opts.confirm) }, defaultDeps()), opts.json, (r) => formatCheckpoint(r, lang()));
    });

  program
    .command('graph')
    .description('the workflow machine as a diagram, generated from its definition')
    .addOption(new Option('--format <format>', 'mermaid (stateDiagram-v2) or json').choices(['mermaid', 'json']).default('mermaid'))
    .option('--condensed', "collapse the pause/resume fans into one edge per pause (the README's view)")
    .option('--readme', "rewrite the diagram block of this package's README.md (condensed view)")
    .option('--json', 'same as --format json')
    .action(async (opts) => {
      const { runGraph, formatGraph } = await import('./commands/graph.js');
      const result = await runGraph({ format: opts.json ? 'json' : opts.format, condensed: Boolean(opts.condensed), readme: Boolean(opts.readme) });
      if (result.kind === 'json') return emit(result.graph, true, () => '');
      emit(result, opts.json, (r) => formatGraph(r, lang()));
    });

  return program;
}

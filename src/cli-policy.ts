/**
 * The review-policy commands (issue #6), added to the commander program by `src/cli.ts`: budget, recheck,
 * sync-docs, replan, ingest-docs, sync-inbox, curate-docs. Each loads its module lazily, like the others.
 */
import type { Command } from 'commander';
import { defaultDeps } from './commands/workspace.js';
import { emit } from './output.js';

/** Register the policy commands on `program`. */
export function addPolicyCommands(program: Command): void {
  program
    .command('budget')
    .description('the Codex budget ledger: calls, cache hits, tokens and wall time per run, phase and milestone, against the limits')
    .option('--json', 'print JSON')
    .action(async (opts) => {
      const { runBudget, formatBudget } = await import('./commands/budget.js');
      emit(await runBudget(defaultDeps()), opts.json, formatBudget);
    });

  program
    .command('recheck')
    .description('run the Codex rechecks of bypassed gates (the final gate cannot pass while any is pending)')
    .option('--json', 'print JSON')
    .action(async (opts) => {
      const { runRecheck, formatRecheck } = await import('./review/run-recheck.js');
      emit(await runRecheck(defaultDeps()), opts.json, formatRecheck);
    });

  program
    .command('sync-docs')
    .description('report planning docs changed since the plan approval, classified; high impact → NEEDS_REPLAN')
    .option('--dry-run', 'report only; change nothing')
    .option('--json', 'print JSON')
    .action(async (opts) => {
      const { runSyncDocs, formatSyncDocs } = await import('./commands/sync-docs.js');
      emit(await runSyncDocs({ dryRun: Boolean(opts.dryRun) }, defaultDeps()), opts.json, formatSyncDocs);
    });

  program
    .command('replan')
    .description('back to CLAUDE_PLANNING_REVIEW keeping completed milestones; the new plan passes the Codex plan gate again')
    .option('--reason <text>', 'why (recorded in the journal)')
    .option('--confirm', 'from a pause that needs it (UNSAFE)')
    .option('--json', 'print JSON')
    .action(async (opts) => {
      const { runReplan, formatReplan } = await import('./commands/replan.js');
      emit(await runReplan({ reason: opts.reason, confirm: Boolean(opts.confirm) }, defaultDeps()), opts.json, formatReplan);
    });

  program
    .command('ingest-docs')
    .description('copy documents into the docs inbox (never overwrites) and index it')
    .argument('<paths...>', 'files to ingest')
    .option('--json', 'print JSON')
    .action(async (sources: string[], opts) => {
      const { runIngestDocs, formatIngestDocs } = await import('./commands/ingest-docs.js');
      emit(await runIngestDocs(sources, defaultDeps()), opts.json, formatIngestDocs);
    });

  program
    .command('sync-inbox')
    .description('index the docs inbox (new / changed / deleted by hash) into docs/cccc/source-index.json')
    .option('--json', 'print JSON')
    .action(async (opts) => {
      const { runSyncInbox, formatSyncInbox } = await import('./commands/sync-inbox.js');
      emit(await runSyncInbox(defaultDeps()), opts.json, formatSyncInbox);
    });

  program
    .command('curate-docs')
    .description('list inbox documents pending curation, or record one folded into the planning docs (source-map.json)')
    .option('--source <path>', 'the inbox document')
    .option('--into <docs>', 'comma-separated planning docs under docs/cccc/ it was folded into')
    .option('--irrelevant', 'nothing in it mattered')
    .option('--note <text>', 'what was taken')
    .option('--json', 'print JSON')
    .action(async (opts) => {
      const { runCurateDocs, formatCurateDocs } = await import('./commands/curate-docs.js');
      emit(await runCurateDocs(opts, defaultDeps()), opts.json, formatCurateDocs);
    });
}

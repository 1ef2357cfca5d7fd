#!/usr/bin/env node
/**
 * The `cccc` entry point: the only place that sets the process exit code (style.md habit 1). Errors are
 * printed to stderr as `cccc: <message>` plus a hint; under `--json` the error document also goes to stdout.
 * `cccc hook …` takes a fast path that never loads commander, zod or xstate — nor anything else it does not use,
 * errors.js included (the Stop hook runs at every stop — issue #4 §1; bench/hook.mjs).
 */
async function main(argv: string[]): Promise<number> {
  if (argv[2] === 'hook' && argv[3] !== '--help' && argv[3] !== '-h') {
    const { runHookEntry } = await import('./hooks/entry.js');
    return runHookEntry(argv.slice(3));
  }
  if (argv[2] === 'status' && argv[3] === '--json' && argv.length === 4) {
    // The fast read path (src/commands/status-light.ts, issue #7): no commander, zod or XState when the workspace
    // files are as expected; null sends it down the full path, which reports any problem.
    const { lightStatusJson } = await import('./commands/status-light.js');
    const text = lightStatusJson(process.cwd());
    if (text !== null) {
      process.stdout.write(text);
      return 0;
    }
  }
  const { EXIT_CODES } = await import('./errors.js');
  const { buildProgram } = await import('./cli.js');
  const { CommanderError } = await import('commander');
  const program = buildProgram();
  // exitOverride() is copied to subcommands only when set before they are added, so set it on each: a usage
  // error in `cccc setup --bogus` then exits 2 like one in `cccc --bogus`, and `--help` anywhere exits 0 here.
  const override = (command: typeof program): void => {
    command.exitOverride();
    command.commands.forEach(override);
  };
  override(program);
  try {
    await program.parseAsync(argv);
    return EXIT_CODES.OK;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT_CODES.OK : EXIT_CODES.USAGE;
    }
    throw error;
  }
}

async function report(error: unknown): Promise<number> {
  const { CcccError, EXIT_CODES } = await import('./errors.js');
  const json = process.argv.includes('--json');
  if (error instanceof CcccError) {
    process.stderr.write(`cccc: ${error.message}\n${error.hint ? `hint: ${error.hint}\n` : ''}`);
    if (json) process.stdout.write(`${JSON.stringify(error.toJSON(), null, 2)}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`cccc: internal error: ${message}\nhint: this is a bug; please report it with the output of cccc doctor.\n`);
  if (json) process.stdout.write(`${JSON.stringify({ error: { code: 'INTERNAL', message: String(error), hint: null, details: {} } }, null, 2)}\n`);
  return EXIT_CODES.INTERNAL;
}

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  async (error: unknown) => {
    process.exitCode = await report(error);
  },
);

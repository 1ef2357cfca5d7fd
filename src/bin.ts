#!/usr/bin/env node
/**
 * The `cccc` entry point: the only place that sets the process exit code (style.md habit 1). Errors are
 * printed to stderr as `cccc: <message>` plus a hint; under `--json` the error document also goes to stdout.
 * `cccc hook …` takes a fast path that never loads commander, zod or xstate (the Stop hook runs at every
 * stop — issue #4 §1).
 */
import { CcccError, EXIT_CODES } from './errors.js';

async function main(argv: string[]): Promise<number> {
  if (argv[2] === 'hook') {
    const { runHookEntry } = await import('./hooks/entry.js');
    return runHookEntry(argv.slice(3));
  }
  const { buildProgram } = await import('./cli.js');
  const { CommanderError } = await import('commander');
  const program = buildProgram().exitOverride();
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

function report(error: unknown): number {
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
  (error: unknown) => {
    process.exitCode = report(error);
  },
);

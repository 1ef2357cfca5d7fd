/**
 * Issue #7 "`cccc --help` and every subcommand's help are complete": every command, argument and option of the
 * commander program has a description, and `--help` on every command path prints a usage line and exits 0.
 * The root help adds the demo, the install routes and the exit codes. A usage error in a subcommand exits 2 (the
 * built CLI; src/bin.ts applies exitOverride to every command).
 */
import { CommanderError, type Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli.js';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

/** Every command path under the root, e.g. ['loop', 'start']. */
function commandPaths(command: Command, prefix: string[] = []): { path: string[]; command: Command }[] {
  return command.commands.flatMap((sub) => [{ path: [...prefix, sub.name()], command: sub }, ...commandPaths(sub, [...prefix, sub.name()])]);
}

/** Parse `args` with output captured; returns what was printed and the commander exit code. */
function run(args: string[]): { out: string; exitCode: number } {
  let out = '';
  const program = buildProgram();
  // As src/bin.ts does: exitOverride on every command (it is not inherited by subcommands added earlier).
  const override = (command: Command): void => {
    command.exitOverride().configureOutput({ writeOut: (s) => (out += s), writeErr: (s) => (out += s) });
    command.commands.forEach(override);
  };
  override(program);
  try {
    program.parse(['node', 'cccc', ...args]);
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    return { out, exitCode: error.exitCode };
  }
  return { out, exitCode: -1 };
}

const paths = commandPaths(buildProgram());

describe('cccc help', () => {
  it('has the commands users are told about', () => {
    const names = paths.map((p) => p.path.join(' '));
    expect(names).toEqual(expect.arrayContaining(['setup', 'start', 'next', 'status', 'submit', 'review', 'resume', 'loop start', 'gates assert', 'trace', 'demo', 'plugin build', 'hook']));
  });

  it.each(paths.map((p) => [p.path.join(' '), p.command] as const))('%s: described, with described arguments and options', (_name, command) => {
    expect(command.description().trim()).not.toBe('');
    for (const argument of command.registeredArguments) expect(argument.description.trim(), `<${argument.name()}>`).not.toBe('');
    for (const option of command.options) expect(option.description.trim(), option.flags).not.toBe('');
  });

  it.each(paths.map((p) => [p.path.join(' ')]))('cccc %s --help prints usage and exits 0', (name) => {
    const { out, exitCode } = run([...name.split(' '), '--help']);
    expect(exitCode).toBe(0);
    expect(out).toMatch(new RegExp(`^Usage: cccc ${name} `, 'm'));
  });

  it('the root help names the demo, both install routes and the exit codes', () => {
    const { out, exitCode } = run(['--help']);
    expect(exitCode).toBe(0);
    expect(out).toContain('cccc demo');
    expect(out).toContain('npm i -g cc-codex-collaborate');
    expect(out).toContain('cccc plugin build');
    expect(out).toMatch(/Exit codes: 0 ok.*\n.*8 check failed/);
  });

  it.each([['--bogus'], ['setup', '--bogus'], ['loop', 'start', '--bogus'], ['gates', 'assert']])('cccc %s is a usage error: exit 2 (built CLI)', async (...args) => {
    expect((await runCli(args, { cwd: tempDir('cccc-help-') })).exitCode).toBe(2);
  });
});

/**
 * The Codex binary from `codex.cli_command` (default `codex`). A value without whitespace is the program
 * verbatim (so Windows paths keep their backslashes); a value with whitespace is split into words with
 * shell-quote, so `node /opt/codex/bin/codex.js` or a quoted path with spaces works.
 */
import { parse } from 'shell-quote';
import { InvalidInputError } from '../errors.js';

/** The default `codex.cli_command`. */
export const DEFAULT_CODEX_COMMAND = 'codex';

/** A program and the arguments that come before cccc's own. */
export interface CodexCommand {
  file: string;
  args: string[];
}

/**
 * Split `codex.cli_command` into program and leading arguments.
 * @throws InvalidInputError `CONFIG_INVALID` when it is empty or uses shell operators, globs or comments.
 */
export function codexCommand(cliCommand: string = DEFAULT_CODEX_COMMAND): CodexCommand {
  const trimmed = cliCommand.trim();
  if (trimmed !== '' && !/\s/.test(trimmed)) return { file: trimmed, args: [] };
  // Keep `$VAR` literal: config values are not shell-expanded.
  const words = parse(trimmed, (name) => `$${name}`);
  const strings = words.filter((w): w is string => typeof w === 'string');
  const [file, ...args] = strings;
  if (file === undefined || strings.length !== words.length) {
    throw new InvalidInputError(
      'CONFIG_INVALID',
      `docs/cccc/config.json: codex.cli_command ${JSON.stringify(cliCommand)} is not a command (empty, or uses shell operators).`,
      'Set codex.cli_command to the Codex binary, e.g. "codex" or "/usr/local/bin/codex"; put flags in codex.extra_args.',
    );
  }
  return { file, args };
}

/**
 * Turns a Bash tool command into the simple commands it would run, for the PreToolUse guard (issue #4 §3:
 * "parse shell commands with a well-kept shell-word parser, not regexes on the raw string").
 *
 * Words and operators come from `shell-quote`'s `parse` (after {@link prepareScript}). On top of that this
 * module follows what a shell would run: `&&`, `||`, `;`, `&` and pipes; `( … )` subshells, `$( … )` and
 * backtick substitutions and `<( … )`; `cd`/`pushd` (so relative paths resolve where they run); wrappers
 * (`sudo`, `doas`, `env`, `nice`, `nohup`, `time`, `timeout`, `stdbuf`, `command`, `builtin`, `exec`, `watch`,
 * `npx`/`bunx`, `xargs`); nested scripts (`bash|sh|zsh|dash|ksh -c "…"`, a shell fed a here-document,
 * `eval`, `env -S`) and `find … -exec cmd … ;`. Nesting deeper than {@link MAX_SHELL_DEPTH} scripts or
 * {@link MAX_PAREN_NESTING} parentheses is reported as `tooDeep` so the guard can refuse what it cannot check.
 */
import path from 'node:path';
import { parse, type ParseEntry } from 'shell-quote';
import { HEREDOC_WORD_PREFIX, prepareScript } from './shell-script.js';
import { ASSIGNMENT, changeDir, embeddedScripts, findExecCommands, shellScriptArg, unwrap } from './shell-wrappers.js';

/** Deepest nesting of scripts inside scripts that is analysed. */
export const MAX_SHELL_DEPTH = 8;

/** Deepest `( … )` / `$( … )` nesting within one script that is analysed (past it: `tooDeep`). */
export const MAX_PAREN_NESTING = 64;

/** Placeholder word for an argument produced by a command substitution (`$( … )`, backticks): unknown text. */
export const SUBSTITUTION_WORD = '$(…)';

/** One word of a command. `glob` when it was an unquoted glob pattern (`*.pem`, `/*`). */
export interface ShellWord {
  text: string;
  glob: boolean;
}

/** A redirection: `op` is shell-quote's operator (`>`, `>>`, `<`, `>&`, `&>`, `>|`, `<<`, `<<<`…). */
export interface ShellRedirect {
  op: string;
  target: string;
}

/** One command the shell would run, with wrappers (sudo, env…) and leading `NAME=value` assignments removed. */
export interface SimpleCommand {
  /** Base name of the program (`/usr/bin/rm` → `rm`); '' for a bare redirection. */
  name: string;
  args: ShellWord[];
  redirects: ShellRedirect[];
  /** Absolute directory it runs in; null when unknown (after `cd -` or `cd $VAR`). */
  cwd: string | null;
  /** The previous pipeline stage feeding its stdin, if any. */
  stdinFrom: SimpleCommand | null;
  /** Text fed on stdin by a here-document or here-string, if any. */
  stdinText: string | null;
  /** `xargs` when run by xargs (its arguments partly come from stdin); `find` when run by `find -exec`. */
  via: 'xargs' | 'find' | null;
}

/** Where a script runs and how `~`/`$HOME` expand. */
export interface ShellContext {
  cwd: string | null;
  homeDir: string;
}

/** The simple commands of a script, or `tooDeep` when nesting passed {@link MAX_SHELL_DEPTH}. */
export type ShellAnalysis = { ok: true; commands: SimpleCommand[] } | { ok: false; tooDeep: true };

const SHELLS = new Set(['bash', 'sh', 'zsh', 'dash', 'ksh', 'mksh', 'ash']);
const SEPARATORS = new Set([';', '&&', '||', '&', ';;', '\n']);
const PIPES = new Set(['|', '|&']);
const REDIRECTS = new Set(['>', '>>', '<', '>&', '<&', '&>', '>|', '<<', '<<-', '<<<', '&>>']);

/** Analyse `script` (a Bash tool `command`). Never throws. */
export function simpleCommands(script: string, context: ShellContext): ShellAnalysis {
  const out: SimpleCommand[] = [];
  try {
    analyseScript(script, context.cwd, context.homeDir, 0, out);
  } catch (error) {
    if (error instanceof TooDeep) return { ok: false, tooDeep: true };
    throw error;
  }
  return { ok: true, commands: out };
}

class TooDeep extends Error {}

function analyseScript(script: string, cwd: string | null, home: string, depth: number, out: SimpleCommand[]): void {
  if (depth > MAX_SHELL_DEPTH) throw new TooDeep();
  const prepared = prepareScript(script);
  const tokens = parse(prepared.text, (key: string) => `$${key}`) as ParseEntry[];
  const walker = new Walker(tokens, prepared.heredocs, home, depth, out);
  walker.list(0, cwd);
}

type Token = ParseEntry;
const opOf = (t: Token | undefined): string | null =>
  typeof t === 'object' && t !== null && 'op' in t && t.op !== 'glob' ? t.op : null;

/** Walks one token list, emitting simple commands; `list` stops at an unmatched `)` and returns its index. */
class Walker {
  constructor(
    private readonly tokens: Token[],
    private readonly heredocs: (string | undefined)[],
    private readonly home: string,
    private readonly depth: number,
    private readonly out: SimpleCommand[],
  ) {}

  list(start: number, startCwd: string | null, nesting = 0): number {
    if (nesting > MAX_PAREN_NESTING) throw new TooDeep();
    let cwd = startCwd;
    let words: ShellWord[] = [];
    let redirects: ShellRedirect[] = [];
    let stdinFrom: SimpleCommand | null = null;
    const finish = (piped: boolean): void => {
      if (words.length > 0 || redirects.length > 0) {
        const result = this.command(words, redirects, cwd, stdinFrom, piped);
        cwd = result.cwd;
        stdinFrom = piped ? result.last : null;
      } else if (!piped) stdinFrom = null;
      words = [];
      redirects = [];
    };
    let i = start;
    while (i < this.tokens.length) {
      const t = this.tokens[i] as Token;
      const op = opOf(t);
      if (typeof t === 'string') {
        if (t.endsWith('$') && opOf(this.tokens[i + 1]) === '(') {
          if (t.length > 1) words.push({ text: t.slice(0, -1), glob: false });
          i = this.list(i + 2, cwd, nesting + 1) + 1;
          words.push({ text: SUBSTITUTION_WORD, glob: false });
          continue;
        }
        if (/^\d+$/.test(t) && REDIRECTS.has(opOf(this.tokens[i + 1]) ?? '')) {
          i += 1;
          continue;
        }
        words.push({ text: t, glob: false });
        this.substitutionsIn(t, cwd);
        i += 1;
      } else if (typeof t === 'object' && 'op' in t && t.op === 'glob') {
        words.push({ text: t.pattern, glob: true });
        i += 1;
      } else if (op === '(' || op === '<(') {
        i = this.list(i + 1, cwd, nesting + 1) + 1;
        if (op === '<(' || words.length > 0) words.push({ text: SUBSTITUTION_WORD, glob: false });
      } else if (op === ')') {
        finish(false);
        return i;
      } else if (op !== null && PIPES.has(op)) {
        finish(true);
        i += 1;
      } else if (op !== null && SEPARATORS.has(op)) {
        finish(false);
        i += 1;
      } else if (op !== null && REDIRECTS.has(op)) {
        const target = this.tokens[i + 1];
        if (typeof target === 'string') redirects.push({ op, target });
        else if (typeof target === 'object' && target !== null && 'op' in target && target.op === 'glob')
          redirects.push({ op, target: target.pattern });
        i += typeof target === 'string' || opOf(target) === null ? 2 : 1;
      } else {
        i += 1; // comments (prepareScript removes them) and unknown operators
      }
    }
    finish(false);
    return i;
  }

  /** Analyse `$( … )` and backtick scripts embedded in a word (they survive inside double quotes). */
  private substitutionsIn(text: string, cwd: string | null): void {
    for (const inner of embeddedScripts(text)) analyseScript(inner, cwd, this.home, this.depth + 1, this.out);
  }

  /** Emit one command (unwrapping wrappers, recursing into nested scripts); returns the cwd after it. */
  private command(
    rawWords: ShellWord[],
    redirects: ShellRedirect[],
    cwd: string | null,
    stdinFrom: SimpleCommand | null,
    piped: boolean,
  ): { cwd: string | null; last: SimpleCommand | null } {
    let words = rawWords;
    let via: SimpleCommand['via'] = null;
    let runCwd = cwd;
    for (let guard = 0; guard < 32; guard++) {
      while (words.length > 0 && ASSIGNMENT.test((words[0] as ShellWord).text)) words = words.slice(1);
      const unwrapped = unwrap(words, runCwd);
      if (unwrapped === null) break;
      words = unwrapped.words;
      runCwd = unwrapped.cwd;
      if (unwrapped.script !== undefined) {
        analyseScript(unwrapped.script, runCwd, this.home, this.depth + 1, this.out);
        return { cwd, last: null };
      }
      if (unwrapped.xargs) via = 'xargs';
    }
    const stdinText = stdinTextOf(redirects, this.heredocs);
    const first = words[0];
    const name = first === undefined ? '' : path.posix.basename(first.text.replace(/\\/g, '/'));
    const args = words.slice(1);
    const simple: SimpleCommand = { name, args, redirects, cwd: runCwd, stdinFrom, stdinText, via };

    if (SHELLS.has(name)) {
      const script = shellScriptArg(args);
      if (script !== null) analyseScript(script, runCwd, this.home, this.depth + 1, this.out);
      else if (args.every((a) => a.text.startsWith('-')) && stdinText !== null)
        analyseScript(stdinText, runCwd, this.home, this.depth + 1, this.out);
      if (script !== null) return { cwd, last: null };
    } else if (name === 'eval' && args.length > 0) {
      analyseScript(args.map((a) => a.text).join(' '), runCwd, this.home, this.depth + 1, this.out);
      return { cwd, last: null };
    } else if (name === 'find') {
      for (const exec of findExecCommands(args)) {
        this.out.push({ name: exec.name, args: exec.args, redirects: [], cwd: runCwd, stdinFrom: null, stdinText: null, via: 'find' });
      }
    }
    this.out.push(simple);
    const next = !piped && stdinFrom === null && (name === 'cd' || name === 'pushd') ? changeDir(args, runCwd, this.home) : cwd;
    return { cwd: next, last: simple };
  }
}

function stdinTextOf(redirects: ShellRedirect[], heredocs: (string | undefined)[]): string | null {
  for (const r of redirects) {
    if ((r.op === '<<' || r.op === '<<-') && r.target.startsWith(HEREDOC_WORD_PREFIX)) {
      const body = heredocs[Number(r.target.slice(HEREDOC_WORD_PREFIX.length))];
      if (body !== undefined) return body;
    }
    if (r.op === '<<<') return r.target;
  }
  return null;
}

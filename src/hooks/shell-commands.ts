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
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

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

/** One wrapper layer removed: the wrapped words, an updated cwd (`env -C`), or a nested script (`env -S`). */
interface Unwrapped {
  words: ShellWord[];
  cwd: string | null;
  script?: string;
  xargs?: boolean;
}

/** Options taking a value, per wrapper (short letters and long names); others are flags. */
const WRAPPERS: Record<string, { valued: string[]; positionalsBefore?: number }> = {
  sudo: { valued: ['-u', '-g', '-h', '-p', '-C', '-U', '-D', '-R', '-T', '-r', '-t', '--user', '--group', '--host', '--prompt', '--chdir', '--role', '--type'] },
  doas: { valued: ['-u', '-C'] },
  nice: { valued: ['-n', '--adjustment'] },
  ionice: { valued: ['-c', '-n', '-p', '--class', '--classdata'] },
  nohup: { valued: [] },
  time: { valued: ['-f', '-o', '--format', '--output'] },
  timeout: { valued: ['-s', '-k', '--signal', '--kill-after'], positionalsBefore: 1 },
  stdbuf: { valued: ['-i', '-o', '-e', '--input', '--output', '--error'] },
  command: { valued: [] },
  builtin: { valued: [] },
  exec: { valued: ['-a'] },
  npx: { valued: ['-p', '--package', '-c', '--call'] },
  bunx: { valued: ['-p', '--package'] },
  chronic: { valued: [] },
  unbuffer: { valued: [] },
  xargs: { valued: ['-I', '-L', '-n', '-P', '-s', '-d', '-E', '-a', '--arg-file', '--delimiter', '--eof', '--max-lines', '--max-args', '--max-procs', '--max-chars', '--replace'] },
};

function unwrap(words: ShellWord[], cwd: string | null): Unwrapped | null {
  const head = words[0];
  if (head === undefined) return null;
  const name = path.posix.basename(head.text);
  if (name === 'env') return unwrapEnv(words.slice(1), cwd);
  if (name === 'watch') return unwrapWatch(words.slice(1), cwd);
  const spec = WRAPPERS[name];
  if (spec === undefined) return null;
  let i = 1;
  let replace: string | null = null;
  while (i < words.length) {
    const w = (words[i] as ShellWord).text;
    if (w === '--') {
      i += 1;
      break;
    }
    if (!w.startsWith('-') || w === '-') break;
    if (name === 'command' && (w === '-v' || w === '-V')) return { words: [], cwd };
    const flag = w.startsWith('--') ? w.split('=')[0] as string : w.slice(0, 2);
    if (name === 'xargs' && (flag === '-I' || flag === '-i' || flag === '--replace')) replace = xargsReplace(w, words[i + 1]);
    const attached = w.startsWith('--') ? w.includes('=') : w.length > 2;
    i += spec.valued.includes(flag) && !attached ? 2 : 1;
  }
  i += spec.positionalsBefore ?? 0;
  let rest = words.slice(i);
  if (name === 'xargs') {
    if (rest.length === 0) rest = [{ text: 'echo', glob: false }];
    rest = rest.filter((w, k) => k === 0 || replace === null || !w.text.includes(replace));
    return { words: rest, cwd, xargs: true };
  }
  return { words: rest, cwd };
}

function xargsReplace(flag: string, next: ShellWord | undefined): string {
  if (flag === '-i' || flag === '--replace') return '{}';
  if (flag.startsWith('--replace=')) return flag.slice('--replace='.length) || '{}';
  if (flag.length > 2) return flag.slice(2);
  return next?.text ?? '{}';
}

function unwrapEnv(args: ShellWord[], cwd: string | null): Unwrapped {
  let i = 0;
  let dir = cwd;
  while (i < args.length) {
    const w = (args[i] as ShellWord).text;
    if (w === '--') {
      i += 1;
      break;
    }
    if (ASSIGNMENT.test(w)) {
      i += 1;
      continue;
    }
    if (!w.startsWith('-') || w === '-') break;
    if (w === '-S' || w === '--split-string' || w.startsWith('--split-string=') || (w.startsWith('-S') && w.length > 2)) {
      const inline = w.startsWith('--') ? w.slice(w.indexOf('=') + 1) : w.length > 2 ? w.slice(2) : null;
      const script = inline ?? args[i + 1]?.text ?? '';
      const tail = args.slice(inline === null ? i + 2 : i + 1).map((a) => quoteWord(a.text));
      return { words: [], cwd: dir, script: [script, ...tail].join(' ') };
    }
    if (w === '-C' || w === '--chdir' || w.startsWith('--chdir=') || (w.startsWith('-C') && w.length > 2)) {
      const value = w === '-C' || w === '--chdir' ? args[++i]?.text : w.startsWith('--') ? w.slice(8) : w.slice(2);
      dir = value === undefined ? null : resolveDir(value, dir);
    } else if (w === '-u' || w === '--unset') i += 1;
    i += 1;
  }
  return { words: args.slice(i), cwd: dir };
}

/** `watch [opts] cmd…` runs its arguments through `sh -c`. */
function unwrapWatch(args: ShellWord[], cwd: string | null): Unwrapped {
  let i = 0;
  while (i < args.length && (args[i] as ShellWord).text.startsWith('-')) {
    const w = (args[i] as ShellWord).text;
    i += w === '-n' || w === '--interval' || w === '-q' || w === '--equexit' ? 2 : 1;
  }
  return { words: [], cwd, script: args.slice(i).map((a) => a.text).join(' ') };
}

/** The script of `bash -c SCRIPT`, `sh -lc SCRIPT`, `bash -o pipefail -c SCRIPT`; null if not a `-c` call. */
function shellScriptArg(args: ShellWord[]): string | null {
  let sawC = false;
  for (let i = 0; i < args.length; i++) {
    const w = (args[i] as ShellWord).text;
    if (w === '--') return sawC ? (args[i + 1]?.text ?? null) : null;
    if ((w.startsWith('-') || w.startsWith('+')) && w.length > 1) {
      if (w === '-o' || w === '+o' || w === '-O' || w === '+O') i += 1;
      else if (!w.startsWith('--') && w.slice(1).includes('c')) sawC = true;
      continue;
    }
    return sawC ? w : null;
  }
  return null;
}

/** Commands run by `find … -exec|-execdir|-ok|-okdir cmd … ;|+`, with the `{}` placeholders dropped. */
function findExecCommands(args: ShellWord[]): { name: string; args: ShellWord[] }[] {
  const out: { name: string; args: ShellWord[] }[] = [];
  for (let i = 0; i < args.length; i++) {
    const w = (args[i] as ShellWord).text;
    if (w !== '-exec' && w !== '-execdir' && w !== '-ok' && w !== '-okdir') continue;
    const start = i + 1;
    let end = start;
    while (end < args.length && (args[end] as ShellWord).text !== ';' && (args[end] as ShellWord).text !== '+') end += 1;
    const cmd = args.slice(start, end).filter((a) => !a.text.includes('{}'));
    if (cmd.length > 0) out.push({ name: path.posix.basename((cmd[0] as ShellWord).text), args: cmd.slice(1) });
    i = end;
  }
  return out;
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

/** The cwd after `cd ARG` / `pushd ARG`: home for none or `~`, null when it cannot be known. */
function changeDir(args: ShellWord[], cwd: string | null, home: string): string | null {
  const target = args.find((a) => !a.text.startsWith('-') || a.text === '-');
  if (target === undefined) return home;
  if (target.text === '-' || target.glob) return null;
  const text = target.text === '~' || target.text.startsWith('~/') ? home + target.text.slice(1) : target.text;
  return resolveDir(text.replace(/\$HOME(?=\/|$)/g, home), cwd);
}

function resolveDir(text: string, cwd: string | null): string | null {
  if (text.includes('$') || text.includes('`') || text.startsWith('~')) return null;
  if (path.posix.isAbsolute(text)) return path.posix.resolve(text);
  return cwd === null ? null : path.posix.resolve(cwd, text);
}

/** Scripts inside `$( … )` and backticks in a word (quotes inside are not tracked; good enough for checks). */
export function embeddedScripts(text: string): string[] {
  const scripts: string[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '$' && text[i + 1] === '(') {
      let depth = 1;
      let j = i + 2;
      while (j < text.length && depth > 0) {
        if (text[j] === '(') depth += 1;
        else if (text[j] === ')') depth -= 1;
        j += 1;
      }
      scripts.push(text.slice(i + 2, depth === 0 ? j - 1 : j));
      i = j - 1;
    } else if (text[i] === '`') {
      const close = text.indexOf('`', i + 1);
      scripts.push(text.slice(i + 1, close < 0 ? text.length : close));
      i = close < 0 ? text.length : close;
    }
  }
  return scripts;
}

function quoteWord(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

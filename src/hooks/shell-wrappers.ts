/**
 * Wrappers and nested scripts for shell-commands.ts: how `sudo`, `env`, `timeout`, `xargs`… hand over to the
 * command they run, where `bash -c` and `find -exec` keep theirs, and what `cd` does to the working directory.
 */
import path from 'node:path';
import type { ShellWord } from './shell-commands.js';

/** A leading `NAME=value` shell assignment. */
export const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/** One wrapper layer removed: the wrapped words, an updated cwd (`env -C`), or a nested script (`env -S`). */
export interface Unwrapped {
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

export function unwrap(words: ShellWord[], cwd: string | null): Unwrapped | null {
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
export function shellScriptArg(args: ShellWord[]): string | null {
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
export function findExecCommands(args: ShellWord[]): { name: string; args: ShellWord[] }[] {
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

/** The cwd after `cd ARG` / `pushd ARG`: home for none or `~`, null when it cannot be known. */
export function changeDir(args: ShellWord[], cwd: string | null, home: string): string | null {
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

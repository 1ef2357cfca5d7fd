/**
 * Prepares a raw shell script for `shell-quote`'s `parse`, which tokenizes words, quotes and operators well
 * but has three gaps the guard cannot live with (verified on shell-quote 1.12.0):
 * - a newline is plain whitespace to it, so `echo hi⏎rm -rf /` would read as one `echo` command;
 * - `#` inside a word starts a comment (`a#b` → `a` + comment), which would hide whatever follows;
 * - here-document bodies are not recognised, so their lines would read as commands.
 *
 * This scanner only tracks quoting; it never decides anything. Outside quotes it turns newlines into `;`
 * (or a space after `|`, `&&`, `||`, `(`), drops comments, escapes mid-word `#`, joins `\`-newline
 * continuations and lifts terminated here-document bodies out into `heredocs` (see {@link PreparedScript}).
 * An unterminated here-document is left in place, so its lines are still read as commands.
 */

/**
 * A script ready for `parse`, and the here-document bodies taken out of it. Each `<<`/`<<-` is rewritten to
 * `<< ${HEREDOC_WORD_PREFIX}<k>` where `k` indexes `heredocs`; `heredocs[k]` is undefined when that
 * here-document was not terminated (its lines then stay in `text` and read as commands).
 */
export interface PreparedScript {
  text: string;
  heredocs: (string | undefined)[];
}

/** Prefix of the placeholder delimiter word that stands for here-document `k` in {@link PreparedScript.text}. */
export const HEREDOC_WORD_PREFIX = '__cccc_heredoc_';

const WORD_BREAK = new Set([' ', '\t', ';', '&', '|', '(', ')', '<', '>']);

/** Prepare `raw` for shell-quote (see the module comment). Linear time; never throws. */
export function prepareScript(raw: string): PreparedScript {
  const out = new Output();
  const heredocs: (string | undefined)[] = [];
  const pending: { delimiter: string; stripTabs: boolean; index: number }[] = [];
  let i = 0;
  const n = raw.length;
  while (i < n) {
    const c = raw[i] as string;
    if (c === '\\') {
      if (raw[i + 1] !== '\n') out.emit(raw.slice(i, i + 2));
      i += 2;
      continue;
    }
    if (c === "'" || (c === '$' && raw[i + 1] === "'")) {
      const start = i;
      i += c === '$' ? 2 : 1;
      while (i < n && raw[i] !== "'") i += c === '$' && raw[i] === '\\' ? 2 : 1;
      out.emit(raw.slice(start, i + 1));
      i += 1;
      continue;
    }
    if (c === '"') {
      const start = i;
      i += 1;
      while (i < n && raw[i] !== '"') i += raw[i] === '\\' ? 2 : 1;
      out.emit(raw.slice(start, i + 1));
      i += 1;
      continue;
    }
    if (c === '#') {
      if (WORD_BREAK.has(out.last)) while (i < n && raw[i] !== '\n') i += 1;
      else {
        out.emit('\\#');
        i += 1;
      }
      continue;
    }
    if (c === '<' && raw[i + 1] === '<' && raw[i + 2] === '<') {
      out.emit('<<<'); // a here-string, not a here-document
      i += 3;
      continue;
    }
    if (c === '<' && raw[i + 1] === '<') {
      const heredoc = readHeredocStart(raw, i);
      if (heredoc !== null) {
        const index = heredocs.length;
        heredocs.push(undefined);
        pending.push({ delimiter: heredoc.delimiter, stripTabs: heredoc.stripTabs, index });
        out.emit(`<< ${HEREDOC_WORD_PREFIX}${index} `);
        i = heredoc.end;
        continue;
      }
    }
    if (c === '\n') {
      // `;` ends a command at a newline, but after a pipe, `&&`, `||` or `(` the command continues.
      out.emit(['', '|', '&', '(', ';'].includes(out.lastSolid) ? ' ' : ';');
      i += 1;
      if (pending.length > 0) {
        const bodies = readHeredocBodies(raw, i, pending);
        if (bodies !== null) {
          pending.forEach((doc, k) => (heredocs[doc.index] = bodies.bodies[k]));
          i = bodies.end;
        }
        pending.length = 0;
      }
      continue;
    }
    out.emit(c);
    i += 1;
  }
  return { text: out.text(), heredocs };
}

/**
 * The prepared text, built from pieces. It remembers the last character and the last non-blank one, so no
 * decision has to index into a growing string (V8 would flatten it each time: quadratic on long scripts).
 */
class Output {
  private readonly parts: string[] = [];
  /** Last character emitted; ' ' at the start (a word boundary). */
  last = ' ';
  /** Last non-blank character emitted; '' when none yet. */
  lastSolid = '';

  emit(piece: string): void {
    if (piece === '') return;
    this.parts.push(piece);
    this.last = piece[piece.length - 1] as string;
    for (let k = piece.length - 1; k >= 0; k--) {
      const ch = piece[k] as string;
      if (ch !== ' ' && ch !== '\t') {
        this.lastSolid = ch;
        break;
      }
    }
  }

  text(): string {
    return this.parts.join('');
  }
}

/** Parse `<<[-] DELIM` starting at `at`; the delimiter may be quoted. Null when no delimiter word follows. */
function readHeredocStart(raw: string, at: number): { delimiter: string; stripTabs: boolean; end: number } | null {
  let i = at + 2;
  const stripTabs = raw[i] === '-';
  if (stripTabs) i += 1;
  while (raw[i] === ' ' || raw[i] === '\t') i += 1;
  let delimiter = '';
  while (i < raw.length && !WORD_BREAK.has(raw[i] as string) && raw[i] !== '\n') {
    const c = raw[i] as string;
    if (c === "'" || c === '"') {
      const close = raw.indexOf(c, i + 1);
      if (close < 0) return null;
      delimiter += raw.slice(i + 1, close);
      i = close + 1;
    } else {
      if (c !== '\\') delimiter += c;
      i += 1;
    }
  }
  return delimiter === '' ? null : { delimiter, stripTabs, end: i };
}

/** Read the bodies of `pending` here-documents starting at line start `from`; null if one is unterminated. */
function readHeredocBodies(
  raw: string,
  from: number,
  pending: readonly { delimiter: string; stripTabs: boolean }[],
): { bodies: string[]; end: number } | null {
  const bodies: string[] = [];
  let i = from;
  for (const doc of pending) {
    const lines: string[] = [];
    for (;;) {
      if (i >= raw.length) return null;
      const nl = raw.indexOf('\n', i);
      const line = raw.slice(i, nl < 0 ? raw.length : nl);
      i = nl < 0 ? raw.length : nl + 1;
      const candidate = doc.stripTabs ? line.replace(/^\t+/, '') : line;
      if (candidate === doc.delimiter) break;
      lines.push(line);
    }
    bodies.push(lines.join('\n'));
  }
  return { bodies, end: i };
}

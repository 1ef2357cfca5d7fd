/**
 * Reading the path out of a `diff --git a/P b/P` header line. With `--no-renames` both sides name the same
 * path, so the header is symmetric; git C-quotes a path with control characters, `"` or `\`
 * (`quote_c_style`; non-ASCII stays raw because cccc runs git with `core.quotepath=off`).
 */

const PREFIX = 'diff --git ';

const ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };

/** The path a `diff --git` header line names (without `a/`), or null when the line is not such a header. */
export function parseDiffGitPath(line: string): string | null {
  if (!line.startsWith(PREFIX)) return null;
  const rest = line.slice(PREFIX.length).replace(/\r?\n$/, '');
  if (rest.startsWith('"')) {
    const quoted = unquoteC(rest);
    return quoted !== null && quoted.startsWith('a/') ? quoted.slice(2) : null;
  }
  const length = (rest.length - 5) / 2;
  if (!Number.isInteger(length) || length < 1 || !rest.startsWith('a/') || rest.slice(length + 2, length + 5) !== ' b/') return null;
  const file = rest.slice(2, 2 + length);
  return rest.slice(length + 5) === file ? file : null;
}

/** Decode the C-quoted string at the start of `text` (`"…"`, git's escapes and `\ooo` octal bytes), or null. */
export function unquoteC(text: string): string | null {
  if (!text.startsWith('"')) return null;
  const bytes: number[] = [];
  for (let i = 1; i < text.length; i++) {
    const ch = String.fromCodePoint(text.codePointAt(i) as number);
    if (ch === '"') return Buffer.from(bytes).toString('utf8');
    if (ch !== '\\') {
      bytes.push(...Buffer.from(ch, 'utf8'));
      i += ch.length - 1;
      continue;
    }
    const next = text[i + 1] ?? '';
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(text.slice(i + 1, i + 4), 8));
      i += 3;
    } else if (next in ESCAPES) {
      bytes.push(ESCAPES[next] as number);
      i += 1;
    } else {
      return null;
    }
  }
  return null;
}

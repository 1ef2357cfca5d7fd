/**
 * The diff part of the bundle: an intro, the stat (every file, one row each, always printed first) and the
 * hunks (one fenced patch, each file cut to its fair share). Pure.
 */
import { byteLength, fitText } from './fit.js';
import { fenceFor, type Block } from './block.js';
import type { BundleDiff, BundleDiffFile } from './types.js';

/** How much of a file's patch the hunks show: all, part (cut to its share) or none (omitted for the budget). */
export type HunkShown = 'full' | 'cut' | 'omit';

const KIND: Record<BundleDiffFile['change'], string> = { modified: 'M', added: 'A', deleted: 'D', untracked: '?' };

/** Fixed text between `## Diff since base` and the stat. */
export function diffIntro(diff: BundleDiff): string {
  return [
    '## Diff since base\n\n',
    `Base: ${diff.base}. Tracked changes (staged and unstaged) and untracked files (as new files), compared with the base. `,
    'Never shown: docs/cccc/ (its planning docs are above; logs, runtime files, backups, reviews, state and earlier bundles never), ',
    '.claude/, node_modules/, .git/, and secret-looking files (named under "Withheld").\n\n',
  ].join('');
}

/** Text of the numbers columns, the same whatever a file's {@link HunkShown} is. */
function counts(file: BundleDiffFile): [string, string] {
  if (file.binary) return ['bin', 'bin'];
  return [`${file.countsComplete ? '' : '≥'}${file.added}`, String(file.removed)];
}

/** The stat as a block whose body is the header lines plus one row per file (`rows` are cut by the budget). */
export interface StatLayout {
  block: Block;
  header: string;
  rows: (shown: readonly HunkShown[]) => string[];
}

/** Lay out the stat: totals, a legend, then `hunk kind +added -removed path` rows aligned in columns. */
export function statLayout(diff: BundleDiff): StatLayout {
  const cells = diff.files.map(counts);
  const addWidth = Math.max(1, ...cells.map(([a]) => a.length));
  const delWidth = Math.max(1, ...cells.map(([, d]) => d.length));
  const untracked = diff.files.filter((f) => f.change === 'untracked').length;
  const added = diff.files.reduce((sum, f) => sum + f.added, 0);
  const removed = diff.files.reduce((sum, f) => sum + f.removed, 0);
  const header =
    diff.files.length === 0
      ? 'No changes since the base.\n'
      : `${diff.files.length} files changed (${diff.files.length - untracked} tracked, ${untracked} untracked): +${added} -${removed} lines\n` +
        'hunk: full | cut (shown in part) | omit (not shown, over budget) · kind: M modified, A added, D deleted, ? untracked\n\n';
  const rows = (shown: readonly HunkShown[]): string[] =>
    diff.files.map((file, i) => {
      const [a, d] = cells[i] as [string, string];
      return `${(shown[i] ?? 'full').padEnd(4)}  ${KIND[file.change]}  +${a.padStart(addWidth)}  -${d.padStart(delWidth)}  ${file.path}\n`;
    });
  const sample = rows(diff.files.map(() => 'full'));
  const fence = fenceFor(sample.join(''));
  const block: Block = { section: 'diff/stat', prefix: `### Stat\n\n${fence}text\n`, body: header + sample.join(''), unreadBytes: 0, suffix: `${fence}\n\n` };
  return { block, header, rows };
}

/** The stat body within `allowance`: the header, as many rows as fit, and a line counting the rest. */
export function fitStat(header: string, rows: readonly string[], allowance: number): { text: string; droppedBytes: number } {
  const full = header + rows.join('');
  if (byteLength(full) <= allowance) return { text: full, droppedBytes: 0 };
  let used = byteLength(header);
  let kept = 0;
  const tail = (left: number): string => `… ${left} more files not listed (bundle cap)\n`;
  if (used + byteLength(tail(rows.length)) > allowance) return fitText(full, 0, allowance);
  while (kept < rows.length && used + byteLength(rows[kept] as string) + byteLength(tail(rows.length - kept - 1)) <= allowance) {
    used += byteLength(rows[kept] as string);
    kept++;
  }
  const text = header + rows.slice(0, kept).join('') + tail(rows.length - kept);
  return { text, droppedBytes: byteLength(full) - byteLength(header + rows.slice(0, kept).join('')) };
}

/** Wrapper of the hunks: one fence around every file's patch (git's `diff --git` headers separate files). */
export function hunksWrapper(diff: BundleDiff): { prefix: string; suffix: string } {
  const fence = fenceFor(diff.files.map((f) => f.patch).join(''));
  return { prefix: `### Hunks\n\n${fence}diff\n`, suffix: `${fence}\n\n` };
}

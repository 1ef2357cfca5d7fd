/**
 * The bundle's first and last words: the header (what this is, the cap, whether anything was cut) and the
 * trailing "Withheld" and "Truncation" sections. Their sizes are known (or bounded) before the budget is split.
 */
import type { TruncatedSection } from './types.js';
import type { BundleParts } from './types.js';

/** Most withheld names printed; the rest are counted (the full list is in `ContextBundle.withheld`). */
export const WITHHELD_PRINT_LIMIT = 200;

/** The header. `cut` must not change its length by more than {@link headerSlack} bytes. */
export function renderHeader(parts: BundleParts, maxBytes: number, cut: boolean): string {
  const subject = parts.gate === 'plan' ? 'the plan' : parts.milestone === null ? 'the whole run' : `milestone ${parts.milestone.id}`;
  return [
    '# cccc context bundle\n\n',
    `For the Codex ${parts.gate} review of ${subject}. Built by cccc from the workspace and git; deterministic (the same inputs give the same bytes).\n`,
    `Cap: ${maxBytes} bytes (UTF-8). Cut to fit: ${cut ? 'yes' : 'no'} (see "Truncation" at the end). `,
    `Withheld secret-looking files: ${parts.withheld.length} (names only, under "Withheld").\n\n`,
  ].join('');
}

/** Extra bytes the header may need when `cut` flips to yes ("yes" is one byte longer than "no"). */
export const headerSlack = 1;

/** `## Withheld`: secret-looking files in the change set, by name only. */
export function renderWithheld(withheld: readonly string[]): string {
  const shown = withheld.slice(0, WITHHELD_PRINT_LIMIT).map((name) => `- ${name.replace(/[\r\n]/g, ' ')}\n`);
  const more = withheld.length > WITHHELD_PRINT_LIMIT ? `- … and ${withheld.length - WITHHELD_PRINT_LIMIT} more\n` : '';
  const list = withheld.length === 0 ? '(none)\n' : shown.join('') + more;
  return `## Withheld\n\nSecret-looking files in the change set; their content is never included:\n\n${list}\n`;
}

/** Summary of the diff hunks' fate for the truncation note. */
export interface HunkSummary {
  files: number;
  cut: number;
  omitted: number;
  droppedBytes: number;
  shareBytes: number;
}

/** `## Truncation`: what the cap cut, per non-diff section, then one line for the stat and one for the hunks. */
export function renderTruncation(maxBytes: number, sections: readonly TruncatedSection[], hunks: HunkSummary | null): string {
  const lines = sections.filter((s) => !s.section.startsWith('diff/') || s.section === 'diff/stat').map((s) => `- ${s.section}: ${s.droppedBytes} bytes dropped\n`);
  if (hunks !== null && (hunks.cut > 0 || hunks.omitted > 0)) {
    lines.push(
      `- diff hunks: ${hunks.cut} of ${hunks.files} files cut, ${hunks.omitted} omitted (largest first; all stay in the stat); ${hunks.droppedBytes} bytes dropped. ` +
        `Policy: each file gets its whole patch or an equal share (${hunks.shareBytes} bytes), whichever is smaller; files are omitted only when the share would fall under the minimum.\n`,
    );
  }
  const body = lines.length === 0 ? 'Nothing was cut.\n' : `Cut to fit the cap of ${maxBytes} bytes:\n\n${lines.join('')}`;
  return `## Truncation\n\n${body}`;
}

/** Size bound of {@link renderTruncation} for these section names, whatever the numbers turn out to be. */
export function truncationBound(maxBytes: number, sectionNames: readonly string[], hasDiff: boolean): number {
  const big = 999_999_999_999;
  const sections = sectionNames.map((section) => ({ section, droppedBytes: big }));
  const hunks = hasDiff ? { files: big, cut: big, omitted: big, droppedBytes: big, shareBytes: big } : null;
  return Buffer.byteLength(renderTruncation(maxBytes, sections, hunks), 'utf8');
}

/**
 * Dividing the diff's budget among files (issue #3 §3: "hunks truncated per file fairly"). Policy: if every
 * patch fits, all are shown. Otherwise each file gets its whole patch or an equal share, whichever is smaller
 * (max-min fairness: a one-line fix is never cut to make room for a generated file). If that share would fall
 * under {@link MIN_HUNK_SHARE_BYTES}, the largest patches are omitted (they stay in the stat) until every shown
 * file gets at least that much — a few hundred bytes of each of 5,000 files would help nobody.
 */
import { countShowable, fairShare } from './fair-share.js';
import type { HunkShown } from './render-diff.js';

/** Smallest share of the budget a cut file gets, in bytes (room for its header, a hunk or two and the marker). */
export const MIN_HUNK_SHARE_BYTES = 512;

/** Per-file byte allowances, what each file shows, and the equal share cut files got. */
export interface HunkAllocation {
  allowances: number[];
  shown: HunkShown[];
  /** The largest allowance a cut file got (0 when nothing was cut). */
  shareBytes: number;
}

/**
 * Allocate `budget` bytes among patches of `sizes` bytes (`paths` break size ties, for determinism).
 * `partial[i]` marks a file already read in part (shown as `cut` even when its read part fits).
 */
export function allocateHunks(sizes: readonly number[], paths: readonly string[], partial: readonly boolean[], budget: number): HunkAllocation {
  const total = sizes.reduce((sum, size) => sum + size, 0);
  let allowances: number[];
  if (total <= budget) {
    allowances = [...sizes];
  } else {
    const order = sizes.map((_, i) => i).sort((a, b) => (sizes[a] as number) - (sizes[b] as number) || ((paths[a] as string) < (paths[b] as string) ? -1 : 1));
    const showable = countShowable(order.map((i) => sizes[i] as number), budget, MIN_HUNK_SHARE_BYTES);
    const included = order.slice(0, showable);
    const shares = fairShare(included.map((i) => sizes[i] as number), budget);
    allowances = sizes.map(() => 0);
    included.forEach((fileIndex, k) => (allowances[fileIndex] = shares[k] as number));
  }
  let shareBytes = 0;
  const shown = sizes.map((size, i): HunkShown => {
    const allowance = allowances[i] as number;
    if (allowance === 0) return 'omit';
    if (allowance < size) shareBytes = Math.max(shareBytes, allowance);
    return allowance < size || partial[i] === true ? 'cut' : 'full';
  });
  return { allowances, shown, shareBytes };
}

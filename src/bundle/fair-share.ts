/**
 * Max-min fair division of a byte budget (water-filling): every item gets all it asks for or an equal share,
 * whichever is smaller, and what small items leave over goes to the large ones. Used between the docs and the
 * diff, among the docs, and among the files of the diff (issue #3 §3: "hunks truncated per file fairly").
 */

/**
 * Byte allocations for `sizes` (same order) within `budget`: `min(size, level)` each, integers, with the
 * level as high as the budget allows. Ties are broken by index, so the result is deterministic.
 */
export function fairShare(sizes: readonly number[], budget: number): number[] {
  const shares = sizes.map(() => 0);
  let remaining = Math.max(0, Math.floor(budget));
  const order = sizes.map((size, index) => ({ size, index })).sort((a, b) => a.size - b.size || a.index - b.index);
  order.forEach(({ size, index }, position) => {
    const give = Math.min(size, Math.floor(remaining / (order.length - position)));
    shares[index] = give;
    remaining -= give;
  });
  return shares;
}

/**
 * How many of the smallest items can be shown with at least `minShare` bytes each: the largest `k` such that
 * water-filling the `k` smallest (`sortedSizes` ascending) fits whole or gives every cut item `minShare` or more.
 * The level only falls as larger items join, so a binary search finds `k` in O(n log n).
 */
export function countShowable(sortedSizes: readonly number[], budget: number, minShare: number): number {
  const fits = (k: number): boolean => {
    let remaining = budget;
    for (let i = 0; i < k; i++) {
      const size = sortedSizes[i] as number;
      const level = remaining / (k - i);
      if (size > level) return level >= minShare;
      remaining -= size;
    }
    return true;
  };
  let low = 0;
  let high = sortedSizes.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(mid)) low = mid;
    else high = mid - 1;
  }
  return low;
}

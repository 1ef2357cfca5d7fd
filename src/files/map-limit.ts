/**
 * Run an async function over many items with a bounded number in flight, keeping results in input order.
 * Used to read or hash many files without opening thousands of descriptors at once (EMFILE).
 */

/** Default number of files read at once. */
export const FILE_CONCURRENCY = 32;

/** `items.map(fn)` with at most `limit` calls pending; results are in input order; rejects on the first error. */
export async function mapWithLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T, index);
    }
  }
  const workers = Array.from({ length: Math.min(Math.max(1, limit), items.length) }, () => worker());
  await Promise.all(workers);
  return results;
}

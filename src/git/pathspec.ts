/**
 * Path exclusion lists and their git pathspecs. An entry is a repo-relative path with `/` separators:
 * ending in `/` it means a directory and everything under it, otherwise exactly that file. Each is turned
 * into a `:(exclude,literal)` pathspec so git never even emits the excluded paths, and {@link isExcluded}
 * applies the same rule in TypeScript to anything git returns.
 */

/** Git's well-known empty tree: diffing against it shows every tracked file as added (unborn HEAD). */
export const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

/**
 * Files cccc itself writes while a review runs (issue #3 §1): the journal and hook logs, runtime files (the
 * loop file), `state.json`, review artifacts and the context bundle. The reviewer-wrote-nothing check ignores
 * them, since their change during a review is cccc's own doing, not Codex's.
 */
export const CCCC_RUNTIME_PATHS: readonly string[] = [
  'docs/cccc/logs/',
  'docs/cccc/runtime/',
  'docs/cccc/state.json',
  'docs/cccc/reviews/',
  'docs/cccc/context-bundle.md',
];

/**
 * The whole cccc workspace. Diff-size limits and the code part of gate fingerprints leave it out: planning
 * docs, decisions and state are not code, and the plan part of the fingerprint covers the planning docs.
 */
export const CCCC_WORKSPACE_PATHS: readonly string[] = ['docs/cccc/'];

/** Git pathspecs selecting the whole tree minus `excluded` (always starts with `.`; run git from the root). */
export function excludePathspecs(excluded: readonly string[]): string[] {
  return ['.', ...excluded.map((entry) => `:(exclude,literal)${entry.endsWith('/') ? entry.slice(0, -1) : entry}`)];
}

/** True when repo-relative `file` is one of `excluded` or lies under one of its directories. */
export function isExcluded(file: string, excluded: readonly string[]): boolean {
  return excluded.some((entry) => (entry.endsWith('/') ? file.startsWith(entry) : file === entry));
}

/** Split git's `-z` output into entries (drops the empty tail after the last NUL). */
export function splitNul(output: string): string[] {
  return output.split('\0').filter((entry) => entry.length > 0);
}

/** Sort paths by UTF-16 code units (locale-independent, so output is the same on every machine). */
export function sortPaths(paths: Iterable<string>): string[] {
  return [...paths].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

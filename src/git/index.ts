/** Git operations, one named function each (style.md, "sindresorhus/np"). */
export { DIFF_FLAGS, GIT_ENV, gitFailure, runGit, streamGit } from './exec.js';
export type { GitResult, RunGitOptions } from './exec.js';
export { CCCC_RUNTIME_PATHS, CCCC_WORKSPACE_PATHS, EMPTY_TREE, excludePathspecs, isExcluded, sortPaths, splitNul } from './pathspec.js';
export { headCommit, repoRoot, resolveBase } from './repo.js';
export { diffRange, objectType } from './range.js';
export type { DiffRange } from './range.js';
export { diffNumstat, diffText, trackedChanges } from './diff.js';
export type { NumstatRow } from './diff.js';
export { diffStat } from './diff-stat.js';
export { untrackedFiles } from './untracked.js';
export { isDirty } from './status.js';
export { changedPaths, HEAD_CHANGED, treeFingerprint } from './tree-fingerprint.js';
export type { TreeFingerprint } from './tree-fingerprint.js';
export { diffSections, DiffSectionSplitter } from './diff-sections.js';
export type { DiffSection, DiffSectionsOptions, SplitDiff } from './diff-sections.js';
export { parseDiffGitPath, unquoteC } from './diff-header.js';

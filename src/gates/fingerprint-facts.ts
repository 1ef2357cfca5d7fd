/** Collecting a gate fingerprint's facts from the repository, at review time and again at `gates assert`. */
import { lstat, readlink } from 'node:fs/promises';
import type { Milestone } from '../../machines/types.js';
import { sha256File, sha256Text } from '../files/sha256.js';
import { headCommit, resolveBase } from '../git/repo.js';
import { snapshotWorktree } from '../git/worktree-snapshot.js';
import { PLANNING_DOC_NAMES } from '../bundle/types.js';
import { workspacePaths } from '../workspace/paths.js';
import type { GateFingerprintFacts } from './fingerprint.js';

/** Files of the `plan:*` components, under `docs/cccc/`, in this order. */
export const PLAN_FINGERPRINT_FILES: readonly string[] = [...PLANNING_DOC_NAMES, 'milestones.yaml'];

/** Versions of the review contract, from the lead's prompt and schema modules. */
export interface ReviewContractVersions {
  promptVersion: string;
  schemaVersion: string;
}

/**
 * Collect the facts of a gate fingerprint for the repository at `root`: HEAD (`git rev-parse`), the resolved
 * base (null = HEAD, the empty tree when unborn), a snapshot tree of the working tree (`snapshotWorktree`:
 * `git add -A` into a private index copy, then `git write-tree` — the user's index is untouched; content is
 * hashed by git, so large files cost time, not memory), the milestone's acceptance criteria (empty without a
 * milestone), each plan file's SHA-256 (null when missing; a symlink hashed by its target), and the bundle's hash.
 */
export async function computeGateFingerprintFacts(
  root: string,
  base: string | null,
  milestone: Milestone | null,
  bundleText: string,
  versions: ReviewContractVersions,
): Promise<GateFingerprintFacts> {
  const paths = workspacePaths(root);
  const [head, resolved, worktreeTree, planDocs] = await Promise.all([
    headCommit(root),
    resolveBase(root, base),
    snapshotWorktree(root),
    Promise.all(PLAN_FINGERPRINT_FILES.map(async (name) => ({ name, sha256: await contentHash(paths.doc(name)) }))),
  ]);
  return {
    head,
    base: resolved,
    worktreeTree,
    acceptanceCriteria: milestone?.acceptance_criteria ?? [],
    planDocs,
    bundleSha256: sha256Text(bundleText),
    promptVersion: versions.promptVersion,
    schemaVersion: versions.schemaVersion,
  };
}

/** SHA-256 hex of a file's content, of `symlink:<target>` for a symlink, null when missing. */
async function contentHash(file: string): Promise<string | null> {
  try {
    const stat = await lstat(file);
    if (stat.isSymbolicLink()) return sha256Text(`symlink:${await readlink(file)}`);
    if (!stat.isFile()) return sha256Text('other');
    return await sha256File(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

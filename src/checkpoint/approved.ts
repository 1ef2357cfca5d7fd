/**
 * The last Codex-approved review of a run, proven from its artifact (issue #5 `cccc checkpoint`; the
 * original's `checkpoint record` marked HEAD "approved" without checking anything, inventory §10 #16).
 *
 * Approved = the latest passing gate record of the milestone or final gate whose source is Codex (or a cache
 * hit of a Codex review) — never a bypass. Its artifact must still hash to the recorded SHA-256; the
 * artifact's `base` and `tree` (worktree snapshots, `src/git/worktree-snapshot.ts`) are the approved diff.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { GateName, GateRecord, WorkflowContext } from '../../machines/types.js';
import { CheckFailedError } from '../errors.js';
import { sha256Text } from '../files/sha256.js';
import type { WorkspacePaths } from '../workspace/paths.js';

/** An approved review with the diff it approved (`base` → `tree`). */
export interface ApprovedReview {
  gate: GateName;
  milestone: string | null;
  round: number;
  at: string;
  artifact: string;
  artifactSha256: string;
  fingerprint: string;
  /** Worktree snapshot Codex approved. */
  tree: string;
  /** The snapshot (or commit, or the empty tree) the approved diff starts from. */
  base: string;
}

/** `docs/cccc/runtime/checkpoint.json`: the approval it records and HEAD at recording time. */
export interface CheckpointRecord extends ApprovedReview {
  schemaVersion: 1;
  recordedAt: string;
  /** HEAD when recorded (null: no commit yet). */
  head: string | null;
}

/** `docs/cccc/runtime/checkpoint.json`. */
export function checkpointFile(paths: WorkspacePaths): string {
  return path.join(paths.workspace, 'runtime', 'checkpoint.json');
}

/** The latest passing Codex (or cache) record of the milestone or final gate, or null. Pure. */
export function lastApprovedRecord(context: WorkflowContext): GateRecord | null {
  return [...context.gates].reverse().find((r) => r.passed && r.source !== 'bypass' && (r.gate === 'milestone' || r.gate === 'final')) ?? null;
}

/**
 * Read `record`'s artifact and return the approved review. Throws {@link CheckFailedError}
 * `GATE_ARTIFACT_MISSING` / `GATE_ARTIFACT_EDITED` when the artifact is gone, edited, or lacks `base`/`tree`.
 */
export async function approvedReviewOf(paths: WorkspacePaths, record: GateRecord): Promise<ApprovedReview> {
  const text = await readFile(path.join(paths.root, record.artifact), 'utf8').catch(() => {
    throw new CheckFailedError('GATE_ARTIFACT_MISSING', `The review artifact ${record.artifact} is missing.`, 'Artifacts under docs/cccc/reviews/ must be kept; re-run the review.');
  });
  if (sha256Text(text) !== record.artifactSha256) {
    throw new CheckFailedError('GATE_ARTIFACT_EDITED', `The review artifact ${record.artifact} was edited after the review (its SHA-256 no longer matches the gate record).`, 'Restore it from version control, or re-run the review.');
  }
  const artifact = JSON.parse(text) as { base?: unknown; tree?: unknown };
  if (typeof artifact.base !== 'string' || typeof artifact.tree !== 'string') {
    throw new CheckFailedError('GATE_ARTIFACT_EDITED', `The review artifact ${record.artifact} names no approved tree (base/tree).`, 'Re-run the review with this version of cccc.');
  }
  return {
    gate: record.gate,
    milestone: record.milestone,
    round: record.round,
    at: record.at,
    artifact: record.artifact,
    artifactSha256: record.artifactSha256,
    fingerprint: record.fingerprint,
    tree: artifact.tree,
    base: artifact.base,
  };
}

/** The recorded checkpoint, or null when none was recorded or it does not parse (it is only informative). */
export async function readCheckpoint(paths: WorkspacePaths): Promise<CheckpointRecord | null> {
  try {
    const value = JSON.parse(await readFile(checkpointFile(paths), 'utf8')) as CheckpointRecord;
    return value && value.schemaVersion === 1 && typeof value.tree === 'string' ? value : null;
  } catch {
    return null;
  }
}

/** Write `docs/cccc/runtime/checkpoint.json` atomically (never the machine state). Returns the record. */
export async function writeCheckpoint(paths: WorkspacePaths, approved: ApprovedReview, head: string | null, at: string): Promise<CheckpointRecord> {
  const record: CheckpointRecord = { schemaVersion: 1, recordedAt: at, head, ...approved };
  const file = checkpointFile(paths);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, `${JSON.stringify(record, null, 2)}\n`);
  return record;
}

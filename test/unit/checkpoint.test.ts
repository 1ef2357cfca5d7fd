/**
 * `cccc checkpoint` (issue #5): status names the last Codex-approved tree and the next diff base; record writes
 * runtime/checkpoint.json and not the machine; commit stages exactly the files of the approved diff (never the
 * workspace files `git add -A` would take), needs --confirm, and is refused once the tree changed.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GateRecord, WorkflowEvent } from '../../machines/types.js';
import { formatCheckpoint, runCheckpoint, type CheckpointCommitResult, type CheckpointStatus } from '../../src/commands/checkpoint.js';
import type { CcccError } from '../../src/errors.js';
import { sha256Text } from '../../src/files/sha256.js';
import { computeGateFingerprintFacts, gateFingerprint } from '../../src/gates/fingerprint.js';
import { snapshotWorktree } from '../../src/git/worktree-snapshot.js';
import { dispatch, readState } from '../../src/state/store.js';
import type { WorkspacePaths } from '../../src/workspace/paths.js';
import { ev, filledDocs, milestone, selfReview, verdictFacts } from '../helpers/events.js';
import { git, tempWorkspace } from '../helpers/tmp.js';
import { hashTree } from '../helpers/workspace-hash.js';

const NOW = new Date('2026-11-22T10:00:00.000Z');
const deps = (paths: WorkspacePaths) => ({ cwd: paths.root, now: () => NOW });

function write(paths: WorkspacePaths, file: string, text: string): void {
  mkdirSync(path.dirname(path.join(paths.root, file)), { recursive: true });
  writeFileSync(path.join(paths.root, file), text);
}

/**
 * A workspace whose milestone M001 was approved by Codex: src/a.ts modified, src/new.ts added, src/old.ts
 * deleted since the milestone began; the artifact carries the real fingerprint, base and tree.
 */
async function approvedWorkspace(): Promise<{ paths: WorkspacePaths; record: GateRecord; base: string; tree: string }> {
  const paths = tempWorkspace();
  git(paths.root, 'config', 'user.name', 'cccc test');
  git(paths.root, 'config', 'user.email', 'test@cccc.local');
  write(paths, '.gitignore', '.env\n');
  write(paths, 'src/a.ts', 'export const a = 1;\n');
  write(paths, 'src/old.ts', 'export const old = true;\n');
  git(paths.root, 'add', '.gitignore', 'src');
  git(paths.root, 'commit', '-q', '-m', 'initial');
  const send = (event: WorkflowEvent, actor: 'cli' | 'codex' = 'cli') => dispatch(paths, event, actor);
  const m1 = milestone('M001');
  await send(ev('task.started', { task: 'add a' }));
  await send(ev('discovery.submitted', { docs: filledDocs() }));
  await send(ev('plan.submitted', { selfReview: selfReview(), milestones: [m1, milestone('M002')], milestoneErrors: [] }));
  const base = await snapshotWorktree(paths.root);
  const planRecord: GateRecord = { gate: 'plan', milestone: null, round: 1, verdict: 'approved', passed: true, artifact: 'docs/cccc/reviews/plan/plan-r1.json', artifactSha256: 'a'.repeat(64), fingerprint: 'f'.repeat(64), at: NOW.toISOString(), source: 'codex' };
  await send({ ...ev('review.verdict', { gate: 'plan', verdict: verdictFacts('approved'), record: planRecord }), tree: base } as WorkflowEvent, 'codex');

  // A different size on purpose: snapshotWorktree copies the index with a fresh mtime, which defeats git's racy-clean
  // check, so a same-size edit right after a commit is sometimes missed (a bug reported against worktree-snapshot.ts).
  write(paths, 'src/a.ts', 'export const a = 22;\n');
  write(paths, 'src/new.ts', 'export const fresh = 1;\n');
  rmSync(path.join(paths.root, 'src/old.ts'));
  write(paths, '.env', 'SECRET=1\n');
  await send(ev('milestone.submitted', { selfReview: selfReview(), diffStat: { lines: 4, files: 3 } }));

  const facts = await computeGateFingerprintFacts(paths.root, base, m1, '', { promptVersion: '', schemaVersion: '' });
  const fingerprint = gateFingerprint(facts);
  const artifact = 'docs/cccc/reviews/milestones/M001-r1-20261122T100000000Z.json';
  const text = `${JSON.stringify({ kind: 'cccc-codex-review', gate: 'milestone', milestone: 'M001', round: 1, fingerprint, base: facts.base, tree: facts.worktreeTree, outcome: 'verdict', passed: true }, null, 2)}\n`;
  write(paths, artifact, text);
  const record: GateRecord = { gate: 'milestone', milestone: 'M001', round: 1, verdict: 'pass', passed: true, artifact, artifactSha256: sha256Text(text), fingerprint: fingerprint.value, at: NOW.toISOString(), source: 'codex' };
  await send({ ...ev('review.verdict', { gate: 'milestone', verdict: verdictFacts('pass'), record }), tree: facts.worktreeTree } as WorkflowEvent, 'codex');
  expect((await readState(paths)).status).toBe('IMPLEMENT_MILESTONE');
  return { paths, record, base, tree: facts.worktreeTree };
}

const committedFiles = (paths: WorkspacePaths) => git(paths.root, 'show', '--name-status', '--format=', 'HEAD').trim().split('\n');

describe('cccc checkpoint', () => {
  it('status: the last approval, the files its diff contained, and the next diff base — writing nothing to the workspace', async () => {
    const { paths, record, tree } = await approvedWorkspace();
    const before = hashTree(path.join(paths.root, 'docs'));
    const r = (await runCheckpoint('status', {}, deps(paths))) as CheckpointStatus;
    expect(r.approved).toMatchObject({ gate: 'milestone', milestone: 'M001', artifact: record.artifact, tree });
    expect(r.approvedFiles).toEqual(['src/a.ts', 'src/new.ts', 'src/old.ts']);
    expect(r.changedSinceApproval).toEqual([]);
    expect(r.nextReviewBase).toEqual({ base: tree, source: 'milestone' });
    expect(r.head).toMatch(/^[0-9a-f]{40}$/);
    expect(r.recorded).toBeNull();
    expect(hashTree(path.join(paths.root, 'docs'))).toEqual(before);
    const text = formatCheckpoint(r);
    expect(text).toMatch(/^Last Codex approval: milestone M001, round 1/);
    expect(text).toContain('Files in the approved diff (3): src/a.ts, src/new.ts, src/old.ts');
    expect(text).toContain('The work tree (outside docs/cccc) is still what Codex approved.');
  });

  it('record: writes docs/cccc/runtime/checkpoint.json, never the machine', async () => {
    const { paths, tree } = await approvedWorkspace();
    const state = readFileSync(paths.state, 'utf8');
    const r = await runCheckpoint('record', {}, deps(paths));
    expect(r).toMatchObject({ file: 'docs/cccc/runtime/checkpoint.json', record: { schemaVersion: 1, tree, milestone: 'M001', recordedAt: NOW.toISOString() } });
    expect(readFileSync(paths.state, 'utf8')).toBe(state);
    expect(((await runCheckpoint('status', {}, deps(paths))) as CheckpointStatus).recorded?.tree).toBe(tree);
  });

  it('commit: needs --confirm, then stages and commits exactly the approved files', async () => {
    const { paths, record } = await approvedWorkspace();
    const refused = (await runCheckpoint('commit', {}, deps(paths)).catch((e: unknown) => e)) as CcccError;
    expect(refused).toMatchObject({ code: 'CONFIRM_REQUIRED', exitCode: 3, details: { files: ['src/a.ts', 'src/new.ts', 'src/old.ts'] } });
    expect(git(paths.root, 'diff', '--cached', '--name-only')).toBe('');

    const r = (await runCheckpoint('commit', { confirm: true }, deps(paths))) as CheckpointCommitResult;
    expect(r.commit).toBe(git(paths.root, 'rev-parse', 'HEAD').trim());
    expect(committedFiles(paths)).toEqual(['M\tsrc/a.ts', 'A\tsrc/new.ts', 'D\tsrc/old.ts']);
    const message = git(paths.root, 'log', '-1', '--format=%B');
    expect(message).toMatch(/^cccc: checkpoint after Codex-approved milestone review of M001 \(round 1\)\n/);
    expect(message).toContain(`Artifact: ${record.artifact}`);
    // The workspace files and ignored files were not staged (git add -A would have taken docs/cccc/).
    expect(git(paths.root, 'status', '--porcelain', '--untracked-files=all')).toMatch(/^\?\? docs\/cccc\/config\.json$/m);
    expect(git(paths.root, 'ls-files', 'docs', '.env')).toBe('');
    expect(r.record?.head).toBe(r.commit);
    expect(existsSync(path.join(paths.workspace, 'runtime', 'checkpoint.json'))).toBe(true);

    const again = (await runCheckpoint('commit', { confirm: true }, deps(paths))) as CheckpointCommitResult;
    expect(again.commit).toBeNull();
    expect(formatCheckpoint(again)).toBe('Nothing to commit: the approved files are already committed as they are.');
  });

  it('commit: refused when other changes are staged, and when the tree changed since the approval', async () => {
    const { paths } = await approvedWorkspace();
    git(paths.root, 'add', 'docs/cccc/config.json');
    await expect(runCheckpoint('commit', { confirm: true }, deps(paths))).rejects.toMatchObject({ code: 'INDEX_NOT_CLEAN', details: { staged: ['docs/cccc/config.json'] } });
    git(paths.root, 'reset', '-q', '--', 'docs/cccc/config.json');

    write(paths, 'src/a.ts', 'export const a = 3; // after the approval\n');
    const error = (await runCheckpoint('commit', { confirm: true }, deps(paths)).catch((e: unknown) => e)) as CcccError;
    expect(error).toMatchObject({ code: 'GATE_MISMATCH', exitCode: 8 });
    expect(git(paths.root, 'log', '--format=%s')).toBe('initial\n');
    const status = (await runCheckpoint('status', {}, deps(paths))) as CheckpointStatus;
    expect(status.changedSinceApproval).toEqual(['src/a.ts']);
  });

  it('without a Codex approval: status says so; record and commit are refused', async () => {
    const paths = tempWorkspace();
    const r = (await runCheckpoint('status', {}, deps(paths))) as CheckpointStatus;
    expect(r).toMatchObject({ approved: null, approvedFiles: [], nextReviewBase: { base: null, source: 'none' } });
    expect(formatCheckpoint(r)).toMatch(/^No Codex-approved milestone or final review in this run yet\.\nHEAD: none \(no commit yet\)/);
    await expect(runCheckpoint('record', {}, deps(paths))).rejects.toMatchObject({ code: 'NO_APPROVED_REVIEW' });
    await expect(runCheckpoint('commit', { confirm: true }, deps(paths))).rejects.toMatchObject({ code: 'NO_APPROVED_REVIEW' });
    await expect(runCheckpoint('push', {}, deps(paths))).rejects.toMatchObject({ code: 'USAGE' });
  });
});

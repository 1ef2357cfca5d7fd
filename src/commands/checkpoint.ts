/**
 * `cccc checkpoint [status|record|commit] [--confirm] [--json]` (issue #5; the original is inventory §8.8, its
 * flaws §10 #16: `record` trusted nothing, `commit` ran `git add -A`).
 *
 * - `status` (default): the last Codex-approved review (milestone or final gate, proven from its artifact), the
 *   files its diff contained, HEAD, what changed since, and the diff base of the next review. Writes nothing to
 *   the workspace (the worktree snapshot only adds git objects, as `gates assert` does).
 * - `record`: writes `docs/cccc/runtime/checkpoint.json` with that review's tree and HEAD — not the machine.
 * - `commit --confirm`: stages exactly the files of the approved diff (`git add -- <those files>`, never
 *   `git add -A`) and commits them with a message naming the gate, milestone and artifact. Refused when the
 *   tree changed since the approval (`gates assert`), when other changes are already staged, and without
 *   `--confirm` (then it lists what it would stage).
 */
import { contextGateOf } from './rebuild-context.js';
import { approvedReviewOf, checkpointFile, lastApprovedRecord, readCheckpoint, writeCheckpoint, type ApprovedReview, type CheckpointRecord } from '../checkpoint/approved.js';
import { RefusedError, UsageError } from '../errors.js';
import { commitStaged, stagePaths, stagedPaths } from '../git/commit.js';
import { headCommit } from '../git/repo.js';
import { snapshotChangedPaths, snapshotWorktree } from '../git/worktree-snapshot.js';
import { translator } from '../i18n/catalogue.js';
import type { Language } from '../i18n/language.js';
import { readState } from '../state/store.js';
import { runGatesAssert } from './gates-assert.js';
import { openWorkspace, type CommandDeps } from './workspace.js';

/** Where the next review's diff starts, and why. */
export interface NextReviewBase {
  base: string | null;
  source: 'milestone' | 'run' | 'head' | 'none';
}

/** The `cccc checkpoint status --json` document. */
export interface CheckpointStatus {
  status: string;
  approved: ApprovedReview | null;
  /** Repo-relative paths the approved diff (`base` → `tree`) contained. */
  approvedFiles: string[];
  head: string | null;
  /** Paths that differ between the approved tree and the work tree now (`docs/cccc/` excluded). */
  changedSinceApproval: string[];
  nextReviewBase: NextReviewBase;
  recorded: CheckpointRecord | null;
}

/** Result of `checkpoint record`. */
export interface CheckpointRecordResult {
  file: string;
  record: CheckpointRecord;
}

/** Result of `checkpoint commit --confirm`; `commit` is null when the approved files were already committed. */
export interface CheckpointCommitResult {
  commit: string | null;
  message: string;
  files: string[];
  record: CheckpointRecord | null;
}

/** The checkpoint subcommands. */
export const CHECKPOINT_ACTIONS = ['status', 'record', 'commit'] as const;

/** The commit message for `approved`: first line names gate, milestone and round; the body the artifact. */
export function checkpointMessage(approved: ApprovedReview): string {
  const what = `${approved.gate} review${approved.milestone ? ` of ${approved.milestone}` : ''} (round ${approved.round})`;
  return `cccc: checkpoint after Codex-approved ${what}\n\nArtifact: ${approved.artifact}\nFingerprint: ${approved.fingerprint}\n`;
}

async function approvedNow(deps: Pick<CommandDeps, 'cwd'>) {
  const { paths } = await openWorkspace(deps);
  const state = await readState(paths);
  const record = lastApprovedRecord(state.snapshot.context);
  const approved = record ? await approvedReviewOf(paths, record) : null;
  return { paths, state, approved };
}

function noApproval(): RefusedError {
  return new RefusedError('NO_APPROVED_REVIEW', 'No milestone or final review has been approved by Codex in this run.', 'Run the workflow to a passing Codex review first (cccc next).');
}

/** `checkpoint status`. Throws only when the workspace or an approved review's artifact is unusable. */
export async function runCheckpointStatus(deps: Pick<CommandDeps, 'cwd'>): Promise<CheckpointStatus> {
  const { paths, state, approved } = await approvedNow(deps);
  const context = state.snapshot.context;
  const gate = contextGateOf(state.status, context);
  const nextReviewBase: NextReviewBase =
    gate === 'plan'
      ? { base: null, source: 'none' }
      : gate === 'milestone'
        ? context.milestoneBase ? { base: context.milestoneBase, source: 'milestone' } : { base: await headCommit(paths.root), source: 'head' }
        : context.runBase ? { base: context.runBase, source: 'run' } : { base: await headCommit(paths.root), source: 'head' };
  const [head, recorded] = await Promise.all([headCommit(paths.root), readCheckpoint(paths)]);
  let approvedFiles: string[] = [];
  let changedSinceApproval: string[] = [];
  if (approved) {
    approvedFiles = await snapshotChangedPaths(paths.root, approved.base, approved.tree);
    changedSinceApproval = await snapshotChangedPaths(paths.root, approved.tree, await snapshotWorktree(paths.root));
  }
  return { status: state.status, approved, approvedFiles, head, changedSinceApproval, nextReviewBase, recorded };
}

/** `checkpoint record`: write runtime/checkpoint.json. Throws RefusedError `NO_APPROVED_REVIEW`. */
export async function runCheckpointRecord(deps: Pick<CommandDeps, 'cwd' | 'now'>): Promise<CheckpointRecordResult> {
  const { paths, approved } = await approvedNow(deps);
  if (!approved) throw noApproval();
  const record = await writeCheckpoint(paths, approved, await headCommit(paths.root), deps.now().toISOString());
  return { file: paths.rel(checkpointFile(paths)), record };
}

/**
 * `checkpoint commit`. Throws RefusedError `NO_APPROVED_REVIEW`, `CONFIRM_REQUIRED` (lists the files),
 * `INDEX_NOT_CLEAN`; {@link CheckFailedError} `GATE_MISMATCH` (exit 8) when the tree changed since approval.
 */
export async function runCheckpointCommit(options: { confirm?: boolean }, deps: Pick<CommandDeps, 'cwd' | 'now'>): Promise<CheckpointCommitResult> {
  const { paths, approved } = await approvedNow(deps);
  if (!approved) throw noApproval();
  await runGatesAssert(approved.gate, { milestone: approved.milestone ?? undefined }, deps);
  const files = await snapshotChangedPaths(paths.root, approved.base, approved.tree);
  const message = checkpointMessage(approved);
  if (!options.confirm) {
    throw new RefusedError(
      'CONFIRM_REQUIRED',
      `checkpoint commit would stage exactly the ${files.length} file(s) of the approved diff and commit them:\n${files.map((f) => `  ${f}`).join('\n')}`,
      'Run `cccc checkpoint commit --confirm` to do it (nothing else is staged).',
      { files, message },
    );
  }
  const approvedSet = new Set(files);
  const foreign = (await stagedPaths(paths.root)).filter((p) => !approvedSet.has(p));
  if (foreign.length) {
    throw new RefusedError(
      'INDEX_NOT_CLEAN',
      `Other changes are already staged and would be committed with the checkpoint: ${foreign.join(', ')}.`,
      'Commit or unstage them first (git restore --staged <file>), then run the checkpoint again.',
      { staged: foreign },
    );
  }
  await stagePaths(paths.root, files);
  if ((await stagedPaths(paths.root)).length === 0) return { commit: null, message, files, record: null };
  const commit = await commitStaged(paths.root, message);
  const record = await writeCheckpoint(paths, approved, commit, deps.now().toISOString());
  return { commit, message, files, record };
}

/** Dispatch `cccc checkpoint <action>`. Throws UsageError for an unknown action. */
export async function runCheckpoint(
  action: string,
  options: { confirm?: boolean },
  deps: Pick<CommandDeps, 'cwd' | 'now'>,
): Promise<CheckpointStatus | CheckpointRecordResult | CheckpointCommitResult> {
  if (action === 'status') return runCheckpointStatus(deps);
  if (action === 'record') return runCheckpointRecord(deps);
  if (action === 'commit') return runCheckpointCommit(options, deps);
  throw new UsageError(`Unknown checkpoint action "${action}".`, `Use one of: ${CHECKPOINT_ACTIONS.join(', ')}.`);
}

/** Human rendering of any checkpoint result in `language`. */
export function formatCheckpoint(r: CheckpointStatus | CheckpointRecordResult | CheckpointCommitResult, language: Language = 'en'): string {
  const t = translator(language);
  const short = (id: string | null) => (id ? id.slice(0, 12) : '—');
  if ('file' in r) return t('checkpoint.recorded', { file: r.file, tree: short(r.record.tree), head: short(r.record.head) });
  if ('commit' in r) {
    if (r.commit === null) return t('checkpoint.nothing');
    return [t('checkpoint.committed', { count: r.files.length, commit: short(r.commit), message: r.message.split('\n')[0] ?? '' }), t('checkpoint.files', { files: r.files.join(', ') })].join('\n');
  }
  const lines: string[] = [];
  const a = r.approved;
  if (!a) lines.push(t('checkpoint.none'));
  else {
    lines.push(
      t('checkpoint.approved', { gate: a.gate, milestone: a.milestone ? ` ${a.milestone}` : '', round: a.round, at: a.at }),
      t('checkpoint.artifact', { artifact: a.artifact }),
      t('checkpoint.tree', { tree: short(a.tree), base: short(a.base) }),
      t('checkpoint.approvedFiles', { count: r.approvedFiles.length, files: r.approvedFiles.join(', ') || '—' }),
      r.changedSinceApproval.length ? t('checkpoint.changed', { files: r.changedSinceApproval.join(', ') }) : t('checkpoint.unchanged'),
    );
  }
  lines.push(r.head ? t('checkpoint.head', { head: short(r.head) }) : t('checkpoint.unborn'));
  const source = t(`checkpoint.source.${r.nextReviewBase.source}`);
  lines.push(t('checkpoint.nextBase', { base: short(r.nextReviewBase.base), source }));
  lines.push(r.recorded ? t('checkpoint.recordedFile', { file: 'docs/cccc/runtime/checkpoint.json', recordedAt: r.recorded.recordedAt }) : t('checkpoint.notRecorded'));
  return lines.join('\n');
}

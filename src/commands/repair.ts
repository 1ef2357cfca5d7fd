/**
 * `cccc repair [--json]` (issue #5; the original's repair is inventory §8.4, its bugs §10 #9 and #14): fix only
 * what is safe, back up first, and say what was done and what was left.
 *
 * Fixes: a stale lock (through proper-lockfile), missing workspace directories, missing generated slash
 * commands, and a state.json that is missing, corrupt or behind the journal (rebuilt by replay — the journal is
 * the source of truth). It never turns a pause into an active status: replay only reproduces the journal, and a
 * pause a corrupt state.json still names is re-entered. Hook registrations are checked by `cccc doctor`.
 *
 * JSON (`--json`): `{fixed: [{kind, detail, path}], left: [{kind, detail, hint}], backup: string|null,
 * state: {before: VerifyReport, status, revision}}` — `kind` ∈ `lock | directory | command | state | hooks`.
 */
import { stat } from 'node:fs/promises';
import { LockedError, NotSetUpError } from '../errors.js';
import { backupFiles } from '../maintenance/backup.js';
import { limitsForRebuild } from '../maintenance/limits.js';
import { inspectLock, removeStaleLock } from '../maintenance/stale-lock.js';
import { applyStateRepair, planStateRepair } from '../maintenance/state-repair.js';
import { createMissingCommands, createMissingDirs } from '../maintenance/workspace-files.js';
import { withLock } from '../state/lock.js';
import { readJournalFile, readStateFile, verifyAgainstJournal, type VerifyReport } from '../state/verify.js';
import { workspacePaths, type WorkspacePaths } from '../workspace/paths.js';
import { findWorkspaceRoot } from '../workspace/root.js';
import type { CommandDeps } from './workspace.js';

/** One thing repair did or found. */
export interface RepairItem {
  kind: 'lock' | 'directory' | 'command' | 'state' | 'hooks';
  detail: string;
  path?: string;
  hint?: string;
}

/** The `cccc repair --json` document. */
export interface RepairResult {
  fixed: RepairItem[];
  left: RepairItem[];
  /** Backup directory, repo-relative, or null when nothing needed one. */
  backup: string | null;
  state: { before: VerifyReport; status: string | null; revision: number | null };
}

/** Collaborators of {@link runRepair}: the command deps plus the template root/version of generated commands. */
export type RepairDeps = Pick<CommandDeps, 'cwd' | 'now'> & { templateRoot?: string; version?: string };

async function requireSetUp(paths: WorkspacePaths): Promise<void> {
  const present = await stat(paths.config).then(
    () => true,
    () => false,
  );
  if (!present) throw new NotSetUpError('CONFIG_MISSING', `${paths.rel(paths.config)} does not exist.`, 'Run `cccc setup` in this repository first.');
}

/** Verify and, when safe, rebuild state.json under the lock; records into `fixed`/`left`. */
async function repairState(paths: WorkspacePaths, deps: RepairDeps, fixed: RepairItem[], left: RepairItem[]): Promise<Pick<RepairResult, 'backup' | 'state'>> {
  return withLock(paths.state, async () => {
    const [state, journal] = await Promise.all([readStateFile(paths), readJournalFile(paths.journal)]);
    const before = verifyAgainstJournal(state, journal);
    const unchanged = { backup: null, state: { before, status: before.state.status, revision: before.state.revision } };
    const plan = planStateRepair(state, journal, before);
    if (plan.action === 'none') return unchanged;
    if (plan.action === 'skip') {
      left.push({ kind: 'state', detail: plan.reason, hint: plan.hint });
      return unchanged;
    }
    const now = deps.now();
    const backup = state.kind === 'missing' ? null : paths.rel((await backupFiles(paths, 'repair', now, [paths.state, paths.journal])).dir);
    const applied = await applyStateRepair(paths, plan, journal, now.toISOString(), await limitsForRebuild(paths, journal.entries));
    const kept = plan.action === 'rebuild' && applied.appended ? ` The pause ${plan.keepPause?.status} was kept from ${plan.keepPause?.source}.` : '';
    fixed.push({ kind: 'state', detail: `${plan.reason} → ${applied.status} at revision ${applied.revision}.${kept}`, path: paths.rel(paths.state) });
    return { backup, state: { before, status: applied.status, revision: applied.revision } };
  });
}

/**
 * Repair the workspace containing `deps.cwd`. Throws `NOT_A_GIT_REPO`/`CONFIG_MISSING` (exit 7) when it is not
 * set up, and {@link LockedError} (exit 5) when a live process holds the lock (nothing is changed then).
 */
export async function runRepair(deps: RepairDeps): Promise<RepairResult> {
  const paths = workspacePaths(findWorkspaceRoot(deps.cwd));
  await requireSetUp(paths);
  const fixed: RepairItem[] = [];
  const left: RepairItem[] = [];
  const lock = await inspectLock(paths.state);
  if (lock === 'live') {
    throw new LockedError(`Another cccc process holds the lock on ${paths.rel(paths.state)}; repair changed nothing.`, 'Wait for it to finish and run `cccc repair` again.');
  }
  if (lock === 'stale' && (await removeStaleLock(paths.state))) {
    fixed.push({ kind: 'lock', detail: 'removed a stale lock left by a killed cccc process', path: `${paths.rel(paths.state)}.lock` });
  }
  for (const dir of await createMissingDirs(paths)) fixed.push({ kind: 'directory', detail: 'created missing directory', path: dir });
  for (const file of await createMissingCommands(paths, deps.templateRoot, deps.version)) {
    fixed.push({ kind: 'command', detail: 'created missing generated slash command', path: file });
  }
  const { backup, state } = await repairState(paths, deps, fixed, left);
  left.push({
    kind: 'hooks',
    detail: 'hook registrations in .claude/settings.json are not checked by repair',
    hint: 'Run `cccc doctor` to compare them with automation.stop_hook_loop_enabled.',
  });
  return { fixed, left, backup, state };
}

/** Human rendering of {@link RepairResult}. */
export function formatRepair(r: RepairResult): string {
  const unresolved = r.left.some((l) => l.kind !== 'hooks');
  const lines = [r.fixed.length ? 'Repaired:' : unresolved ? 'Nothing was repaired; see what was left and why:' : 'Nothing needed repair.'];
  for (const f of r.fixed) lines.push(`  FIXED ${f.kind}: ${f.detail}${f.path ? ` (${f.path})` : ''}`);
  for (const l of r.left) lines.push(`  LEFT  ${l.kind}: ${l.detail}${l.hint ? `\n        hint: ${l.hint}` : ''}`);
  if (r.backup) lines.push(`Backup: ${r.backup}`);
  if (r.state.status) lines.push(`State: ${r.state.status} (revision ${r.state.revision})`);
  return lines.join('\n');
}

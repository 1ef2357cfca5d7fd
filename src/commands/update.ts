/**
 * `cccc update [--force] [--json]` (issue #5; the original's is inventory §4.2, its policy-switching bug §10 #19):
 * workspace migration after a package upgrade. Under the lock, it
 * 1. computes everything first (`planUpdate`: migrations are pure functions; a newer or unreadable file, or a
 *    config value cccc cannot hold, stops it before any write);
 * 2. backs up config.json, state.json, the journal, `.claude/commands/` and `.claude/settings.json` to
 *    `docs/cccc/backups/update-<stamp>/`;
 * 3. writes the migrated config (user values kept; nothing enabled that was off), the migrated state as a fresh
 *    journal plus its replay (actor `repair`; `cccc trace --verify` passes), missing workspace dirs and template
 *    docs (never overwriting), and refreshes the generated commands (edited ones get `<name>.new`).
 * Without `--force`, a workspace already at the current schema versions with current commands is left untouched
 * (`upToDate: true`); `--force` runs steps 2–3 anyway. cccc hooks already registered in `.claude/settings*.json` are
 * re-pointed at the installed entry (none is ever added); the original skill's hook scripts are reported.
 *
 * JSON: `{upToDate, applied, config: {from, to, originalVersion, migrated, preset, notes}, state: {from, migrated,
 * status, revision, originalStatus, mapping, questions, notes}, commands: {created, updated, unchanged, userEdited},
 * docs: {created}, hooks: {files: [{file, hooks, changed, backup}], stale, notes}, backup, verified}`.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { HumanQuestion } from '../../machines/types.js';
import { limitsFromConfig } from '../config/load.js';
import { NotSetUpError } from '../errors.js';
import { backupFiles } from '../maintenance/backup.js';
import { repointHooks, type HookRepoint } from '../maintenance/hooks-repoint.js';
import { migrates, planUpdate, type UpdatePlan } from '../maintenance/update-plan.js';
import type { MigrationNote } from '../migrations/note.js';
import { appendDecision } from '../plan/decision-log.js';
import { installCommands } from '../setup/commands.js';
import { writeConfig } from '../setup/config-file.js';
import { ensureWorkspaceDirs, installDocs } from '../setup/docs.js';
import { withLock } from '../state/lock.js';
import { journalFromEvents, stampEvent, writeFreshJournal } from '../state/rebuild.js';
import { verifyWorkspace } from '../state/verify.js';
import { packageRoot, packageVersion } from '../workspace/package-root.js';
import { workspacePaths, type WorkspacePaths } from '../workspace/paths.js';
import { findWorkspaceRoot } from '../workspace/root.js';
import type { CommandDeps } from './workspace.js';

/** The `cccc update --json` document. */
export interface UpdateResult {
  upToDate: boolean;
  applied: boolean;
  config: { from: number; to: number; originalVersion: string | null; migrated: boolean; preset: string; notes: MigrationNote[] };
  state: {
    from: number | null;
    migrated: boolean;
    status: string | null;
    revision: number | null;
    originalStatus: string | null;
    mapping: string | null;
    questions: HumanQuestion[];
    notes: MigrationNote[];
  };
  commands: { created: string[]; updated: string[]; unchanged: string[]; userEdited: { file: string; proposed: string }[]; stale: string[] };
  docs: { created: string[] };
  /** Settings files whose cccc hooks were re-pointed at the installed entry, and notes (original scripts, loop on but unregistered). */
  hooks: { files: HookRepoint[]; stale: string[]; notes: MigrationNote[] };
  backup: string | null;
  /** `cccc trace --verify` after the update (null when nothing was applied or there is no state). */
  verified: boolean | null;
}

/** Collaborators of {@link runUpdate}; the template root and version default to the installed package. */
export type UpdateDeps = Pick<CommandDeps, 'cwd' | 'now'> & {
  templateRoot?: string;
  version?: string;
  /** Node binary and entry file hooks are re-pointed at (default: this process's node, the package's dist/src/bin.js). */
  node?: string;
  entry?: string;
};

function describe(plan: UpdatePlan): UpdateResult {
  const s = plan.state;
  const migration = s.kind === 'original' ? s.migration : null;
  return {
    upToDate: !migrates(plan) && plan.staleCommands.length === 0 && plan.staleHooks.length === 0,
    applied: false,
    config: { from: plan.config.from, to: plan.config.to, originalVersion: plan.config.originalVersion, migrated: plan.config.from < plan.config.to, preset: plan.config.config.preset, notes: plan.config.notes },
    state: {
      from: s.kind === 'missing' ? null : s.kind === 'original' ? 0 : s.envelope.schemaVersion,
      migrated: false,
      status: s.kind === 'current' ? s.envelope.status : null,
      revision: s.kind === 'current' ? s.envelope.revision : null,
      originalStatus: migration?.original.status ?? null,
      mapping: migration ? `${migration.mapping.to}: ${migration.mapping.note}` : null,
      questions: [],
      notes: migration ? migration.notes : s.kind === 'missing' ? [{ level: 'warn', path: '(file)', message: 'state.json is missing: run `cccc repair`' }] : [],
    },
    commands: { created: [], updated: [], unchanged: [], userEdited: [], stale: plan.staleCommands },
    docs: { created: [] },
    hooks: { files: [], stale: plan.staleHooks, notes: [] },
    backup: null,
    verified: null,
  };
}

/** Where hooks point after an update: this process's node and the package's `dist/src/bin.js` (overridable in deps). */
function hookTarget(deps: UpdateDeps, templateRoot: string): { entry: string; node: string } {
  return { entry: deps.entry ?? path.join(templateRoot, 'dist', 'src', 'bin.js'), node: deps.node ?? process.execPath };
}

async function apply(paths: WorkspacePaths, plan: UpdatePlan, result: UpdateResult, deps: UpdateDeps, templateRoot: string, version: string): Promise<void> {
  const hook = hookTarget(deps, templateRoot);
  const now = deps.now();
  const at = now.toISOString();
  const settings = path.join(paths.claudeDir, 'settings.json');
  result.backup = paths.rel((await backupFiles(paths, 'update', now, [paths.config, paths.state, paths.journal, paths.commandsDir, settings])).dir);
  if (result.config.migrated) await writeConfig(paths, plan.config.config);
  if (plan.state.kind === 'original') {
    const limits = limitsFromConfig(plan.config.config);
    const { entries, envelope } = journalFromEvents(plan.state.migration.events.map((e) => stampEvent(e, at, limits)), 'repair', at);
    await writeFreshJournal(paths, entries, envelope);
    Object.assign(result.state, { migrated: true, status: envelope.status, revision: envelope.revision, questions: envelope.snapshot.context.questions });
  }
  await ensureWorkspaceDirs(paths);
  for (const doc of await installDocs(paths, path.join(templateRoot, 'docs-template'))) if (doc.action === 'created') result.docs.created.push(paths.rel(doc.file));
  for (const c of await installCommands(paths, path.join(templateRoot, 'commands-template'), version)) {
    if (c.action === 'user-edited') result.commands.userEdited.push({ file: paths.rel(c.file), proposed: paths.rel(c.proposed!) });
    else result.commands[c.action].push(paths.rel(c.file));
  }
  result.hooks.files = await repointHooks(paths, hook.entry, hook.node, now, result.hooks.notes);
  if (plan.config.config.automation.stop_hook_loop_enabled && !result.hooks.files.some((f) => f.hooks.includes('stop'))) {
    result.hooks.notes.push({ level: 'warn', path: 'automation.stop_hook_loop_enabled', message: 'is true but no cccc Stop hook is registered: update never registers one; start the loop again to register it' });
  }
  await appendDecision(paths, {
    at,
    title: `Update to cccc ${version}`,
    fields: {
      config: result.config.migrated ? `schema ${result.config.from} (${result.config.originalVersion ?? '-'}) → ${result.config.to}, preset ${result.config.preset}` : 'unchanged',
      state: result.state.migrated ? `original ${result.state.originalStatus} → ${result.state.status}` : 'unchanged',
      backup: result.backup,
    },
  });
}

/**
 * Update the workspace containing `deps.cwd`. Throws (before writing anything) `CONFIG_MISSING`, `CONFIG_INVALID`,
 * `CONFIG_NEWER`, `CONFIG_MIGRATION_BLOCKED`, `STATE_CORRUPT`, `STATE_NEWER`, and `STATE_LOCKED` when locked.
 */
export async function runUpdate(options: { force?: boolean }, deps: UpdateDeps): Promise<UpdateResult> {
  const paths = workspacePaths(findWorkspaceRoot(deps.cwd));
  const templateRoot = deps.templateRoot ?? packageRoot();
  const version = deps.version ?? packageVersion();
  if (!(await stat(paths.config).catch(() => null))) {
    throw new NotSetUpError('CONFIG_MISSING', `${paths.rel(paths.config)} does not exist.`, 'Run `cccc setup` in this repository first.');
  }
  return withLock(paths.state, async () => {
    const plan = await planUpdate(paths, templateRoot, version, hookTarget(deps, templateRoot));
    const result = describe(plan);
    if (result.upToDate && !options.force) return result;
    await apply(paths, plan, result, deps, templateRoot, version);
    result.applied = true;
    if (plan.state.kind !== 'missing') result.verified = (await verifyWorkspace(paths)).ok;
    return result;
  });
}

/** Human rendering of {@link UpdateResult}. */
export function formatUpdate(r: UpdateResult): string {
  if (!r.applied) return r.upToDate ? 'Already up to date (config and state at the current schema, generated commands current). Use --force to refresh anyway.' : 'Nothing applied.';
  const lines = ['Update complete.'];
  lines.push(r.config.migrated ? `Config: original ${r.config.originalVersion} (schema ${r.config.from}) → schema ${r.config.to}, preset ${r.config.preset}` : 'Config: unchanged');
  if (r.state.migrated) lines.push(`State: original ${r.state.originalStatus} → ${r.state.status} (${r.state.mapping}); new journal, revision ${r.state.revision}`);
  else lines.push(`State: unchanged${r.state.status ? ` (${r.state.status})` : ''}`);
  for (const n of [...r.config.notes, ...r.state.notes]) if (n.level === 'warn') lines.push(`  WARN ${n.path}: ${n.message}`);
  for (const q of r.state.questions) lines.push(`Question ${q.id}: ${q.question}`, ...q.options.map((o) => `  ${o.id}. ${o.label}${o.id === q.recommended ? ' (recommended)' : ''}`));
  const c = r.commands;
  lines.push(`Commands: ${c.created.length} created, ${c.updated.length} updated, ${c.unchanged.length} unchanged, ${c.userEdited.length} edited by you (new version beside them as .new)`);
  if (r.docs.created.length) lines.push(`Docs created: ${r.docs.created.join(', ')}`);
  for (const f of r.hooks.files) lines.push(`Hooks: ${f.file} (${f.hooks.join(', ')}) ${f.changed ? 're-pointed at the installed cccc' : 'already current'}`);
  for (const n of r.hooks.notes) lines.push(`  WARN ${n.path}: ${n.message}`);
  if (r.backup) lines.push(`Backup: ${r.backup}`);
  if (r.verified !== null) lines.push(`trace --verify: ${r.verified ? 'OK' : 'FAILED (run cccc trace --verify)'}`);
  return lines.join('\n');
}

/**
 * `cccc setup [--preset recommended|strict|custom] [--config-file F|-] [--language auto|en|zh-CN] [--keep|--rebuild] [--yes]`
 * (issue #2 §4; spec "setup wizard"; inventory §1.2, §3, §9). Generates `docs/cccc/` (config, state, docs from
 * `docs-template/`, workspace dirs) and `.claude/commands/` (from `commands-template/`). It never touches
 * `.claude/settings.json` or hooks, never overwrites a planning doc, and backs up a config before rewriting it.
 *
 * The new config is built and validated before anything is written, so a bad custom config changes nothing.
 */
import path from 'node:path';
import type { CcccConfig } from '../config/schema.js';
import { InvalidInputError, RefusedError, UsageError } from '../errors.js';
import { repoRoot } from '../git/repo.js';
import { buildConfig, type ConfigSource } from '../setup/config-build.js';
import { backupConfig, readExistingConfig, writeConfig, type ExistingConfig } from '../setup/config-file.js';
import { installCommands } from '../setup/commands.js';
import { ensureWorkspaceDirs, installDocs, installWorkspaceGitignore, type FileOutcome } from '../setup/docs.js';
import { hasNoDecidingFlags, parseSetupOptions, type ResolvedSetupOptions, type SetupOptions } from '../setup/options.js';
import { summarizeConfig, type ConfigAction, type SetupResult } from '../setup/result.js';
import { runSetupWizard, type WizardDecision } from '../setup/wizard.js';
import { wizardLanguage } from '../setup/wizard-text.js';
import { initState } from '../state/store.js';
import { packageRoot, packageVersion } from '../workspace/package-root.js';
import { workspacePaths, type WorkspacePaths } from '../workspace/paths.js';

export { printSetupResult, formatSetupResult, type SetupResult, type ConfigSummary } from '../setup/result.js';
export type { SetupOptions } from '../setup/options.js';

/** Collaborators of {@link runSetup}; everything but `cwd` defaults to the real process and package. */
export interface SetupDeps {
  cwd: string;
  now?: () => Date;
  /** Read for `--config-file -` and by the wizard. */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
  /** Only `isTTY` is used: the wizard runs when stdin and stdout are TTYs and no deciding flag was given. */
  stdout?: { isTTY?: boolean };
  /** Where wizard questions go (default stderr, so stdout keeps only the result). */
  prompt?: NodeJS.WritableStream;
  env?: NodeJS.ProcessEnv;
  /** Finds the repository root (default `repoRoot`: `git rev-parse --show-toplevel`). */
  repoRoot?: (cwd: string) => Promise<string>;
  /** Directory holding `docs-template/` and `commands-template/` (default: the package root). */
  templateRoot?: string;
  /** Version stamped into generated command files (default: the package version). */
  version?: string;
}

/** What to do with `config.json`, decided from the flags or by the wizard. */
type ConfigPlan = WizardDecision;

function planFromFlags(o: ResolvedSetupOptions, existing: ExistingConfig): ConfigPlan {
  if (existing.kind === 'valid' && o.keep) return { action: 'keep', loopRequested: false };
  if (existing.kind === 'valid' && !o.rebuild) {
    throw new RefusedError('SETUP_EXISTS', 'docs/cccc/config.json already exists.', 'Run `cccc setup --keep` to keep it and fill only missing files, or `cccc setup --rebuild` to back it up and rewrite it from the preset.');
  }
  if (o.preset === 'custom' && o.configFile === undefined) {
    throw new UsageError('--preset custom needs --config-file FILE (or - for stdin).', 'Or run `cccc setup` without flags in a terminal to answer the custom questions.');
  }
  const source: ConfigSource = o.configFile !== undefined ? { kind: 'file', file: o.configFile } : { kind: 'preset', preset: o.preset === 'strict' ? 'strict' : 'recommended' };
  return { action: 'write', source, language: o.language, loopRequested: false, partial: false };
}

function refuseInvalid(existing: Extract<ExistingConfig, { kind: 'invalid' }>, paths: WorkspacePaths): never {
  const file = paths.rel(paths.config);
  throw new InvalidInputError(
    'CONFIG_INVALID',
    `${file} exists but cannot be used, so setup will not overwrite it:\n${existing.error.message}`,
    `Fix it by hand, or run \`cccc setup --rebuild --yes\` to back it up to docs/cccc/backups/ and replace it.`,
    { ...existing.error.details, file },
  );
}

function cancelled(root: string): SetupResult {
  return { cancelled: true, root, generated: [], updated: [], preserved: [], userEdited: [], backedUp: null, config: null, notEnabled: [], warnings: [], tips: [] };
}

function flagWarnings(o: ResolvedSetupOptions, existing: ExistingConfig, plan: ConfigPlan): string[] {
  const warnings: string[] = [];
  if (plan.action === 'keep' && o.language !== undefined) warnings.push('--language was ignored: --keep leaves config.json unchanged (use --rebuild to rewrite it).');
  if (plan.action === 'keep' && o.preset !== undefined) warnings.push(`--preset ${o.preset} was ignored: --keep leaves config.json unchanged.`);
  if (existing.kind === 'missing' && (o.keep || o.rebuild)) warnings.push(`--${o.keep ? 'keep' : 'rebuild'} had no effect: there was no config.json, so one was created.`);
  return warnings;
}

/**
 * Set up (or refresh) the cccc workspace of the git repository containing `deps.cwd`.
 *
 * Returns a {@link SetupResult} (paths relative to the repository root). Throws:
 * {@link UsageError} for bad flags; `NotSetUpError` `NOT_A_GIT_REPO` outside git; {@link RefusedError}
 * `SETUP_EXISTS` when a config exists and neither `--keep` nor `--rebuild` is given (non-interactive);
 * {@link InvalidInputError} `CONFIG_INVALID` when the existing config does not parse/validate (unless
 * `--rebuild --yes`) or the custom config is invalid (listing `field.path: problem`), `CONFIG_FILE_UNREADABLE`.
 */
export async function runSetup(options: SetupOptions, deps: SetupDeps): Promise<SetupResult> {
  const o = parseSetupOptions(options);
  const now = deps.now ?? (() => new Date());
  const stdin = deps.stdin ?? process.stdin;
  const root = await (deps.repoRoot ?? repoRoot)(deps.cwd);
  const paths = workspacePaths(root);
  const existing = await readExistingConfig(paths);
  if (existing.kind === 'invalid' && !(o.rebuild && o.yes)) refuseInvalid(existing, paths);

  const interactive = hasNoDecidingFlags(o) && Boolean(stdin.isTTY) && Boolean((deps.stdout ?? process.stdout).isTTY);
  const plan: ConfigPlan = interactive
    ? await runSetupWizard(
        { input: stdin, output: deps.prompt ?? process.stderr },
        {
          existing: existing.kind === 'valid' ? existing.config : null,
          language: wizardLanguage(o.language, existing.kind === 'valid' ? existing.config.language.user_language : undefined, deps.env ?? process.env),
          languageFlag: o.language,
        },
      )
    : planFromFlags(o, existing);
  if (plan.action === 'exit') return cancelled(root);

  // Build and validate first: nothing is written when the new config is invalid.
  let config: CcccConfig;
  let configAction: ConfigAction = 'kept';
  if (plan.action === 'keep') {
    if (existing.kind !== 'valid') throw new Error('keep planned without a valid config'); // unreachable: plans keep only then
    config = existing.config;
  } else {
    config = await buildConfig(plan.source, plan.language, { cwd: deps.cwd, stdin });
    configAction = existing.kind === 'missing' ? 'created' : plan.partial ? 'updated' : 'rebuilt';
  }

  const rel = (file: string) => paths.rel(file);
  const generated: string[] = [];
  const preserved: string[] = [];
  const record = (outcome: FileOutcome) => (outcome.action === 'created' ? generated : preserved).push(rel(outcome.file));

  await ensureWorkspaceDirs(paths);
  let backedUp: string | null = null;
  if (plan.action === 'write') {
    if (existing.kind !== 'missing') backedUp = rel(await backupConfig(paths, now()));
    await writeConfig(paths, config);
    generated.push(rel(paths.config));
  } else {
    preserved.push(rel(paths.config));
  }
  const templateRoot = deps.templateRoot ?? packageRoot();
  for (const outcome of await installDocs(paths, path.join(templateRoot, 'docs-template'))) record(outcome);
  if (config.workspace.ignore_logs_and_runtime) record(await installWorkspaceGitignore(paths));
  record({ file: paths.state, action: (await initState(paths, now().toISOString())) ? 'created' : 'preserved' });

  const updated: string[] = [];
  const userEdited: SetupResult['userEdited'] = [];
  for (const c of await installCommands(paths, path.join(templateRoot, 'commands-template'), deps.version ?? packageVersion())) {
    if (c.action === 'created') generated.push(rel(c.file));
    else if (c.action === 'updated') updated.push(rel(c.file));
    else preserved.push(rel(c.file));
    if (c.action === 'user-edited' && c.proposed) userEdited.push({ file: rel(c.file), proposed: rel(c.proposed) });
  }

  const tips = [
    'Start a task in Claude Code: /cc-codex-collaborate "<task>" (or run `cccc start "<task>"` and follow `cccc next`).',
    ...(plan.loopRequested ? ['Enable the Stop-hook loop: `cccc loop start` (or /cc-codex-collaborate-loop-start in Claude Code).'] : []),
    ...userEdited.map((u) => `Compare ${u.file} with ${u.proposed} and merge the changes you want.`),
  ];
  return {
    cancelled: false,
    root,
    generated,
    updated,
    preserved,
    userEdited,
    backedUp,
    config: summarizeConfig(config, configAction),
    notEnabled: ['stop-hook loop (run cccc loop start)'],
    warnings: flagWarnings(o, existing, plan),
    tips,
  };
}

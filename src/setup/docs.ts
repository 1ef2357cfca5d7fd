/**
 * `docs/cccc/` generation from `docs-template/` (issue #2 §4; inventory §9.1). Docs are created only when
 * missing and are never overwritten — they are Claude's and the user's work once written.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DISCOVERY_DOCS, PLANNING_DOCS } from '../../machines/guards.js';
import type { WorkspacePaths } from '../workspace/paths.js';

/**
 * Every file of `docs-template/`, in the order setup writes them: the discovery docs and planning docs the guards
 * check, then `milestones.yaml` (example, marked as a template), `decision-log.md` (appended by `cccc answer`,
 * no template marker) and the workspace README.
 */
export const DOC_TEMPLATE_FILES: readonly string[] = [
  ...DISCOVERY_DOCS,
  ...PLANNING_DOCS,
  'milestones.yaml',
  'decision-log.md',
  'README.md',
];

/** Workspace subdirectories setup creates (runtime/loop and reviews/<gate> are created by their writers). */
export const WORKSPACE_DIRS = ['logs', 'reviews', 'backups', 'runtime'] as const;

/**
 * `docs/cccc/.gitignore`, written when `workspace.ignore_logs_and_runtime` is true. Generated from code rather than
 * shipped in `docs-template/` because npm drops `.gitignore` files from published packages.
 */
export const WORKSPACE_GITIGNORE = '# Written by cccc setup (workspace.ignore_logs_and_runtime): local run data.\nlogs/\nruntime/\nbackups/\n';

/** What happened to one file: created now, or already there and left untouched. */
export interface FileOutcome {
  /** Absolute path. */
  file: string;
  action: 'created' | 'preserved';
}

/** Create `file` with `content` unless it exists (`wx`: never overwrites, even in a race). */
export async function writeIfMissing(file: string, content: string | Buffer): Promise<FileOutcome> {
  await mkdir(path.dirname(file), { recursive: true });
  try {
    await writeFile(file, content, { flag: 'wx' });
    return { file, action: 'created' };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return { file, action: 'preserved' };
    throw error;
  }
}

/** Create the workspace directories (idempotent). */
export async function ensureWorkspaceDirs(paths: WorkspacePaths): Promise<void> {
  for (const dir of WORKSPACE_DIRS) await mkdir(path.join(paths.workspace, dir), { recursive: true });
}

/**
 * Copy each of {@link DOC_TEMPLATE_FILES} from `templateDir` into `docs/cccc/` when missing. Throws the fs error
 * when a template cannot be read (a broken installation).
 */
export async function installDocs(paths: WorkspacePaths, templateDir: string): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = [];
  for (const name of DOC_TEMPLATE_FILES) {
    const content = await readFile(path.join(templateDir, name));
    outcomes.push(await writeIfMissing(paths.doc(name), content));
  }
  return outcomes;
}

/** Write `docs/cccc/.gitignore` ({@link WORKSPACE_GITIGNORE}) when missing. */
export async function installWorkspaceGitignore(paths: WorkspacePaths): Promise<FileOutcome> {
  return writeIfMissing(paths.doc('.gitignore'), WORKSPACE_GITIGNORE);
}

/**
 * The file-level part of `cccc repair` (issue #5): missing workspace directories and missing generated slash
 * commands. Both only create what is absent — an existing command file, edited or not, is `cccc update`'s
 * business (it refreshes unedited ones and proposes `<name>.new` beside edited ones).
 */
import { mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { COMMAND_TEMPLATE_FILES } from '../setup/commands.js';
import { WORKSPACE_DIRS, writeIfMissing } from '../setup/docs.js';
import { renderCommandTemplate } from '../setup/markers.js';
import { packageRoot, packageVersion } from '../workspace/package-root.js';
import type { WorkspacePaths } from '../workspace/paths.js';

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/** Create the missing ones of `docs/cccc/{logs,reviews,backups,runtime}` (setup's list); returns them, repo-relative. */
export async function createMissingDirs(paths: WorkspacePaths): Promise<string[]> {
  const created: string[] = [];
  for (const name of WORKSPACE_DIRS) {
    const dir = path.join(paths.workspace, name);
    if (await exists(dir)) continue;
    await mkdir(dir, { recursive: true });
    created.push(paths.rel(dir));
  }
  return created;
}

/**
 * Write each generated command of `commands-template/` that is missing from `.claude/commands/`, rendered as
 * `cccc setup` renders it (template root and version default to the installed package). Returns the created
 * files, repo-relative. Throws the fs error when a template cannot be read (a broken installation).
 */
export async function createMissingCommands(paths: WorkspacePaths, templateRoot = packageRoot(), version = packageVersion()): Promise<string[]> {
  const created: string[] = [];
  for (const name of COMMAND_TEMPLATE_FILES) {
    const target = path.join(paths.commandsDir, name);
    if (await exists(target)) continue;
    const rendered = renderCommandTemplate(await readFile(path.join(templateRoot, 'commands-template', name), 'utf8'), version);
    if ((await writeIfMissing(target, rendered)).action === 'created') created.push(paths.rel(target));
  }
  return created;
}

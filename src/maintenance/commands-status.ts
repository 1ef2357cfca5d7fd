/**
 * Are the generated slash commands current? (issue #5 `cccc update`: "generated commands refreshed"). Read-only:
 * a command is stale when it is missing, or when it is cccc's unedited output (marker hash intact) and differs from
 * what the installed templates render now — exactly the files `installCommands` would write. Edited files are not
 * stale (update proposes `<name>.new` beside them, and only when it runs).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { COMMAND_TEMPLATE_FILES } from '../setup/commands.js';
import { inspectGeneratedFile, renderCommandTemplate } from '../setup/markers.js';
import type { WorkspacePaths } from '../workspace/paths.js';

/** Names of the generated commands that `installCommands` would create or refresh. */
export async function staleCommands(paths: WorkspacePaths, templateRoot: string, version: string): Promise<string[]> {
  const stale: string[] = [];
  for (const name of COMMAND_TEMPLATE_FILES) {
    const rendered = renderCommandTemplate(await readFile(path.join(templateRoot, 'commands-template', name), 'utf8'), version);
    const existing = await readFile(path.join(paths.commandsDir, name), 'utf8').catch(() => null);
    if (existing === null || (existing !== rendered && inspectGeneratedFile(existing).intact)) stale.push(name);
  }
  return stale;
}

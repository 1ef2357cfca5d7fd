/**
 * `.claude/commands/` generation from `commands-template/` (issue #2 §4, issue #4 §4; inventory §9.2).
 * A target is written when missing, refreshed when it is still cccc's unedited output but out of date, and left
 * alone when the user edited it (then the new version goes to `<name>.new` beside it). Marker rules: markers.ts.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { WorkspacePaths } from '../workspace/paths.js';
import { writeIfMissing } from './docs.js';
import { inspectGeneratedFile, renderCommandTemplate } from './markers.js';

/** The slash-command templates: the router and the three loop commands, each with its `/cccc…` alias. */
export const COMMAND_TEMPLATE_FILES: readonly string[] = [
  'cc-codex-collaborate.md',
  'cccc.md',
  'cc-codex-collaborate-loop-start.md',
  'cccc-loop-start.md',
  'cc-codex-collaborate-loop-status.md',
  'cccc-loop-status.md',
  'cc-codex-collaborate-loop-stop.md',
  'cccc-loop-stop.md',
];

/**
 * What happened to one command file:
 * - `created`: it was missing;
 * - `updated`: it was cccc's unedited output of an older template and was replaced;
 * - `unchanged`: it already equals the current template;
 * - `user-edited`: it has no intact marker; it was left as is and `proposed` holds the current template.
 */
export interface CommandOutcome {
  /** Absolute path. */
  file: string;
  action: 'created' | 'updated' | 'unchanged' | 'user-edited';
  /** Absolute path of `<name>.new` for `user-edited`, else null. */
  proposed: string | null;
}

async function readIfExists(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Decide and apply the outcome for one rendered command file. */
async function installOne(target: string, rendered: string): Promise<CommandOutcome> {
  const existing = await readIfExists(target);
  if (existing === null) {
    const written = await writeIfMissing(target, rendered);
    // Lost a race with another writer: treat whatever is there now on the next run.
    return { file: target, action: written.action === 'created' ? 'created' : 'unchanged', proposed: null };
  }
  if (existing === rendered) return { file: target, action: 'unchanged', proposed: null };
  if (inspectGeneratedFile(existing).intact) {
    await writeFileAtomic(target, rendered);
    return { file: target, action: 'updated', proposed: null };
  }
  const proposed = `${target}.new`;
  if ((await readIfExists(proposed)) !== rendered) await writeFile(proposed, rendered);
  return { file: target, action: 'user-edited', proposed };
}

/**
 * Install every {@link COMMAND_TEMPLATE_FILES} entry from `templateDir` into `paths.commandsDir`, stamping
 * `version` into the marker. Never touches `.claude/settings.json` or hooks. Throws the fs error when a template
 * cannot be read.
 */
export async function installCommands(paths: WorkspacePaths, templateDir: string, version: string): Promise<CommandOutcome[]> {
  const outcomes: CommandOutcome[] = [];
  for (const name of COMMAND_TEMPLATE_FILES) {
    const rendered = renderCommandTemplate(await readFile(path.join(templateDir, name), 'utf8'), version);
    outcomes.push(await installOne(path.join(paths.commandsDir, name), rendered));
  }
  return outcomes;
}

/**
 * Doctor check of the generated slash commands in `.claude/commands/` (issue #5: "every generated slash
 * command present and current"), by the marker rules of `src/setup/markers.ts`: a file is current when it is
 * byte-equal to what setup would write now; outdated when it is cccc's unedited output of another template;
 * edited when its marker is missing or its hash does not verify (then it is the user's, and left alone).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { COMMAND_TEMPLATE_FILES } from '../../setup/commands.js';
import { inspectGeneratedFile, renderCommandTemplate } from '../../setup/markers.js';
import { packageRoot, packageVersion } from '../../workspace/package-root.js';
import { line, type DoctorCheck, type DoctorCheckFn } from '../types.js';

/** What one command file is, compared with the installed template. */
export type CommandCondition = 'current' | 'missing' | 'outdated' | 'edited';

/** Classify a command file's text (null: missing) against the `rendered` current template (pure). */
export function commandCondition(existing: string | null, rendered: string): CommandCondition {
  if (existing === null) return 'missing';
  if (existing === rendered) return 'current';
  return inspectGeneratedFile(existing).intact ? 'outdated' : 'edited';
}

/** Every file of {@link COMMAND_TEMPLATE_FILES} is present and current. */
export const checkCommands: DoctorCheckFn = async (facts, t) => {
  if ((await facts.config()).kind === 'missing') return [];
  const title = t('doctor.commands.title');
  const templateRoot = facts.deps.templateRoot ?? packageRoot();
  const version = facts.deps.version ?? packageVersion();
  const byCondition: Record<CommandCondition, string[]> = { current: [], missing: [], outdated: [], edited: [] };
  for (const name of COMMAND_TEMPLATE_FILES) {
    let rendered: string;
    try {
      rendered = renderCommandTemplate(await readFile(path.join(templateRoot, 'commands-template', name), 'utf8'), version);
    } catch (error) {
      return line('commands', 'FAIL', title, t('doctor.commands.templates', { message: (error as Error).message }), t('doctor.commands.templates.hint'));
    }
    const existing = await readFile(path.join(facts.paths.commandsDir, name), 'utf8').catch(() => null);
    byCondition[commandCondition(existing, rendered)].push(name);
  }
  const lines: DoctorCheck[] = [];
  const files = (names: string[]) => names.join(', ');
  if (byCondition.missing.length) lines.push(line('commands', 'FAIL', title, t('doctor.commands.missing', { files: files(byCondition.missing) }), t('doctor.commands.missing.hint')));
  if (byCondition.outdated.length) lines.push(line('commands', 'WARN', title, t('doctor.commands.outdated', { files: files(byCondition.outdated) }), t('doctor.commands.outdated.hint')));
  if (byCondition.edited.length) lines.push(line('commands', 'WARN', title, t('doctor.commands.edited', { files: files(byCondition.edited) }), t('doctor.commands.edited.hint')));
  return lines.length ? lines : line('commands', 'PASS', title, t('doctor.commands.ok', { count: COMMAND_TEMPLATE_FILES.length }));
};

/**
 * Doctor checks of Codex: the CLI from `codex.cli_command` is found and answers `--version`, and `codex login
 * status` says logged in (external-interfaces A3, via `src/codex/status.ts`). Neither probe writes to the
 * workspace. Also: every verdict JSON Schema is valid in OpenAI strict mode (issue #3 §2).
 */
import type { GateName } from '../../../machines/types.js';
import { codexLoginStatus, codexVersion } from '../../codex/status.js';
import { DEFAULT_CODEX_COMMAND } from '../../codex/command.js';
import { isStrictSchema, verdictJsonSchema } from '../../verdicts/json-schema.js';
import type { DoctorFacts } from '../facts.js';
import { line, type DoctorCheck, type DoctorCheckFn } from '../types.js';

/** `codex.cli_command` from the valid config, else read leniently from the raw text, else `codex`. */
export async function configuredCodexCommand(facts: DoctorFacts): Promise<string> {
  const config = await facts.validConfig();
  if (config) return config.codex.cli_command;
  try {
    const raw = (JSON.parse(facts.configText ?? '{}') as { codex?: { cli_command?: unknown } }).codex?.cli_command;
    return typeof raw === 'string' && raw.trim() !== '' ? raw : DEFAULT_CODEX_COMMAND;
  } catch {
    return DEFAULT_CODEX_COMMAND;
  }
}

/** The Codex CLI is found, answers `--version`, and is logged in. */
export const checkCodex: DoctorCheckFn = async (facts, t) => {
  const command = await configuredCodexCommand(facts);
  const options = { env: facts.deps.env, timeoutMs: facts.deps.probeTimeoutMs };
  const title = t('doctor.codex.title', { command });
  let version: Awaited<ReturnType<typeof codexVersion>>;
  try {
    version = await codexVersion(command, options);
  } catch (error) {
    // A cli_command that is not a command (shell operators): the config's fault.
    return line('codex', 'FAIL', title, (error as Error).message, t('doctor.codex.notFound.hint'));
  }
  if (!version.ok) {
    return version.reason === 'not_installed'
      ? line('codex', 'FAIL', title, t('doctor.codex.notFound', { message: version.message }), t('doctor.codex.notFound.hint'))
      : line('codex', 'FAIL', title, t('doctor.codex.broken', { message: version.message }), t('doctor.codex.broken.hint', { command }));
  }
  const lines: DoctorCheck[] = [line('codex', 'PASS', title, t('doctor.codex.ok', { version: version.version }))];
  const login = await codexLoginStatus(command, options);
  const loginTitle = t('doctor.login.title');
  if (login.ok) lines.push(line('codex.login', 'PASS', loginTitle, t('doctor.login.ok', { message: login.message })));
  else if (login.reason === 'not_logged_in') lines.push(line('codex.login', 'FAIL', loginTitle, t('doctor.login.no', { message: login.message }), t('doctor.login.no.hint')));
  else lines.push(line('codex.login', 'FAIL', loginTitle, t('doctor.login.broken', { message: login.message }), t('doctor.login.broken.hint', { command })));
  return lines;
};

/** Problems of each gate's verdict schema in OpenAI strict mode (empty when all are strict). Pure. */
export function verdictSchemaProblems(): { gate: GateName; problems: string[] }[] {
  const found: { gate: GateName; problems: string[] }[] = [];
  for (const gate of ['plan', 'milestone', 'final'] as const) {
    try {
      const problems = isStrictSchema(verdictJsonSchema(gate));
      if (problems.length) found.push({ gate, problems });
    } catch (error) {
      found.push({ gate, problems: [(error as Error).message] });
    }
  }
  return found;
}

/** Every verdict JSON Schema is strict-valid (Codex sends it with `strict: true`). */
export const checkSchemas: DoctorCheckFn = async (_facts, t) => {
  const title = t('doctor.schemas.title');
  const problems = verdictSchemaProblems();
  if (problems.length === 0) return line('schemas', 'PASS', title, t('doctor.schemas.ok'));
  return problems.map((p) => line('schemas', 'FAIL', title, t('doctor.schemas.fail', { gate: p.gate, problems: p.problems.join('; ') }), t('doctor.schemas.fail.hint')));
};

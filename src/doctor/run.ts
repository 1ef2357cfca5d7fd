/**
 * `runDoctor`: run every check in order and collect its lines. Each check is isolated — one that throws
 * becomes a FAIL line naming it, and the rest still run — so doctor always prints a full report (the
 * original crashed on an undefined function before printing anything, inventory §10 #8).
 */
import { translator } from '../i18n/catalogue.js';
import { resolveLanguage } from '../i18n/language.js';
import { configuredLanguage } from '../i18n/user-language.js';
import { checkAssurance, checkBudget, checkDocsSinceApproval } from './checks/assurance.js';
import { checkCodex, checkSchemas } from './checks/codex.js';
import { checkCommands } from './checks/commands.js';
import { checkGit, checkNode } from './checks/environment.js';
import { checkHooks } from './checks/hooks.js';
import { checkBlockCap } from './checks/loop-cap.js';
import { checkLoop } from './checks/loop.js';
import { checkConfig, checkLock, checkReplay, checkState } from './checks/workspace.js';
import { gatherFacts, type DoctorDeps } from './facts.js';
import { line, type DoctorCheck, type DoctorCheckFn, type DoctorReport } from './types.js';

/** The checks, in report order, by id (the id names a crashed check). */
export const DOCTOR_CHECKS: readonly (readonly [string, DoctorCheckFn])[] = [
  ['node', checkNode],
  ['git', checkGit],
  ['config', checkConfig],
  ['state', checkState],
  ['replay', checkReplay],
  ['lock', checkLock],
  ['commands', checkCommands],
  ['hooks', checkHooks],
  ['loop', checkLoop],
  ['loop.cap', checkBlockCap],
  ['codex', checkCodex],
  ['schemas', checkSchemas],
  ['assurance', checkAssurance],
  ['budget', checkBudget],
  ['docs', checkDocsSinceApproval],
];

/** Count the lines by level. */
export function summarize(checks: readonly DoctorCheck[]): DoctorReport['summary'] {
  return {
    pass: checks.filter((c) => c.level === 'PASS').length,
    warn: checks.filter((c) => c.level === 'WARN').length,
    fail: checks.filter((c) => c.level === 'FAIL').length,
  };
}

/**
 * Run `checks` (default {@link DOCTOR_CHECKS}) against the workspace containing `deps.cwd`. Never throws for
 * what it finds; read-only (no writes, no lock, no hooks). The language is the config's
 * `language.user_language` when readable, else from the environment.
 */
export async function runDoctor(deps: DoctorDeps, checks: readonly (readonly [string, DoctorCheckFn])[] = DOCTOR_CHECKS): Promise<DoctorReport> {
  const facts = gatherFacts(deps);
  const language = resolveLanguage(configuredLanguage(facts.configText), facts.env);
  const t = translator(language);
  const lines: DoctorCheck[] = [];
  for (const [id, check] of checks) {
    try {
      const result = await check(facts, t);
      lines.push(...(Array.isArray(result) ? result : [result]));
    } catch (error) {
      lines.push(line(id, 'FAIL', t('doctor.crashed.title', { id }), t('doctor.crashed', { message: error instanceof Error ? error.message : String(error) }), t('doctor.crashed.hint')));
    }
  }
  const summary = summarize(lines);
  return { root: facts.root, language, checks: lines, summary, ok: summary.fail === 0 };
}

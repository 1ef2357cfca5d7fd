/**
 * Shapes of `cccc doctor` (issue #5; the original's checks are inventory §8.1, its crash §10 #8). A check is
 * a small named function that reads facts and returns lines; it never writes, never takes the lock and never
 * runs a hook.
 */
import type { Translate } from '../i18n/catalogue.js';
import type { Language } from '../i18n/language.js';
import type { DoctorFacts } from './facts.js';

/** PASS: fine. WARN: works, but worth a look. FAIL: broken; `doctor` exits 8. Never translated. */
export type DoctorLevel = 'PASS' | 'WARN' | 'FAIL';

/**
 * One doctor line. `id` is stable (`node`, `codex.login`, `hooks`…) for tests and `--json` consumers;
 * `title`, `detail` and `hint` are in the user's language. `hint` says how to fix a WARN/FAIL (null on PASS).
 */
export interface DoctorCheck {
  id: string;
  level: DoctorLevel;
  title: string;
  detail: string;
  hint: string | null;
}

/** A check: facts in, zero or more lines out (zero when it does not apply, e.g. no state without a config). */
export type DoctorCheckFn = (facts: DoctorFacts, t: Translate) => Promise<DoctorCheck | DoctorCheck[]>;

/** The `cccc doctor --json` document. `ok` is false exactly when some line is FAIL. */
export interface DoctorReport {
  root: string;
  language: Language;
  checks: DoctorCheck[];
  summary: { pass: number; warn: number; fail: number };
  ok: boolean;
}

/** Build a line. */
export function line(id: string, level: DoctorLevel, title: string, detail: string, hint: string | null = null): DoctorCheck {
  return { id, level, title, detail, hint: level === 'PASS' ? null : hint };
}

/**
 * Doctor checks of the workspace files: the config (each error with its field path), the state envelope, the
 * state against a replay of the journal (the `trace --verify` comparison, `src/state/verify.ts`), and the lock.
 * All read-only: files are read without the lock and `lockfile.check` only looks.
 */
import { inspectLock } from '../../maintenance/stale-lock.js';
import { LOCK_STALE_MS } from '../../state/lock.js';
import { verifyAgainstJournal } from '../../state/verify.js';
import { line, type DoctorCheckFn } from '../types.js';

/** `docs/cccc/config.json` exists, parses and validates. */
export const checkConfig: DoctorCheckFn = async (facts, t) => {
  const file = facts.paths.rel(facts.paths.config);
  const title = t('doctor.config.title', { file });
  const read = await facts.config();
  switch (read.kind) {
    case 'missing':
      return line('config', 'FAIL', title, t('doctor.config.missing', { file }), t('doctor.config.missing.hint'));
    case 'unreadable':
      return line('config', 'FAIL', title, t('doctor.config.unreadable', { message: read.message }), t('doctor.config.unreadable.hint'));
    case 'json':
      return line('config', 'FAIL', title, t('doctor.config.json', { message: read.message }), t('doctor.config.json.hint'));
    case 'invalid': {
      const issues = read.issues.map((i) => `  - ${i.path}: ${i.message}`).join('\n');
      return line('config', 'FAIL', title, t('doctor.config.invalid', { count: read.issues.length, issues }), t('doctor.config.invalid.hint'));
    }
    case 'valid': {
      const c = read.config;
      return line('config', 'PASS', title, t('doctor.config.ok', { preset: c.preset, mode: c.mode, language: c.language.user_language }));
    }
  }
};

/** True when the workspace was never set up here (no config, no state): the state checks then say nothing. */
async function notSetUp(facts: Parameters<DoctorCheckFn>[0]): Promise<boolean> {
  return (await facts.config()).kind === 'missing' && (await facts.state()).kind === 'missing';
}

/** `docs/cccc/state.json` exists, parses and validates (schema and machine version). */
export const checkState: DoctorCheckFn = async (facts, t) => {
  if (await notSetUp(facts)) return [];
  const file = facts.paths.rel(facts.paths.state);
  const title = t('doctor.state.title', { file });
  const state = await facts.state();
  switch (state.kind) {
    case 'missing':
      return line('state', 'FAIL', title, t('doctor.state.missing', { file }), t('doctor.state.missing.hint'));
    case 'corrupt':
      return line('state', 'FAIL', title, t('doctor.state.corrupt', { message: state.message }), t('doctor.state.corrupt.hint'));
    case 'newer':
      return line('state', 'FAIL', title, t('doctor.state.newer', { message: state.message }), t('doctor.state.newer.hint'));
    case 'valid':
      return line('state', 'PASS', title, t('doctor.state.ok', { status: state.envelope.status, revision: state.envelope.revision }));
  }
};

/** state.json is exactly what replaying the journal gives (skipped when state.json itself is unusable). */
export const checkReplay: DoctorCheckFn = async (facts, t) => {
  const state = await facts.state();
  if (state.kind !== 'valid') return [];
  const report = verifyAgainstJournal(state, await facts.journal());
  const title = t('doctor.replay.title');
  if (report.ok) {
    const values = { applied: report.replay.applied, revision: report.replay.revision, torn: report.journal.tornLines };
    return line('replay', 'PASS', title, t(report.journal.tornLines ? 'doctor.replay.torn' : 'doctor.replay.ok', values));
  }
  const hint = report.finding.kind === 'behind' ? t('doctor.replay.behind.hint') : t('doctor.replay.reset.hint');
  return line('replay', 'FAIL', title, t('doctor.replay.fail', { message: report.message }), hint);
};

/** The workspace lock is not held by a dead process (a live holder is only a WARN). */
export const checkLock: DoctorCheckFn = async (facts, t) => {
  if (await notSetUp(facts)) return [];
  const title = t('doctor.lock.title');
  const condition = await inspectLock(facts.paths.state);
  if (condition === 'none') return line('lock', 'PASS', title, t('doctor.lock.none'));
  if (condition === 'live') return line('lock', 'WARN', title, t('doctor.lock.live'), t('doctor.lock.live.hint', { seconds: LOCK_STALE_MS / 1000 }));
  return line('lock', 'WARN', title, t('doctor.lock.stale', { file: `${facts.paths.rel(facts.paths.state)}.lock` }), t('doctor.lock.stale.hint'));
};

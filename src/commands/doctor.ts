/**
 * `cccc doctor [--json]` (issue #5): read-only diagnosis with a fix hint on every WARN and FAIL. The checks
 * are `src/doctor/checks/*`; this module is the command's surface.
 *
 * Exit: 0 when no line is FAIL; otherwise {@link CheckFailedError} `DOCTOR_FAILED` (exit 8) — thrown only
 * after the whole report was printed (human), or carrying it in `details.report` (`--json`, so stdout still
 * holds one JSON document).
 */
import { CheckFailedError } from '../errors.js';
import type { DoctorDeps } from '../doctor/facts.js';
import { formatDoctor } from '../doctor/format.js';
import { runDoctor } from '../doctor/run.js';
import type { DoctorReport } from '../doctor/types.js';
import { translator } from '../i18n/catalogue.js';

/** Human rendering of a doctor report (re-exported for the CLI's lazy import). */
export { formatDoctor };
/** The `cccc doctor --json` document. */
export type { DoctorReport };

/** Run every doctor check for the workspace containing `deps.cwd`. Never throws for what it finds. */
export async function runDoctorCommand(deps: DoctorDeps): Promise<DoctorReport> {
  return runDoctor(deps);
}

/** The error that makes `cccc doctor` exit 8 when `report` has a FAIL line. */
export function doctorFailure(report: DoctorReport): CheckFailedError {
  const t = translator(report.language);
  return new CheckFailedError('DOCTOR_FAILED', t('doctor.failed', { fail: report.summary.fail }), t('doctor.failed.hint'), { report });
}

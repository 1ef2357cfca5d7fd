/** Rendering a {@link DoctorReport}: one `LEVEL  title — detail` line per check, its hint under it, and the summary. */
import { translator } from '../i18n/catalogue.js';
import type { DoctorReport } from './types.js';

/** Human text of a doctor report, in the report's language. */
export function formatDoctor(report: DoctorReport): string {
  const t = translator(report.language);
  const lines = [t('doctor.header', { root: report.root }), ''];
  for (const c of report.checks) {
    const [first, ...rest] = c.detail.split('\n');
    lines.push(`${c.level.padEnd(4)}  ${c.title} — ${first ?? ''}`);
    for (const more of rest) lines.push(`      ${more}`);
    if (c.hint) lines.push(`      ${t('common.hint', { hint: c.hint })}`);
  }
  lines.push('', t('doctor.summary', report.summary));
  return lines.join('\n');
}

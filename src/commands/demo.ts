/**
 * `cccc demo [--dir DIR] [--json]` (issue #7): the whole workflow on a throwaway repository with the offline
 * SIMULATED reviewer (src/demo/). Progress goes to stderr; stdout gets the final `gates` table, the `trace`, the
 * `trace --verify` result and where the repository is — or, with `--json`, the {@link DemoResult} document.
 */
import path from 'node:path';
import { packageRoot } from '../workspace/package-root.js';
import { formatGates } from './gates.js';
import { formatTrace } from './trace.js';
import { formatTraceVerify } from './trace-verify.js';
import type { DemoResult } from '../demo/run.js';

export { runDemo, type DemoOptions, type DemoResult } from '../demo/run.js';

/** Human rendering: the SIMULATION notice first and last, the gates, the trace, the replay check, the repository. */
export function formatDemo(r: DemoResult): string {
  const rule = '='.repeat(78);
  return [
    rule,
    r.notice,
    rule,
    '',
    `Reviews (all SIMULATED):`,
    ...r.reviews.flatMap((v) => [`  ${v.gate.padEnd(9)} ${(v.milestone ?? '').padEnd(5)} round ${v.round}  ${v.verdict.padEnd(13)} → ${v.to}`, `      ${v.summary}`]),
    '',
    '$ cccc gates',
    formatGates(r.gates),
    '',
    '$ cccc trace --limit 0',
    formatTrace(r.trace),
    '',
    '$ cccc trace --verify',
    formatTraceVerify(r.verify),
    '',
    `Final status: ${r.status} (revision ${r.revision}).`,
    `The demo repository is kept at: ${r.root}`,
    `  cd ${JSON.stringify(r.root)} && cccc status    (or: node ${JSON.stringify(path.join(packageRoot(), 'dist', 'src', 'bin.js'))} status)`,
    '',
    rule,
    'This was a SIMULATION: the reviewer was cccc\'s offline stand-in, not Codex. For real work, install and log in to',
    'the Codex CLI and Claude Code, then run `cccc setup` in your own repository (see README "Quick start").',
    rule,
  ].join('\n');
}

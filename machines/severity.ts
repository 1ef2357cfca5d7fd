/**
 * Severity blocking, decided in the machine from config (issue #2 §2, "Severity blocking"):
 * P0 always blocks; P1 blocks when `review.block_on_p1`; P2 blocks unless `review.allow_continue_with_p2`;
 * P3 never blocks. A verdict of "pass" with a blocking finding is not a pass (brief, "Gates fail closed").
 */
import type { Finding, Limits, Severity } from './types.js';

/** True when a finding of `severity` blocks a gate under `limits`. */
export function severityBlocks(severity: Severity, limits: Pick<Limits, 'blockOnP1' | 'allowContinueWithP2'>): boolean {
  switch (severity) {
    case 'P0':
      return true;
    case 'P1':
      return limits.blockOnP1;
    case 'P2':
      return !limits.allowContinueWithP2;
    case 'P3':
      return false;
  }
}

/** The findings that block under `limits`, in their original order. */
export function blockingFindings(findings: readonly Finding[], limits: Pick<Limits, 'blockOnP1' | 'allowContinueWithP2'>): Finding[] {
  return findings.filter((f) => severityBlocks(f.severity, limits));
}

/**
 * True when a verdict passes its gate: Codex said `pass` (`approved` for the plan gate) and no finding
 * blocks. Anything else — another status, an unknown status, a blocking finding — is not a pass.
 */
export function verdictPasses(
  status: string,
  findings: readonly Finding[],
  limits: Pick<Limits, 'blockOnP1' | 'allowContinueWithP2'>,
  passStatus: 'pass' | 'approved',
): boolean {
  return status === passStatus && blockingFindings(findings, limits).length === 0;
}

/**
 * `cccc gates assert plan|milestone|final [--milestone ID]`: prove, by recomputation, that what is in the
 * tree now is what Codex approved (issue #3 §4). Fails (exit 8) when no passing record exists, the plan
 * approval was invalidated, the artifact was edited, or the plan/code/acceptance criteria changed since.
 * Trusts no state field alone: the artifact's hash and the recomputed fingerprint decide.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { GateName, GateRecord } from '../../machines/types.js';
import { CheckFailedError, UsageError } from '../errors.js';
import { sha256Text } from '../files/sha256.js';
import { translator } from '../i18n/catalogue.js';
import type { Language } from '../i18n/language.js';
import { assertedComponents, compareFingerprints, computeGateFingerprintFacts, describeComponentChange, gateFingerprint, type GateFingerprint } from '../gates/fingerprint.js';
import { snapshotChangedPaths } from '../git/worktree-snapshot.js';
import { readState } from '../state/store.js';
import { coveringRecord } from '../policy/view.js';
import { openWorkspace, type CommandDeps } from './workspace.js';

/** Result of a passing assert. */
export interface GateAssertResult {
  gate: GateName;
  milestone: string | null;
  artifact: string;
  fingerprint: string;
  checked: string[];
}

function fail(code: string, message: string, hint: string, details: Record<string, unknown> = {}): never {
  throw new CheckFailedError(code, message, hint, details);
}

function latestPassing(gates: GateRecord[], gate: GateName, milestone: string | undefined): GateRecord | null {
  return [...gates].reverse().find((r) => r.gate === gate && r.passed && (milestone === undefined || r.milestone === milestone)) ?? null;
}

/** Assert `gate`. Throws {@link CheckFailedError} `GATE_NOT_PASSED`, `GATE_INVALIDATED`, `GATE_ARTIFACT_EDITED` or `GATE_MISMATCH`. */
export async function runGatesAssert(gateName: string, options: { milestone?: string }, deps: Pick<CommandDeps, 'cwd'>): Promise<GateAssertResult> {
  if (!['plan', 'milestone', 'final'].includes(gateName)) throw new UsageError(`Unknown gate "${gateName}".`, 'Use plan, milestone or final.');
  const gate = gateName as GateName;
  const { paths } = await openWorkspace(deps);
  const ctx = (await readState(paths)).snapshot.context;
  // Issue #6: a milestone accepted pending Codex is proven by the batch review that covered it; a bypassed gate
  // has no Codex pass to prove until its recheck passes.
  const record =
    latestPassing(ctx.gates, gate, gate === 'milestone' ? options.milestone : undefined) ??
    (gate === 'milestone' && options.milestone ? coveringRecord(ctx, options.milestone) : null);
  const bypassed = [...ctx.gates].reverse().find((r) => r.gate === gate && r.source === 'bypass' && (!options.milestone || r.milestone === options.milestone));
  if (!record && bypassed) {
    fail('GATE_BYPASSED', `The ${gate} gate${bypassed.milestone ? ` of ${bypassed.milestone}` : ''} was bypassed on Claude's adversarial review (${bypassed.artifact}); no Codex review has passed it.`, 'Run `cccc recheck` when Codex is available; until then it stands under lower assurance.');
  }
  if (!record) fail('GATE_NOT_PASSED', `No passing Codex ${gate} review is recorded${options.milestone ? ` for ${options.milestone}` : ''} in this run.`, 'Run `cccc review` at that gate (cccc next says when).');
  if (gate === 'plan' && !ctx.planApproved) fail('GATE_INVALIDATED', 'The plan approval was invalidated (replan).', 'The new plan must pass the Codex plan gate again.');

  const file = path.join(paths.root, record.artifact);
  const text = await readFile(file, 'utf8').catch(() => fail('GATE_ARTIFACT_MISSING', `The review artifact ${record.artifact} is missing.`, 'Artifacts under docs/cccc/reviews/ must be kept; re-run the review.'));
  if (sha256Text(text) !== record.artifactSha256) {
    fail('GATE_ARTIFACT_EDITED', `The review artifact ${record.artifact} was edited after the review (its SHA-256 no longer matches the gate record).`, 'Restore it from version control, or re-run the review.');
  }
  const artifact = JSON.parse(text) as { fingerprint: GateFingerprint; base: string; tree: string };
  if (artifact.fingerprint?.value !== record.fingerprint) fail('GATE_ARTIFACT_EDITED', `The artifact ${record.artifact} does not carry the recorded fingerprint.`, 'Re-run the review.');

  const milestone = record.milestone ? (ctx.milestones.find((m) => m.id === record.milestone) ?? null) : null;
  const facts = await computeGateFingerprintFacts(paths.root, artifact.base, milestone, '', { promptVersion: '', schemaVersion: '' });
  const now = gateFingerprint(facts);
  const only = assertedComponents(gate);
  const changed = compareFingerprints(artifact.fingerprint, now, only);
  if (changed.length > 0) {
    const files = changed.includes('code') ? await snapshotChangedPaths(paths.root, artifact.tree, facts.worktreeTree) : [];
    const what = changed.map(describeComponentChange);
    fail(
      'GATE_MISMATCH',
      `The ${gate} gate no longer holds: ${what.join('; ')}.${files.length ? `\nChanged since approval: ${files.join(', ')}` : ''}`,
      'Changes after an approval need a new Codex review: submit them through the workflow (cccc next).',
      { changed, files, artifact: record.artifact },
    );
  }
  return { gate, milestone: record.milestone, artifact: record.artifact, fingerprint: record.fingerprint, checked: Object.keys(now.components).filter(only) };
}

/** Human rendering of {@link GateAssertResult} in `language`. */
export function formatGatesAssert(r: GateAssertResult, language: Language = 'en'): string {
  const t = translator(language);
  return `${t('gatesAssert.ok', { gate: r.gate, milestone: r.milestone ? ` (${r.milestone})` : '', checked: r.checked.join(', ') })}\n${t('gatesAssert.artifact', { artifact: r.artifact })}`;
}

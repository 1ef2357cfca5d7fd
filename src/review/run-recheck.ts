/**
 * `cccc recheck [--json]` (issue #6): run the Codex rechecks a bypass queued, through the same review pipeline as
 * `cccc review` (bundle, fingerprint, `codex exec` without the lock, read-only check, artifact). A milestone
 * recheck reviews the diff from the bypassed milestone's (or batch's) base to the tree now, against its acceptance
 * criteria; a plan recheck reviews the current plan. A pass clears that bypass's lower assurance; a failure
 * reopens what it covered and pauses in `NEEDS_REPLAN`; a Codex failure changes nothing but the ledger. The
 * budget is checked before each call (refused, no call, when exhausted). Rechecks run in order and stop at the
 * first that does not pass.
 */
import path from 'node:path';
import { passStatusOf } from '../../machines/guards.js';
import { checkBudget } from '../../machines/ledger.js';
import { pendingRechecks } from '../../machines/policy-updates.js';
import { verdictPasses } from '../../machines/severity.js';
import { STATUS_TABLE } from '../../machines/status-table.js';
import type { BypassRecord, GateRecord, WorkflowContext } from '../../machines/index.js';
import { makeEvent, openWorkspace } from '../commands/workspace.js';
import { runCodexExec } from '../codex/exec.js';
import { limitsFromConfig } from '../config/load.js';
import { budgetLimitsFromConfig } from '../config/policy.js';
import { CodexError, RefusedError } from '../errors.js';
import { changedPaths, treeFingerprint } from '../git/tree-fingerprint.js';
import { dispatch, readState } from '../state/store.js';
import { toVerdictFacts } from '../verdicts/parse.js';
import { writeVerdictSchema } from '../verdicts/json-schema.js';
import { writeReviewArtifact } from './artifact.js';
import { reviewCacheKey } from './cache.js';
import { prepareReview } from './prepare.js';
import type { ReviewTarget } from './review-target.js';
import type { ReviewDeps } from './run-review.js';
import { codexCallFacts } from './usage.js';

/** One recheck's outcome. */
export interface RecheckOutcome {
  gate: string;
  milestone: string | null;
  verdict: string;
  passed: boolean;
  artifact: string;
}

/** The `cccc recheck --json` document. */
export interface RecheckResult {
  rechecked: RecheckOutcome[];
  /** Rechecks still pending afterwards. */
  pending: { gate: string; milestone: string | null }[];
  status: string;
}

/** The review target of a recheck of `bypass`. */
export function recheckTarget(context: WorkflowContext, bypass: BypassRecord): ReviewTarget {
  const milestone = bypass.milestone ? (context.milestones.find((m) => m.id === bypass.milestone) ?? null) : null;
  return { gate: bypass.gate, milestone, id: bypass.milestone ?? bypass.gate, round: 1, base: bypass.base };
}

/** Run one recheck; returns its outcome. Throws {@link CodexError} when Codex failed or wrote to the tree. */
async function recheckOne(deps: ReviewDeps, bypass: BypassRecord): Promise<RecheckOutcome> {
  const { paths, config } = await openWorkspace(deps);
  const state = await readState(paths);
  const context = { ...state.snapshot.context, lastFindings: [] };
  const target = recheckTarget(context, bypass);
  const budget = checkBudget(context.ledger, target.gate, bypass.milestone, budgetLimitsFromConfig(config));
  if (!budget.ok) throw new RefusedError('BUDGET_EXHAUSTED', budget.message, 'No Codex call was made. Raise codex_review_policy.budget in docs/cccc/config.json, then cccc recheck.', { scope: budget.exhausted });
  if (budget.warn) deps.log(`cccc: warning: ${budget.message}`);
  deps.log(`cccc: Codex recheck of the bypassed ${target.gate} gate${bypass.milestone ? ` of ${bypass.milestone}` : ''}: building the context bundle`);
  const prepared = await prepareReview(paths, config, context, target);
  const runtime = path.join(paths.workspace, 'runtime', 'review');
  const schemaFile = await writeVerdictSchema(target.gate, runtime);
  const before = await treeFingerprint(paths.root);
  const started = deps.now();
  const result = await runCodexExec({
    gate: target.gate,
    root: paths.root,
    prompt: prepared.prompt,
    schemaFile,
    outputFile: path.join(runtime, `${target.gate}-recheck-last-message.json`),
    cliCommand: config.codex.cli_command,
    extraArgs: config.codex.extra_args,
    timeoutMs: config.codex.timeout_ms,
    idleTimeoutMs: config.codex.idle_timeout_ms,
    env: deps.env,
    stderr: deps.log,
  });
  const written = changedPaths(before, await treeFingerprint(paths.root));
  const where = { gate: target.gate, id: target.id, round: 1, date: started };
  const meta = {
    kind: 'cccc-codex-review',
    recheck: { bypassArtifact: bypass.artifact, reason: bypass.reason },
    gate: target.gate,
    milestone: bypass.milestone,
    round: 1,
    at: started.toISOString(),
    fingerprint: prepared.fingerprint,
    tree: prepared.facts.worktreeTree,
    base: prepared.facts.base,
    codex: { threadId: result.threadId, usage: result.usage, durationMs: result.durationMs, exitCode: result.exitCode, argv: result.argv },
  };
  const fact = { gate: target.gate, milestone: bypass.milestone };
  if (written.length > 0) {
    await writeReviewArtifact(paths, { ...where, suffix: '.recheck.unsafe' }, { ...meta, outcome: 'wrote_files', paths: written }, result.rawEvents);
    const message = `The Codex reviewer changed the working tree during a read-only recheck: ${written.join(', ')}.`;
    const now = await readState(paths);
    if (STATUS_TABLE[now.status].kind === 'active') await dispatch(paths, makeEvent({ type: 'pause.requested', kind: 'unsafe', reason: message, code: 'codex:wrote_files' }, config, deps), 'codex');
    throw new CodexError('CODEX_WROTE_FILES', message, 'Inspect the changes (git status / git diff); the recheck is still pending.', { paths: written });
  }
  if (!result.ok) {
    await writeReviewArtifact(paths, { ...where, suffix: '.recheck.failed' }, { ...meta, outcome: 'codex_failed', reason: result.reason, message: result.message }, result.rawEvents);
    await dispatch(paths, makeEvent({ type: 'recheck.failed', ...fact, reason: result.reason, message: result.message, usage: codexCallFacts(result, result.reason) }, config, deps), 'codex');
    throw new CodexError(`CODEX_${result.reason.toUpperCase()}`, `Codex recheck failed (${result.reason}): ${result.message}`, 'The recheck is still pending; run cccc recheck again when Codex works.', { reason: result.reason });
  }
  const verdict = toVerdictFacts(result.verdict);
  const passed = verdictPasses(verdict.status, verdict.findings, limitsFromConfig(config), passStatusOf(target.gate));
  const saved = await writeReviewArtifact(paths, { ...where, suffix: '.recheck' }, { ...meta, outcome: 'verdict', passed, verdict: result.verdict }, result.rawEvents);
  const record: GateRecord = {
    gate: target.gate,
    milestone: bypass.milestone,
    round: 1,
    verdict: verdict.status,
    passed,
    artifact: saved.artifact,
    artifactSha256: saved.sha256,
    fingerprint: prepared.fingerprint.value,
    at: started.toISOString(),
    source: 'codex',
    cacheKey: reviewCacheKey(target.gate, prepared.fingerprint),
  };
  await dispatch(paths, makeEvent({ type: 'recheck.verdict', ...fact, verdict, record, usage: codexCallFacts(result) }, config, deps), 'codex');
  return { gate: target.gate, milestone: bypass.milestone, verdict: verdict.status, passed, artifact: saved.artifact };
}

/** Run every pending recheck in order, stopping at the first that does not pass. */
export async function runRecheck(deps: ReviewDeps): Promise<RecheckResult> {
  const { paths } = await openWorkspace(deps);
  const rechecked: RecheckOutcome[] = [];
  for (;;) {
    const state = await readState(paths);
    const next = pendingRechecks(state.snapshot.context)[0];
    if (!next || rechecked.some((r) => !r.passed)) {
      const pending = pendingRechecks(state.snapshot.context).map((b) => ({ gate: b.gate, milestone: b.milestone }));
      return { rechecked, pending, status: state.status };
    }
    // The machine accepts a recheck in active statuses and PAUSED_FOR_CODEX; refuse before paying for a call.
    if (STATUS_TABLE[state.status].kind !== 'active' && state.status !== 'PAUSED_FOR_CODEX') {
      throw new RefusedError('RECHECK_NOT_NOW', `Rechecks run while the workflow is active or PAUSED_FOR_CODEX, not in ${state.status}.`, 'Resolve the pause first (cccc next), then cccc recheck.', { status: state.status });
    }
    rechecked.push(await recheckOne(deps, next));
  }
}

/** Human rendering of {@link RecheckResult}. */
export function formatRecheck(r: RecheckResult): string {
  if (r.rechecked.length === 0 && r.pending.length === 0) return 'No Codex rechecks are pending.';
  const lines = r.rechecked.map((o) => `  ${o.gate}${o.milestone ? ` ${o.milestone}` : ''}: ${o.verdict}${o.passed ? ' — PASSED (lower assurance cleared)' : ' — not passed (reopened; NEEDS_REPLAN)'}  ${o.artifact}`);
  if (r.pending.length) lines.push(`Still pending: ${r.pending.map((p) => p.milestone ?? p.gate).join(', ')}`);
  lines.push(`Status: ${r.status}`, 'Next: cccc next');
  return ['Codex rechecks:', ...lines].join('\n');
}

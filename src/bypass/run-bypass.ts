/**
 * `cccc resume --strategy bypass-codex --reason R --self-review FILE --confirm` (issue #6): pass the gate a
 * `PAUSED_FOR_CODEX` interrupted on Claude's adversarial review, when the bypass policy allows it
 * (`machines/bypass.ts`). The policy is checked before anything is written (a refusal names its rule and writes
 * nothing), then the bypass artifact is written under `docs/cccc/reviews/bypass/`, the resume event carries the
 * facts (the machine checks the policy again under the lock), the decision log records it, and a Codex recheck
 * is queued (`cccc recheck`).
 */
import { decideResume } from '../../machines/resume.js';
import { STATUS_TABLE } from '../../machines/status-table.js';
import type { BypassFacts, DocHashes } from '../../machines/policy-types.js';
import { limitsFromConfig } from '../config/load.js';
import { bypassPolicyFromConfig } from '../config/policy.js';
import { docHashes, trackedDocs, writeBaselineCopies } from '../docs-sync/hashes.js';
import { RefusedError, UsageError } from '../errors.js';
import { snapshotWorktree } from '../git/worktree-snapshot.js';
import { appendDecision } from '../plan/decision-log.js';
import { dispatch, readState } from '../state/store.js';
import { makeEvent, openWorkspace, type CommandDeps } from '../commands/workspace.js';
import { writeBypassArtifact } from './artifact.js';
import { adversarialFacts, readAdversarialReview } from './review-file.js';

/** Options of a bypass. */
export interface BypassOptions {
  reason?: string;
  confirm?: boolean;
  selfReview?: string;
  readStdin?: () => Promise<string>;
}

/** Result of {@link runBypass} (the `cccc resume --json` document, plus the bypass). */
export interface BypassResult {
  from: string;
  status: string;
  strategy: 'bypass-codex';
  revision: number;
  bypass: { gate: string; milestone: string | null; reason: string; risk: string; artifact: string; recheck: string };
}

function refused(status: string, message: string, rule: string | undefined, code: string | undefined): RefusedError {
  const allowed = STATUS_TABLE[status as keyof typeof STATUS_TABLE]?.resume ?? [];
  return new RefusedError(
    'RESUME_REFUSED',
    message,
    rule
      ? 'Fix what the rule names (docs/cccc/config.json codex.bypass / codex.unavailable_policy, the review file), or wait for Codex and resume --strategy recommended.'
      : allowed.length
        ? `Allowed from ${status}: ${allowed.map((s) => `--strategy ${s}`).join(', ')}.`
        : `${status} is not a pause.`,
    { status, strategy: 'bypass-codex', allowed, reason: code ?? null, rule: rule ?? null },
  );
}

/** Bypass the paused gate. Throws UsageError (no --reason) or RefusedError `RESUME_REFUSED` naming the rule. */
export async function runBypass(options: BypassOptions, deps: CommandDeps): Promise<BypassResult> {
  if (!options.reason) {
    throw new UsageError('--strategy bypass-codex needs --reason R.', 'R is one of codex.bypass.allowed_reasons, e.g. codex_cli_unavailable or quota_exhausted.');
  }
  const { paths, config } = await openWorkspace(deps);
  const state = await readState(paths);
  const review = options.selfReview ? await readAdversarialReview(options.selfReview, options.readStdin) : null;
  const draft: BypassFacts | undefined = review
    ? { policy: bypassPolicyFromConfig(config), reason: options.reason, review: adversarialFacts(review), artifact: '', artifactSha256: '' }
    : undefined;
  const request = { strategy: 'bypass-codex' as const, confirm: Boolean(options.confirm), bypass: draft, limits: limitsFromConfig(config) };
  const decision = decideResume(state.status, state.snapshot.context, request);
  if (!decision.ok) throw refused(state.status, decision.message, decision.rule, decision.code);

  const ctx = state.snapshot.context;
  const gate = review!.gate;
  const milestone = gate === 'milestone' ? review!.milestone : null;
  const risk = gate === 'plan' ? ctx.milestones.map((m) => m.risk) : ctx.milestones.filter((m) => m.id === milestone || ctx.batch.milestones.includes(m.id)).map((m) => m.risk);
  const at = deps.now();
  let docs: DocHashes | undefined;
  if (gate === 'plan') {
    docs = await docHashes(paths, trackedDocs(config));
    await writeBaselineCopies(paths, trackedDocs(config));
  }
  const recheck = config.codex.bypass.require_later_codex_recheck ? 'pending' : 'not_required';
  const written = await writeBypassArtifact(paths, milestone ?? gate, at, {
    kind: 'cccc-claude-bypass-review',
    reviewer: 'claude',
    review_type: 'claude_adversarial_bypass',
    bypasses_codex: true,
    assurance_level: 'lower_than_codex_review',
    gate,
    milestone,
    reason: options.reason,
    risks: risk,
    recheck,
    at: at.toISOString(),
    review,
  });
  const facts: BypassFacts = { ...draft!, artifact: written.artifact, artifactSha256: written.sha256, ...(docs ? { docs } : {}) };
  const tree = await snapshotWorktree(paths.root);
  const event = makeEvent({ type: 'resume', strategy: 'bypass-codex', confirm: Boolean(options.confirm), reason: options.reason, tree, bypass: facts }, config, deps);
  const { before, after } = await dispatch(paths, event, 'cli', (s) => {
    const d = decideResume(s.status, s.snapshot.context, { ...request, bypass: facts });
    return refused(s.status, d.ok ? `--strategy bypass-codex is not allowed from ${s.status}.` : d.message, d.ok ? undefined : d.rule, d.ok ? undefined : d.code);
  });
  const record = after.snapshot.context.bypasses.at(-1)!;
  await appendDecision(paths, {
    at: event.at,
    title: `Codex bypass: ${gate} gate${milestone ? ` of ${milestone}` : ''}`,
    fields: {
      reason: options.reason,
      risk: record.risk,
      covers: record.covers.join(', ') || undefined,
      confirmed: options.confirm ? 'yes' : 'no',
      review: `Claude adversarial review (${review!.status}): ${review!.summary.replace(/\s+/g, ' ')}`,
      artifact: written.artifact,
      assurance: 'lower than a Codex review, for this gate and everything after it until the Codex recheck passes',
      recheck: recheck === 'pending' ? 'queued: run cccc recheck when Codex is back' : 'not required by codex.bypass.require_later_codex_recheck',
      transition: `${before.status} → ${after.status}`,
    },
  });
  return {
    from: before.status,
    status: after.status,
    strategy: 'bypass-codex',
    revision: after.revision,
    bypass: { gate, milestone, reason: options.reason, risk: record.risk, artifact: written.artifact, recheck },
  };
}

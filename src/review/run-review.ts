/**
 * `cccc review`: run the Codex gate of the current status (issue #3). Prepare the bundle and fingerprint,
 * fingerprint the tree, run `codex exec` (read-only sandbox, strict schema) without holding the lock, check the
 * reviewer wrote nothing, write the artifact, and send the machine the verdict — or the failure, which pauses
 * for Codex and never passes a gate.
 */
import path from 'node:path';
import { verdictPasses } from '../../machines/severity.js';
import { passStatusOf } from '../../machines/guards.js';
import type { GateRecord } from '../../machines/types.js';
import { codexLoginStatus } from '../codex/status.js';
import { runCodexExec, type CodexRunResult } from '../codex/exec.js';
import { CODEX_FAILURE_HINTS } from '../codex/classify.js';
import { limitsFromConfig } from '../config/load.js';
import { CodexError, RefusedError } from '../errors.js';
import { translator } from '../i18n/catalogue.js';
import type { Language } from '../i18n/language.js';
import { changedPaths, treeFingerprint } from '../git/tree-fingerprint.js';
import { CCCC_RUNTIME_PATHS } from '../git/pathspec.js';
import writeFileAtomic from 'write-file-atomic';
import { dispatch, readState } from '../state/store.js';
import { toVerdictFacts } from '../verdicts/parse.js';
import { writeVerdictSchema } from '../verdicts/json-schema.js';
import { makeEvent, openWorkspace, type CommandDeps } from '../commands/workspace.js';
import { writeReviewArtifact } from './artifact.js';
import { prepareReview } from './prepare.js';
import { reviewTargetOf } from './review-target.js';
import { beforeCodexCall, verdictEventFacts } from './policy-checks.js';
import { codexCallFacts } from './usage.js';

/** Collaborators of a review beyond {@link CommandDeps}. */
export interface ReviewDeps extends CommandDeps {
  /** Environment for the Codex process (default: this process's). */
  env?: Record<string, string | undefined>;
}

/** The result of a completed review (the verdict reached the machine). */
export interface ReviewResult {
  gate: string;
  milestone: string | null;
  round: number;
  verdict: string;
  /** The machine's decision: Codex's pass status and no blocking finding. */
  passed: boolean;
  summary: string;
  findings: { severity: string; title: string }[];
  from: string;
  to: string;
  revision: number;
  artifact: string;
  eventsFile: string | null;
  fingerprint: string;
  usage: unknown;
  durationMs: number;
  bundle: { bytes: number; cut: boolean; withheld: number };
  /** `cache`: a recorded passing review was reused, no Codex call (issue #6). */
  source?: 'codex' | 'cache';
}

/**
 * What the reviewer-wrote-nothing check ignores: cccc's runtime files, plus the files cccc itself appends to
 * while a review may be running (`cccc answer`/`resume` write the decision log; the docs inbox indexes).
 * Planning docs stay checked: Codex must not edit them.
 */
export const REVIEW_WRITE_CHECK_EXCLUDES: readonly string[] = [
  ...CCCC_RUNTIME_PATHS,
  'docs/cccc/decision-log.md',
  'docs/cccc/source-index.json',
  'docs/cccc/source-map.json',
  'docs/cccc/inbox/',
];

/**
 * Refuse to apply a verdict to a workflow that moved on while Codex was reviewing (a pause, a resume, a skip):
 * the gate, milestone and round must still be the ones reviewed. The artifact stays on disk.
 */
async function assertStillReviewing(paths: Parameters<typeof readState>[0], target: ReturnType<typeof reviewTargetOf>): Promise<void> {
  const now = await readState(paths);
  let same = false;
  try {
    const current = reviewTargetOf(now.status, now.snapshot.context);
    same = current.gate === target.gate && current.id === target.id && current.round === target.round;
  } catch {
    same = false;
  }
  if (!same) {
    throw new RefusedError(
      'REVIEW_STALE',
      `The workflow moved on while Codex was reviewing (now ${now.status}); the ${target.gate} verdict was not applied.`,
      'Run `cccc next`; run `cccc review` again when it asks for the review.',
      { status: now.status },
    );
  }
}

/**
 * Run the review. Resolves with the verdict when Codex answered; throws {@link CodexError} after recording
 * the pause when Codex failed (`CODEX_<REASON>`) or wrote to the tree (`CODEX_WROTE_FILES`).
 */
export async function runReview(deps: ReviewDeps): Promise<ReviewResult> {
  const { paths, config } = await openWorkspace(deps);
  const state = await readState(paths);
  const context = state.snapshot.context;
  const target = reviewTargetOf(state.status, context);
  deps.log(`cccc: ${target.gate} review of ${target.id}, round ${target.round}: building the context bundle`);
  const prepared = await prepareReview(paths, config, context, target);
  const policy = await beforeCodexCall(paths, config, deps, state, target, prepared);
  if (policy.cached) return policy.cached;
  const runtime = path.join(paths.workspace, 'runtime', 'review');
  const schemaFile = await writeVerdictSchema(target.gate, runtime);
  const before = await treeFingerprint(paths.root, REVIEW_WRITE_CHECK_EXCLUDES);
  const started = deps.now();
  const threadFile = path.join(runtime, `${target.gate}-thread.json`);
  const result: CodexRunResult<typeof target.gate> = await runCodexExec({
    gate: target.gate,
    root: paths.root,
    prompt: policy.prompt,
    schemaFile,
    outputFile: path.join(runtime, `${target.gate}-last-message.json`),
    cliCommand: config.codex.cli_command,
    extraArgs: config.codex.extra_args,
    timeoutMs: config.codex.timeout_ms,
    idleTimeoutMs: config.codex.idle_timeout_ms,
    env: deps.env,
    stderr: deps.log,
    // Saved before the long wait, so a person can `codex exec resume <id>` an interrupted review (issue #3 §1).
    onThreadId: (threadId) =>
      writeFileAtomic(threadFile, `${JSON.stringify({ gate: target.gate, milestone: target.milestone?.id ?? null, round: target.round, threadId, at: started.toISOString() })}\n`),
  });
  const after = await treeFingerprint(paths.root, REVIEW_WRITE_CHECK_EXCLUDES);
  const written = changedPaths(before, after);
  const where = { gate: target.gate, id: target.id, round: target.round, date: started };
  const meta = {
    kind: 'cccc-codex-review',
    gate: target.gate,
    milestone: target.milestone?.id ?? null,
    round: target.round,
    at: started.toISOString(),
    fingerprint: prepared.fingerprint,
    tree: prepared.facts.worktreeTree,
    base: prepared.facts.base,
    codex: { threadId: result.threadId, usage: result.usage, durationMs: result.durationMs, exitCode: result.exitCode, argv: result.argv },
    bundle: { bytes: prepared.bundle.bytes, sha256: prepared.bundle.sha256, truncated: prepared.bundle.truncated, withheld: prepared.bundle.withheld },
  };

  if (written.length > 0) {
    const saved = await writeReviewArtifact(paths, { ...where, suffix: '.unsafe' }, { ...meta, outcome: 'wrote_files', paths: written }, result.rawEvents);
    const message = `The Codex reviewer changed the working tree during a read-only review: ${written.join(', ')}.`;
    await dispatch(paths, makeEvent({ type: 'review.unsafe', gate: target.gate, paths: written, message, usage: codexCallFacts(result) }, config, deps), 'codex');
    throw new CodexError('CODEX_WROTE_FILES', message, 'The workflow is UNSAFE. Inspect the changes (git status / git diff); only `cccc resume --strategy replan --confirm` leaves UNSAFE.', {
      paths: written,
      artifact: saved.artifact,
    });
  }

  if (!result.ok) {
    let reason: string = result.reason;
    let message = result.message;
    // Ask `codex login status` only when Codex failed before starting a thread. Once a thread started, Codex
    // tried the model and its own message decides (an auth failure is a 401, classified already); login status
    // also says "Not logged in" for a provider keyed by an environment variable, which would turn a server error
    // into a false not_logged_in and hide Codex's message.
    if (reason === 'nonzero_exit' && result.threadId === null) {
      const login = await codexLoginStatus(config.codex.cli_command, { env: deps.env });
      if (!login.ok && login.reason === 'not_logged_in') ({ reason, message } = { reason: 'not_logged_in', message: login.message });
    }
    const saved = await writeReviewArtifact(paths, { ...where, suffix: '.failed' }, { ...meta, outcome: 'codex_failed', reason, message, stderr: result.stderr }, result.rawEvents);
    const { after: paused } = await dispatch(paths, makeEvent({ type: 'review.failed', gate: target.gate, reason, message, usage: codexCallFacts(result, reason) }, config, deps), 'codex');
    throw new CodexError(`CODEX_${reason.toUpperCase()}`, `Codex ${target.gate} review failed (${reason}): ${message}`, `${CODEX_FAILURE_HINTS[reason as keyof typeof CODEX_FAILURE_HINTS] ?? ''} The workflow is ${paused.status}; no gate passed. Resume with \`cccc resume --strategy recommended\` once Codex works.`.trim(), {
      reason,
      status: paused.status,
      artifact: saved.artifact,
    });
  }

  const facts = toVerdictFacts(result.verdict);
  const limits = limitsFromConfig(config);
  const passed = verdictPasses(facts.status, facts.findings, limits, passStatusOf(target.gate));
  const saved = await writeReviewArtifact(paths, where, { ...meta, outcome: 'verdict', passed, verdict: result.verdict }, result.rawEvents);
  const record: GateRecord = {
    gate: target.gate,
    milestone: target.milestone?.id ?? null,
    round: target.round,
    verdict: facts.status,
    passed,
    artifact: saved.artifact,
    artifactSha256: saved.sha256,
    fingerprint: prepared.fingerprint.value,
    at: started.toISOString(),
    source: 'codex',
    cacheKey: policy.cacheKey,
  };
  const extra = await verdictEventFacts(paths, config, target, facts, passed, context.batch.milestones);
  const usage = codexCallFacts(result);
  const event = makeEvent({ type: 'review.verdict', gate: target.gate, verdict: facts, record, tree: prepared.facts.worktreeTree, usage, ...extra }, config, deps);
  await assertStillReviewing(paths, target);
  const { before: from, after: to } = await dispatch(paths, event, 'codex');
  return {
    gate: target.gate,
    milestone: record.milestone,
    round: target.round,
    verdict: facts.status,
    passed,
    summary: facts.summary,
    findings: facts.findings,
    from: from.status,
    to: to.status,
    revision: to.revision,
    artifact: saved.artifact,
    eventsFile: saved.eventsFile,
    fingerprint: prepared.fingerprint.value,
    usage: result.usage,
    durationMs: result.durationMs,
    bundle: { bytes: prepared.bundle.bytes, cut: prepared.bundle.truncated.length > 0, withheld: prepared.bundle.withheld.length },
    source: 'codex',
  };
}

/** Human rendering of {@link ReviewResult} in `language` (Codex's summary and findings are shown as written). */
export function formatReview(r: ReviewResult, language: Language = 'en'): string {
  const t = translator(language);
  const lines = [
    t('review.headline', {
      gate: r.gate,
      of: r.milestone ? t('review.of', { milestone: r.milestone }) : '',
      round: r.round,
      verdict: r.verdict,
      outcome: t(r.passed ? 'review.passed' : 'review.notPassed'),
    }),
    r.summary,
    ...r.findings.map((f) => `  ${f.severity} ${f.title}`),
    t('review.transition', { from: r.from, to: r.to, revision: r.revision }),
    t('review.artifact', { artifact: r.artifact }),
    t('common.next'),
  ];
  return lines.join('\n');
}

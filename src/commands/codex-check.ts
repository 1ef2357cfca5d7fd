/**
 * `cccc codex-check [--json]` (issue #5): is Codex usable right now? `codex --version`, `codex login status`
 * (external-interfaces A3) and a dry schema check (every verdict JSON Schema valid in OpenAI strict mode).
 *
 * When Codex is not usable during a workflow in an active status, the workflow is paused for Codex with the
 * classified reason, exactly as a failed review would: a review status gets `review.failed` (its gate's
 * failure), any other active status `pause.requested` kind `codex` with code `codex:<reason>`. Then it throws
 * {@link CodexError} `CODEX_<REASON>` (exit 6) carrying the report in `details.report`. A schema problem is a
 * bug in cccc, not Codex's state: it fails (`CODEX_SCHEMA_INVALID`) without pausing.
 */
import { STATUS_TABLE } from '../../machines/status-table.js';
import { codexAvailability, type CodexProbeFailureReason } from '../codex/status.js';
import { DEFAULT_CODEX_COMMAND } from '../codex/command.js';
import type { CcccConfig } from '../config/schema.js';
import { verdictSchemaProblems } from '../doctor/checks/codex.js';
import { CcccError, CodexError, RefusedError } from '../errors.js';
import { translator, type Translate } from '../i18n/catalogue.js';
import { resolveLanguage, type Language } from '../i18n/language.js';
import { dispatch, readState } from '../state/store.js';
import { makeEvent, openWorkspace, type CommandDeps, type Workspace } from './workspace.js';

/** Collaborators of {@link runCodexCheck}: the command deps plus the environment Codex runs with. */
export type CodexCheckDeps = CommandDeps & { env?: Record<string, string | undefined>; probeTimeoutMs?: number };

/** The `cccc codex-check --json` document. */
export interface CodexCheckReport {
  ok: boolean;
  command: string;
  version: string | null;
  loggedIn: boolean | null;
  /** Why Codex is not usable (the probe's reason, or `schema_invalid`); null when ok. */
  reason: CodexProbeFailureReason | 'schema_invalid' | null;
  message: string;
  schemas: { ok: boolean; problems: { gate: string; problems: string[] }[] };
  /** The workflow before and after: `paused` is true when this check recorded PAUSED_FOR_CODEX. */
  workflow: { status: string | null; paused: boolean; from: string | null; revision: number | null };
}

/** The workspace, or null outside a set-up workspace (then nothing can be paused). CONFIG_INVALID still throws. */
async function workspaceOrNull(deps: CodexCheckDeps): Promise<Workspace | null> {
  try {
    return await openWorkspace(deps);
  } catch (error) {
    if (error instanceof CcccError && (error.code === 'CONFIG_MISSING' || error.code === 'NOT_A_GIT_REPO')) return null;
    throw error;
  }
}

/** Record PAUSED_FOR_CODEX when the workflow is in an active status; returns the workflow part of the report. */
async function pauseForCodex(ws: Workspace, deps: CodexCheckDeps, reason: string, message: string): Promise<CodexCheckReport['workflow']> {
  const state = await readState(ws.paths).catch(() => null);
  if (!state) return { status: null, paused: false, from: null, revision: null };
  const row = STATUS_TABLE[state.status];
  const untouched = { status: state.status, paused: false, from: null, revision: state.revision };
  if (row.kind !== 'active') return untouched;
  const event =
    row.gate !== null
      ? makeEvent({ type: 'review.failed', gate: row.gate, reason, message }, ws.config, deps)
      : makeEvent({ type: 'pause.requested', kind: 'codex', reason: message, code: `codex:${reason}` }, ws.config, deps);
  try {
    const { before, after } = await dispatch(ws.paths, event, 'cli');
    return { status: after.status, paused: true, from: before.status, revision: after.revision };
  } catch (error) {
    if (error instanceof RefusedError) return untouched; // the status moved on meanwhile
    throw error;
  }
}

function failure(report: CodexCheckReport, t: Translate): CodexError {
  const reason = report.reason ?? 'nonzero_exit';
  const hint = reason === 'schema_invalid' ? t('codexCheck.hint.schema') : `${t(`codexCheck.hint.${reason}`)}${report.workflow.paused ? ` ${t('codexCheck.hint.resume')}` : ''}`;
  return new CodexError(`CODEX_${reason.toUpperCase()}`, t('codexCheck.failed', { reason, message: report.message }), hint, { report });
}

/**
 * Check Codex for the workspace at `deps.cwd` (or with defaults outside one). Resolves with the report when
 * Codex is usable; throws {@link CodexError} (exit 6) otherwise, after pausing an active workflow.
 */
export async function runCodexCheck(deps: CodexCheckDeps): Promise<CodexCheckReport> {
  const ws = await workspaceOrNull(deps);
  const config: CcccConfig | null = ws?.config ?? null;
  const t = translator(resolveLanguage(config?.language.user_language, { ...process.env, ...deps.env }));
  const command = config?.codex.cli_command ?? DEFAULT_CODEX_COMMAND;
  const probe = await codexAvailability(command, { env: deps.env, timeoutMs: deps.probeTimeoutMs });
  const problems = verdictSchemaProblems();
  const state = ws ? await readState(ws.paths).catch(() => null) : null;
  const report: CodexCheckReport = {
    ok: probe.available && problems.length === 0,
    command,
    version: probe.version,
    loggedIn: probe.loggedIn,
    reason: probe.reason ?? (problems.length ? 'schema_invalid' : null),
    message: probe.message,
    schemas: { ok: problems.length === 0, problems },
    workflow: { status: state?.status ?? null, paused: false, from: null, revision: state?.revision ?? null },
  };
  if (report.ok) return report;
  if (!probe.available && ws) report.workflow = await pauseForCodex(ws, deps, probe.reason ?? 'nonzero_exit', probe.message);
  throw failure(report, t);
}

/** Human rendering of a {@link CodexCheckReport} (passing or failed) in `language`. */
export function formatCodexCheck(r: CodexCheckReport, language: Language = 'en'): string {
  const t = translator(language);
  const lines: string[] = [];
  if (r.reason === null || r.reason === 'schema_invalid') {
    lines.push(t('codexCheck.available', { version: r.version ?? '?', command: r.command }), t('codexCheck.login', { message: r.message.replace(/^codex-cli \S+; /, '') }));
  } else {
    lines.push(t('codexCheck.failed', { reason: r.reason, message: r.message }));
  }
  lines.push(r.schemas.ok ? t('codexCheck.schemas.ok') : t('codexCheck.schemas.fail', { problems: r.schemas.problems.map((p) => `${p.gate}: ${p.problems.join('; ')}`).join(' | ') }));
  if (r.workflow.paused) lines.push(t('codexCheck.paused', { from: r.workflow.from ?? '', status: r.workflow.status ?? '', revision: r.workflow.revision ?? 0 }));
  else if (!r.ok && r.workflow.status) lines.push(t('codexCheck.untouched', { status: r.workflow.status }));
  return lines.join('\n');
}

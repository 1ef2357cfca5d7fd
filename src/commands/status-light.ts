/**
 * The fast read path of `cccc status --json` (issue #7 benchmark 2: target ≤ 1.6× `node -e 0`). `src/bin.ts`
 * tries it before loading commander; it reads `config.json` and `state.json` with `JSON.parse` and shape checks —
 * like the hooks do (src/hooks/hook-workspace.ts) — instead of zod, XState and proper-lockfile, which dominate a
 * cold start (zod alone loads ~95 modules).
 *
 * It returns null — and the full path (`runStatus` in status.ts) then runs and reports any problem with its
 * usual error — whenever the files are not exactly what it expects: no workspace, unreadable or non-JSON files,
 * a state schema version other than {@link LIGHT_STATE_SCHEMA_VERSION}, a status the machine does not know, a
 * missing context field (older states get zod defaults on the full path), or any throw while assembling.
 * Difference by design: the config is checked only for the fields status shows; a config that is invalid in
 * other fields is reported by every other command and by `cccc doctor`, not here.
 *
 * The document is the same as runStatus's, key for key and in the same order; a test compares the two on several
 * workspaces (test/integration/status-light.test.ts), so a field added there must be added here.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { STATUS_TABLE, type Status } from '../../machines/status-table.js';
import type { WorkflowContext } from '../../machines/types.js';
import type { CcccConfig } from '../config/schema.js';
import { statusDocument } from './status-document.js';
import { findUp } from '../workspace/root.js';
import { workspacePaths } from '../workspace/paths.js';
import type { StatusResult } from './status.js';

/** The state schema version this path reads (`STATE_SCHEMA_VERSION` of src/state/envelope.ts; a test keeps them equal). */
export const LIGHT_STATE_SCHEMA_VERSION = 1;

/** Context fields status reads, directly or through the policy views; a state missing one takes the full path. */
const CONTEXT_FIELDS = ['task', 'milestones', 'milestoneIndex', 'outcomes', 'gates', 'pause', 'planApproved', 'lowerAssurance', 'ledger', 'batch', 'bypasses', 'reviewDecisions', 'consecutiveBypasses', 'mockSecrets'] as const;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The status document for the workspace containing `cwd`, or null when the full path must decide. Never throws. */
export function lightStatus(cwd: string): StatusResult | null {
  try {
    const root = findUp(cwd, path.join('docs', 'cccc', 'config.json'));
    if (root === null) return null;
    const paths = workspacePaths(root);
    const config = JSON.parse(readFileSync(paths.config, 'utf8')) as unknown;
    const state = JSON.parse(readFileSync(paths.state, 'utf8')) as unknown;
    if (!configUsable(config) || !stateUsable(state)) return null;
    const status = state.status as Status;
    const context = (state.snapshot as Json).context as unknown as WorkflowContext;
    const facts = { status, revision: state.revision as number, updatedAt: state.updatedAt as string, context };
    return statusDocument(facts, config as unknown as CcccConfig, paths.loopDir);
  } catch {
    return null;
  }
}

/** `mode` and the budget numbers the policy view reads. */
function configUsable(config: unknown): config is Json {
  if (!isObject(config) || typeof config.mode !== 'string') return false;
  const budget = isObject(config.codex_review_policy) ? config.codex_review_policy.budget : null;
  if (!isObject(budget)) return false;
  return ['max_codex_calls_per_run', 'max_codex_calls_per_phase', 'max_codex_calls_per_milestone', 'warn_when_remaining_calls_lte'].every((k) => Number.isInteger(budget[k]));
}

/** The envelope fields, the current schema version, a known status equal to the snapshot's, and every context field. */
function stateUsable(state: unknown): state is Json {
  if (!isObject(state) || state.schemaVersion !== LIGHT_STATE_SCHEMA_VERSION) return false;
  if (!Number.isInteger(state.revision) || typeof state.updatedAt !== 'string' || typeof state.status !== 'string') return false;
  if (!Object.hasOwn(STATUS_TABLE, state.status)) return false;
  const snapshot = state.snapshot;
  if (!isObject(snapshot) || snapshot.value !== state.status || !isObject(snapshot.context)) return false;
  const ctx = snapshot.context;
  if (!CONTEXT_FIELDS.every((k) => Object.hasOwn(ctx, k))) return false;
  return ['milestones', 'outcomes', 'gates', 'bypasses', 'reviewDecisions'].every((k) => Array.isArray(ctx[k])) && isObject(ctx.ledger) && isObject(ctx.batch);
}

/** `cccc status --json` output (the same text `emit` prints), or null for the full path. */
export function lightStatusJson(cwd: string): string | null {
  const result = lightStatus(cwd);
  return result === null ? null : `${JSON.stringify(result, null, 2)}\n`;
}

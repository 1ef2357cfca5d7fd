/** Gathering {@link PolicyNextFacts} for `cccc next` (read-only: hashes docs, scans the inbox, reads the ledger). */
import { currentMilestoneId } from '../../machines/guards.js';
import { checkBudget } from '../../machines/ledger.js';
import { STATUS_TABLE } from '../../machines/status-table.js';
import { budgetLimitsFromConfig } from '../config/policy.js';
import type { CcccConfig } from '../config/schema.js';
import { unsyncedDocs } from '../docs-sync/unsynced.js';
import { pendingSources } from '../inbox/pending.js';
import type { StateEnvelope } from '../state/envelope.js';
import type { WorkspacePaths } from '../workspace/paths.js';
import type { PolicyNextFacts } from './policy-step.js';

/** The policy facts of `state`. An unreadable source index counts as nothing pending here (sync-inbox reports it). */
export async function policyNextFacts(paths: WorkspacePaths, config: CcccConfig, state: StateEnvelope): Promise<PolicyNextFacts> {
  const ctx = state.snapshot.context;
  const gate = STATUS_TABLE[state.status].gate;
  const [docs, sources] = await Promise.all([unsyncedDocs(paths, config, ctx), pendingSources(paths, config).catch(() => [])]);
  const check = gate ? checkBudget(ctx.ledger, gate, currentMilestoneId(ctx), budgetLimitsFromConfig(config)) : null;
  return {
    unsyncedDocs: docs.changes,
    pendingSources: sources,
    budget: check ? { ok: check.ok, warn: check.warn, message: check.message } : null,
    bypassOffered: config.codex.bypass.enabled && config.codex.unavailable_policy !== 'strict_pause',
  };
}

/**
 * `cccc gates [--json]`: the plan, milestone, final and safety gates at a glance (issue #2 §5, issue #3 §4).
 * Read-only. Each gate shows its latest record; a gate passes only with a passing Codex (or cache) record.
 */
import { STATUS_TABLE } from '../../machines/status-table.js';
import type { GateRecord, WorkflowContext } from '../../machines/types.js';
import { translator } from '../i18n/catalogue.js';
import type { Language } from '../i18n/language.js';
import { readState } from '../state/store.js';
import { coveringRecord, gateAssurance } from '../policy/view.js';
import { policyStatus, policyStatusLines, type PolicyStatus } from '../policy/status-fields.js';
import { openWorkspace, type CommandDeps } from './workspace.js';

/** One gate's view. */
export interface GateView {
  gate: 'plan' | 'milestone' | 'final';
  milestone: string | null;
  /** `bypassed`: Claude's adversarial review stood in for Codex (issue #6); `pending_codex`: batched, not yet reviewed. */
  state: 'passed' | 'failed' | 'not_run' | 'bypassed' | 'pending_codex';
  /** The latest record of this gate; for a batched milestone, the batch review that covered it. */
  latest: GateRecord | null;
  /** `lower` for a bypass not yet rechecked, a batched milestone, or any record after an unrechecked bypass. */
  assurance: 'full' | 'lower';
}

/** The `cccc gates --json` document. */
export interface GatesResult {
  status: string;
  planApproved: boolean;
  gates: GateView[];
  safety: { safeToContinue: boolean; reason: string | null };
  lowerAssurance: boolean;
  assurance: PolicyStatus['assurance'];
  budget: PolicyStatus['budget'];
  pendingRechecks: PolicyStatus['pendingRechecks'];
  batch: PolicyStatus['batch'];
}

function view(gate: GateView['gate'], milestone: string | null, ctx: WorkflowContext): GateView {
  const own = [...ctx.gates].reverse().find((r) => r.gate === gate && (gate !== 'milestone' || r.milestone === milestone)) ?? null;
  const latest = own ?? (milestone !== null ? coveringRecord(ctx, milestone) : null);
  const batched = milestone !== null && ctx.batch.milestones.includes(milestone);
  const state: GateView['state'] =
    latest?.source === 'bypass' ? 'bypassed' : latest?.passed ? 'passed' : batched ? 'pending_codex' : latest === null ? 'not_run' : 'failed';
  const assurance = batched || (latest !== null && gateAssurance(ctx, latest) === 'lower') ? 'lower' : 'full';
  return { gate, milestone, state, latest, assurance };
}

/** Collect the gates view. Read-only. */
export async function runGates(deps: Pick<CommandDeps, 'cwd'>): Promise<GatesResult> {
  const { paths, config } = await openWorkspace(deps);
  const state = await readState(paths);
  const ctx = state.snapshot.context;
  const kind = STATUS_TABLE[state.status].kind;
  const milestones = ctx.milestones.map((m) => view('milestone', m.id, ctx));
  return {
    status: state.status,
    planApproved: ctx.planApproved,
    gates: [view('plan', null, ctx), ...milestones, view('final', null, ctx)],
    safety: { safeToContinue: kind !== 'paused', reason: kind === 'paused' ? ctx.pause?.reason ?? state.status : null },
    lowerAssurance: ctx.lowerAssurance,
    ...policyStatus(state.status, ctx, config),
  };
}

/** Human rendering of {@link GatesResult} in `language` (message catalogue). */
export function formatGates(r: GatesResult, language: Language = 'en'): string {
  const t = translator(language);
  const rows = r.gates.map((g) => {
    const name = g.gate === 'milestone' ? t('gates.milestone', { milestone: g.milestone ?? '' }) : g.gate;
    const latest = g.latest ? t('gates.latest', { verdict: g.latest.verdict, round: g.latest.round, source: g.latest.source }) : '';
    return `  ${name.padEnd(16)} ${g.state.toUpperCase()}${latest}`;
  });
  return [
    t('gates.status', { status: r.status }),
    t('gates.header'),
    ...rows,
    r.safety.safeToContinue ? t('gates.safe') : t('gates.paused', { reason: r.safety.reason ?? '' }),
    ...(r.lowerAssurance ? [t('gates.lowerAssurance')] : []),
    ...policyStatusLines(r),
  ].join('\n');
}

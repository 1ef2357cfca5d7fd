/**
 * `cccc gates [--json]`: the plan, milestone, final and safety gates at a glance (issue #2 §5, issue #3 §4).
 * Read-only. Each gate shows its latest record; a gate passes only with a passing Codex (or cache) record.
 */
import { STATUS_TABLE } from '../../machines/status-table.js';
import type { GateRecord } from '../../machines/types.js';
import { translator } from '../i18n/catalogue.js';
import type { Language } from '../i18n/language.js';
import { readState } from '../state/store.js';
import { openWorkspace, type CommandDeps } from './workspace.js';

/** One gate's view. */
export interface GateView {
  gate: 'plan' | 'milestone' | 'final';
  milestone: string | null;
  state: 'passed' | 'failed' | 'not_run';
  latest: GateRecord | null;
}

/** The `cccc gates --json` document. */
export interface GatesResult {
  status: string;
  planApproved: boolean;
  gates: GateView[];
  safety: { safeToContinue: boolean; reason: string | null };
  lowerAssurance: boolean;
}

function view(gate: GateView['gate'], milestone: string | null, records: GateRecord[]): GateView {
  const latest = [...records].reverse().find((r) => r.gate === gate && (gate !== 'milestone' || r.milestone === milestone)) ?? null;
  return { gate, milestone, state: latest === null ? 'not_run' : latest.passed ? 'passed' : 'failed', latest };
}

/** Collect the gates view. Read-only. */
export async function runGates(deps: Pick<CommandDeps, 'cwd'>): Promise<GatesResult> {
  const { paths } = await openWorkspace(deps);
  const state = await readState(paths);
  const ctx = state.snapshot.context;
  const kind = STATUS_TABLE[state.status].kind;
  const milestones = ctx.milestones.map((m) => view('milestone', m.id, ctx.gates));
  return {
    status: state.status,
    planApproved: ctx.planApproved,
    gates: [view('plan', null, ctx.gates), ...milestones, view('final', null, ctx.gates)],
    safety: { safeToContinue: kind !== 'paused', reason: kind === 'paused' ? ctx.pause?.reason ?? state.status : null },
    lowerAssurance: ctx.lowerAssurance,
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
  ].join('\n');
}

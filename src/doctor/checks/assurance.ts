/**
 * Doctor checks that read the run's policy state (issue #5, with issue #6's modules): lower assurance and pending
 * Codex rechecks (`assuranceView`, `pendingRecheckViews`), the Codex call budget (`budgetView`), and planning docs
 * a person changed since the plan was approved (`unsyncedDocs`, the same comparison `cccc sync-docs` makes).
 * All read-only.
 */
import { budgetLimitsFromConfig } from '../../config/policy.js';
import { unsyncedDocs } from '../../docs-sync/unsynced.js';
import { assuranceView, budgetView, pendingRecheckViews } from '../../policy/view.js';
import type { DoctorFacts } from '../facts.js';
import { line, type DoctorCheck, type DoctorCheckFn } from '../types.js';

async function validState(facts: DoctorFacts) {
  const state = await facts.state();
  return state.kind === 'valid' ? state.envelope : null;
}

/** Lower-assurance marks and pending Codex rechecks. */
export const checkAssurance: DoctorCheckFn = async (facts, t) => {
  const state = await validState(facts);
  if (!state) return [];
  const context = state.snapshot.context;
  const title = t('doctor.assurance.title');
  const lines: DoctorCheck[] = [];
  const assurance = assuranceView(context);
  if (assurance.level === 'lower') lines.push(line('assurance', 'WARN', title, t('doctor.assurance.lower', { reasons: assurance.reasons.join('; ') }), t('doctor.assurance.lower.hint')));
  const rechecks = pendingRecheckViews(context);
  if (rechecks.length) {
    const items = rechecks.map((r) => `${r.gate}${r.milestone ? ` ${r.milestone}` : ''}`).join(', ');
    lines.push(line('assurance', 'WARN', title, t('doctor.rechecks', { count: rechecks.length, items }), t('doctor.rechecks.hint')));
  }
  return lines.length ? lines : line('assurance', 'PASS', title, t('doctor.assurance.ok'));
};

/** The Codex call budget of this run: spent, or about to be, is a WARN (the machine pauses before the call). */
export const checkBudget: DoctorCheckFn = async (facts, t) => {
  const [state, config] = [await validState(facts), await facts.validConfig()];
  if (!state || !config) return [];
  const view = budgetView(state.snapshot.context, budgetLimitsFromConfig(config), state.status);
  const title = t('doctor.budget.title');
  const { calls, limit, remaining, cacheHits } = view.run;
  if (view.next && !view.next.ok) return line('budget', 'WARN', title, t('doctor.budget.next', { message: view.next.message }), t('doctor.budget.hint'));
  if (remaining <= view.warnWhenRemainingCallsLte) return line('budget', 'WARN', title, t('doctor.budget.low', { remaining, limit }), t('doctor.budget.hint'));
  return line('budget', 'PASS', title, t('doctor.budget.ok', { calls, limit, cacheHits }));
};

/** Planning docs changed since the plan was approved (or last synced), with their classified impact. */
export const checkDocsSinceApproval: DoctorCheckFn = async (facts, t) => {
  const [state, config] = [await validState(facts), await facts.validConfig()];
  if (!state || !config) return [];
  const title = t('doctor.docs.title');
  const docs = await unsyncedDocs(facts.paths, config, state.snapshot.context);
  switch (docs.status) {
    case 'disabled':
      return line('docs', 'PASS', title, t('doctor.docs.disabled'));
    case 'no_baseline':
      return line('docs', 'PASS', title, t('doctor.docs.none'));
    case 'clean':
      return line('docs', 'PASS', title, t('doctor.docs.ok', { count: Object.keys(docs.current).length }));
    case 'changed': {
      const list = docs.changes.map((c) => `${c.doc} (${c.change}, ${c.impact})`).join(', ');
      return line('docs', 'WARN', title, t('doctor.docs.changed', { docs: list }), t('doctor.docs.changed.hint'));
    }
  }
};

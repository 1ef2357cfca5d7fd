/**
 * The Codex bypass policy (issue #6): may `resume --strategy bypass-codex` pass the gate a `PAUSED_FOR_CODEX`
 * interrupted, on Claude's adversarial review instead of Codex's? Pure; the machine's resume guard and
 * `cccc resume` (to explain a refusal) call the same function with the facts the resume event carries.
 *
 * The original's `apply` checked none of its own policy and wrote a synthetic `status: "pass"` artifact
 * (inventory §5.4, §10 B11); here every rule is checked, in this order, and a refusal names its rule:
 * `self_review_missing`, `bypass_disabled`, `strict_pause`, `reason_not_allowed`, `no_gate`, `final_gate`,
 * `critical_risk`, `high_risk`, `risk_not_allowed`, `consecutive_limit`, `once_per_gate`,
 * `self_review_wrong_gate`, `self_review_not_pass`, `self_review_blocking_findings`.
 *
 * `unavailable_policy`: `strict_pause` never bypasses; `ask_or_bypass_once`, `always_ask` and `custom` (treated
 * as ask) bypass with a human's `--confirm`; `auto_bypass_low_medium` (and `bypass.mode: auto_low_medium`)
 * limit the bypass to low and medium risk — cccc never bypasses on its own, `--confirm` is always required
 * (status table). The final gate is never bypassed: it cannot pass while rechecks are pending anyway.
 */
import { blockingFindings } from './severity.js';
import type { BypassFacts } from './policy-types.js';
import { STATUS_TABLE } from './status-table.js';
import type { GateName, Limits, Risk, WorkflowContext } from './types.js';

/** The rule a bypass refusal names. */
export type BypassRule =
  | 'self_review_missing'
  | 'bypass_disabled'
  | 'strict_pause'
  | 'reason_not_allowed'
  | 'no_gate'
  | 'final_gate'
  | 'critical_risk'
  | 'high_risk'
  | 'risk_not_allowed'
  | 'consecutive_limit'
  | 'once_per_gate'
  | 'self_review_wrong_gate'
  | 'self_review_not_pass'
  | 'self_review_blocking_findings';

/** Result of {@link decideBypass}. */
export type BypassDecision =
  | { ok: true; gate: GateName; milestone: string | null; risk: Risk; covers: string[] }
  | { ok: false; rule: BypassRule; message: string };

const RISK_ORDER: Risk[] = ['low', 'medium', 'high', 'critical'];

/** The highest of `risks` (`low` when empty). */
export function highestRisk(risks: readonly Risk[]): Risk {
  return risks.reduce<Risk>((a, b) => (RISK_ORDER.indexOf(b) > RISK_ORDER.indexOf(a) ? b : a), 'low');
}

/** The gate the current pause interrupted (from the status table), or null when it interrupted no review. */
export function interruptedGate(context: WorkflowContext): GateName | null {
  return context.pause ? STATUS_TABLE[context.pause.interrupted].gate : null;
}

/**
 * What the bypassed gate covers and its risk: the plan gate covers every milestone of the plan (its risk is the
 * highest of them); a milestone gate covers the pending batch and the current milestone.
 */
export function bypassScope(context: WorkflowContext, gate: GateName): { milestone: string | null; risk: Risk; covers: string[] } {
  if (gate !== 'milestone') return { milestone: null, risk: highestRisk(context.milestones.map((m) => m.risk)), covers: [] };
  const id = context.milestones[context.milestoneIndex ?? 0]?.id ?? null;
  const covers = [...context.batch.milestones.filter((m) => m !== id), ...(id ? [id] : [])];
  const risks = covers.map((c) => context.milestones.find((m) => m.id === c)?.risk ?? 'critical');
  return { milestone: id, risk: highestRisk(risks), covers };
}

/** Decide a bypass of the gate the `PAUSED_FOR_CODEX` in `context` interrupted (see the module doc). */
export function decideBypass(context: WorkflowContext, facts: BypassFacts | undefined, limits: Pick<Limits, 'blockOnP1' | 'allowContinueWithP2'>): BypassDecision {
  const no = (rule: BypassRule, message: string): BypassDecision => ({ ok: false, rule, message: `Bypass refused (${rule}): ${message}` });
  if (!facts) return no('self_review_missing', "it needs Claude's adversarial review of the gate: --self-review FILE (reviewer \"claude\").");
  const p = facts.policy;
  if (!p.enabled) return no('bypass_disabled', 'codex.bypass.enabled is false in docs/cccc/config.json.');
  if (p.unavailablePolicy === 'strict_pause') return no('strict_pause', 'codex.unavailable_policy is strict_pause: wait for Codex, then resume --strategy recommended.');
  if (!(p.allowedReasons as string[]).includes(facts.reason)) {
    return no('reason_not_allowed', `reason "${facts.reason}" is not in codex.bypass.allowed_reasons (${p.allowedReasons.join(', ') || 'none'}).`);
  }
  const gate = interruptedGate(context);
  if (gate === null) return no('no_gate', 'the pause did not interrupt a Codex review, so there is no gate to bypass.');
  if (gate === 'final') return no('final_gate', 'the final gate is never bypassed; it cannot pass while Codex rechecks are pending (run cccc recheck when Codex is back).');
  const { milestone, risk, covers } = bypassScope(context, gate);
  if (risk === 'critical') return no('critical_risk', `the ${gate} gate's risk is critical; a critical-risk gate is never bypassed.`);
  const autoLowMedium = p.unavailablePolicy === 'auto_bypass_low_medium' || p.mode === 'auto_low_medium';
  if (risk === 'high' && (!p.allowForRisk.high || autoLowMedium)) {
    const why = autoLowMedium ? 'auto_bypass_low_medium / auto_low_medium covers low and medium risk only' : 'codex.bypass.allow_for_high_risk is false';
    return no('high_risk', `the ${gate} gate's risk is high and ${why}.`);
  }
  if (!p.allowForRisk[risk]) return no('risk_not_allowed', `codex.bypass.allow_for_${risk}_risk is false.`);
  if (context.consecutiveBypasses >= p.maxConsecutiveBypassedGates) {
    return no('consecutive_limit', `${context.consecutiveBypasses} gate(s) were bypassed in a row; codex.bypass.max_consecutive_bypassed_gates is ${p.maxConsecutiveBypassedGates}. Codex must pass a gate first.`);
  }
  if (p.mode === 'once_per_gate' && context.bypasses.some((b) => b.gate === gate && b.milestone === milestone)) {
    return no('once_per_gate', `the ${gate} gate${milestone ? ` of ${milestone}` : ''} was already bypassed in this run (codex.bypass.mode once_per_gate).`);
  }
  const r = facts.review;
  if (r.gate !== gate || (gate === 'milestone' && r.milestone !== milestone)) {
    return no('self_review_wrong_gate', `the self-review is for the ${r.gate} gate${r.milestone ? ` of ${r.milestone}` : ''}, but the paused gate is ${gate}${milestone ? ` of ${milestone}` : ''}.`);
  }
  if (r.status !== 'pass') return no('self_review_not_pass', `Claude's adversarial review says ${r.status}; only a pass can stand in for Codex.`);
  const blocking = blockingFindings(r.findings, limits);
  if (blocking.length > 0) {
    return no('self_review_blocking_findings', `Claude's adversarial review has blocking findings: ${blocking.map((f) => `${f.severity} ${f.title}`).join('; ')}.`);
  }
  return { ok: true, gate, milestone, risk, covers };
}

/**
 * What the review policy adds to `cccc next` (issue #6), pure: inbox documents to curate before planning
 * continues, planning docs changed since the approval (high impact: run `cccc sync-docs`), pending Codex rechecks
 * (at the final gate: run `cccc recheck` first), the bypass option while Codex is unavailable, and budget
 * warnings. The facts are gathered by {@link policyNextFacts}'s caller.
 */
import type { DocChange } from '../../machines/policy-types.js';
import { pendingRechecks } from '../../machines/policy-updates.js';
import type { Status } from '../../machines/status-table.js';
import type { WorkflowContext } from '../../machines/types.js';
import type { NextStep } from './next-step.js';

/** Facts `cccc next` gathers for the policy. */
export interface PolicyNextFacts {
  /** Docs changed since the baseline, classified (empty when clean or there is no baseline). */
  unsyncedDocs: DocChange[];
  /** Inbox documents not yet curated. */
  pendingSources: string[];
  /** The budget check of the next review, when the status has a gate. */
  budget: { ok: boolean; warn: boolean; message: string } | null;
  /** The bypass policy permits offering a bypass (enabled, not strict_pause). */
  bypassOffered: boolean;
}

/** The next step with the policy's fields. */
export type PolicyNextStep = NextStep & {
  unsyncedDocs: DocChange[];
  pendingSources: string[];
  pendingRechecks: { gate: string; milestone: string | null }[];
};

const PLANNING: readonly Status[] = ['DISCOVER_EXISTING_PROJECT', 'CLAUDE_PLANNING_REVIEW', 'CLAUDE_REVISE_PLAN'];
const IMPLEMENTING: readonly Status[] = ['IMPLEMENT_MILESTONE', 'CODEX_MILESTONE_REVIEW', 'CLAUDE_FIX', 'CODEX_FINAL_REVIEW'];

/** Add the policy's instruction overrides and details to `step`. */
export function withPolicy(step: NextStep, context: WorkflowContext, facts: PolicyNextFacts): PolicyNextStep {
  const rechecks = pendingRechecks(context).map((b) => ({ gate: b.gate, milestone: b.milestone }));
  const out: PolicyNextStep = { ...step, details: [...step.details], unsyncedDocs: facts.unsyncedDocs, pendingSources: facts.pendingSources, pendingRechecks: rechecks };
  const status = step.status;
  const high = facts.unsyncedDocs.filter((c) => c.impact !== 'context');
  if (facts.pendingSources.length > 0) {
    const lines = facts.pendingSources.map((p) => `inbox: ${p}`);
    if (PLANNING.includes(status)) {
      out.instruction = `Before planning continues, curate the ${facts.pendingSources.length} inbox document(s) into the canonical planning docs (project-brief.md, roadmap.md, architecture.md, milestones.yaml …): read each, fold in what matters, then record where it went.`;
      out.command = `cccc curate-docs --source ${facts.pendingSources[0]} --into <doc>[,<doc>]  (or --irrelevant)`;
      out.details.unshift(...lines);
    } else out.details.push(...lines.map((l) => `${l} (not curated yet: cccc curate-docs)`));
  }
  if (high.length > 0 && IMPLEMENTING.includes(status)) {
    out.instruction = `Planning docs changed since the plan was approved (${high.map((c) => `${c.doc}: ${c.impact}`).join(', ')}): the plan may no longer hold. Run cccc sync-docs; a high-impact change needs a replan.`;
    out.command = 'cccc sync-docs';
  }
  for (const c of facts.unsyncedDocs) out.details.push(`unsynced doc: ${c.doc} (${c.change}, ${c.impact}) — ${c.why}`);
  if (rechecks.length > 0) {
    const names = rechecks.map((r) => r.milestone ?? r.gate).join(', ');
    if (status === 'CODEX_FINAL_REVIEW') {
      out.instruction = `The final gate cannot pass while Codex rechecks of bypassed gates are pending (${names}). Run them first.`;
      out.command = 'cccc recheck';
    } else out.details.push(`pending Codex recheck(s): ${names} — lower assurance until cccc recheck passes`);
  }
  if (status === 'PAUSED_FOR_CODEX' && facts.bypassOffered) {
    out.details.push(
      'If Codex stays unavailable and codex.bypass allows it for this gate: write your adversarial review (reviewer "claude") and a human runs',
      '  cccc resume --strategy bypass-codex --reason <allowed reason> --self-review <file> --confirm',
    );
  }
  if (facts.budget && (!facts.budget.ok || facts.budget.warn)) out.details.push(`budget: ${facts.budget.message}`);
  return out;
}

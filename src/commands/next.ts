/** `cccc next [--json]`: the current status, milestone, and the exact instruction and command for the next move. */
import { DISCOVERY_DOCS, unfilledDiscoveryDocs } from '../../machines/guards.js';
import { limitsFromConfig } from '../config/load.js';
import { resolveLanguage } from '../i18n/language.js';
import { nextStep, type NextStep } from '../next/next-step.js';
import { policyNextFacts } from '../next/policy-facts.js';
import { withPolicy } from '../next/policy-step.js';
import { docStates } from '../plan/docs.js';
import { readState } from '../state/store.js';
import { format } from '../i18n/catalogue.js';
import { openWorkspace, type CommandDeps } from './workspace.js';

/** Compute the next step for the workspace at `deps.cwd`. Read-only. */
export async function runNext(deps: Pick<CommandDeps, 'cwd'>): Promise<NextStep> {
  const { paths, config } = await openWorkspace(deps);
  const state = await readState(paths);
  const docs = state.status === 'DISCOVER_EXISTING_PROJECT' ? unfilledDiscoveryDocs(await docStates(paths, DISCOVERY_DOCS)) : [];
  const step = nextStep(state.status, state.snapshot.context, state.revision, {
    unfilledDiscoveryDocs: docs,
    limits: limitsFromConfig(config),
    language: resolveLanguage(config.language.user_language),
  });
  // Issue #6: inbox curation, unsynced planning docs, pending rechecks, bypass and budget hints.
  return withPolicy(step, state.snapshot.context, await policyNextFacts(paths, config, state));
}

/** Human rendering of a {@link NextStep}. */
export function formatNext(step: NextStep, language: 'en' | 'zh-CN' = 'en'): string {
  const lines = [`Status: ${step.status}${step.milestone ? `  Milestone: ${step.milestone} ${step.milestoneTitle ?? ''}` : ''}`, '', step.instruction];
  if (step.details.length) lines.push('', ...step.details.map((d) => `  ${d}`));
  lines.push('', `Run: ${step.command}`, '', format(language, 'next.rules'));
  return lines.join('\n');
}

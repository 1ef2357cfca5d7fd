/**
 * The `cccc status --json` document built from a read state and config. Shared by the full path
 * (`runStatus`, zod-validated files) and the light path (`lightStatus`, shape-checked files) so both print the
 * same document; this module imports nothing heavy (no zod, XState or commander).
 */
import { currentMilestoneId } from '../../machines/guards.js';
import { STATUS_TABLE, type Status } from '../../machines/status-table.js';
import type { WorkflowContext } from '../../machines/types.js';
import type { CcccConfig } from '../config/schema.js';
import { loopSummary } from '../hooks/loop-record.js';
import { policyStatus } from '../policy/status-fields.js';
import type { StatusResult } from './status.js';

/** The parts of a state envelope the document shows. */
export interface StatusFacts {
  status: Status;
  revision: number;
  updatedAt: string;
  context: WorkflowContext;
}

/** Build the status document; `loopDir` is `docs/cccc/runtime/loop` of the workspace. */
export function statusDocument(state: StatusFacts, config: CcccConfig, loopDir: string): StatusResult {
  const ctx = state.context;
  const current = currentMilestoneId(ctx);
  const outcomes = new Map(ctx.outcomes.map((o) => [o.id, o.outcome]));
  return {
    status: state.status,
    kind: STATUS_TABLE[state.status].kind,
    milestone: current,
    revision: state.revision,
    task: ctx.task,
    mode: config.mode,
    pause: ctx.pause,
    planApproved: ctx.planApproved,
    milestones: ctx.milestones.map((m) => ({
      id: m.id,
      title: m.title,
      risk: m.risk,
      outcome: outcomes.get(m.id) ?? (m.id === current ? 'current' : 'pending'),
    })),
    gatesPassed: ctx.gates.filter((g) => g.passed).length,
    lowerAssurance: ctx.lowerAssurance,
    updatedAt: state.updatedAt,
    loop: loopSummary(loopDir),
    ...policyStatus(state.status, ctx, config),
  };
}

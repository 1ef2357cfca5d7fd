/**
 * `cccc rebuild-context [--gate plan|milestone|final] [--json]` (issue #5): rebuild
 * `docs/cccc/context-bundle.md` for the current review target — exactly the bundle the next `cccc review` would
 * send — without touching the machine (no event, no lock). Reports its size against `codex.max_context_bytes`,
 * which sections were cut to fit, and which secret-looking files were withheld (listed by name only).
 */
import { STATUS_TABLE, isPaused, type Status } from '../../machines/status-table.js';
import type { GateName, WorkflowContext } from '../../machines/types.js';
import { writeContextBundle } from '../bundle/index.js';
import type { TruncatedSection } from '../bundle/types.js';
import { UsageError } from '../errors.js';
import { translator } from '../i18n/catalogue.js';
import type { Language } from '../i18n/language.js';
import { buildReviewBundle } from '../review/prepare.js';
import { targetFor } from '../review/review-target.js';
import { readState } from '../state/store.js';
import { openWorkspace, type CommandDeps } from './workspace.js';

/** The `cccc rebuild-context --json` document. Sizes in UTF-8 bytes. */
export interface RebuildContextResult {
  file: string;
  status: Status;
  gate: GateName;
  /** `plan`, the milestone id, or `final`. */
  id: string;
  round: number;
  /** Diff base (a snapshot tree or commit), null for the plan gate. */
  base: string | null;
  bytes: number;
  cap: number;
  sha256: string;
  truncated: TruncatedSection[];
  withheld: string[];
}

/**
 * The gate whose bundle is current in `status` (pure): the status table's gate; for Claude's steps the gate
 * they lead to (planning → plan, implementing → milestone, fixing → the review it returns to); for a pause the
 * gate of the status it interrupted; DONE → final; SETUP_COMPLETE → plan.
 */
export function contextGateOf(status: Status, context: WorkflowContext): GateName {
  const gate = STATUS_TABLE[status].gate;
  if (gate !== null) return gate;
  if (isPaused(status) && context.pause && context.pause.interrupted !== status) return contextGateOf(context.pause.interrupted, context);
  switch (status) {
    case 'IMPLEMENT_MILESTONE':
      return 'milestone';
    case 'CLAUDE_FIX':
      return context.fixReturnTo === 'CODEX_FINAL_REVIEW' ? 'final' : 'milestone';
    case 'DONE':
      return 'final';
    default:
      return 'plan';
  }
}

/** Rebuild and write the bundle. Throws UsageError for an unknown `--gate`; never changes state.json or the journal. */
export async function runRebuildContext(options: { gate?: string }, deps: Pick<CommandDeps, 'cwd'>): Promise<RebuildContextResult> {
  if (options.gate !== undefined && !['plan', 'milestone', 'final'].includes(options.gate)) {
    throw new UsageError(`Unknown gate "${options.gate}".`, 'Use --gate plan, milestone or final.');
  }
  const { paths, config } = await openWorkspace(deps);
  const state = await readState(paths);
  const context = state.snapshot.context;
  const gate = (options.gate as GateName | undefined) ?? contextGateOf(state.status, context);
  const target = targetFor(gate, context);
  const bundle = await buildReviewBundle(paths, config, context, target);
  const written = await writeContextBundle(paths, bundle);
  return {
    file: paths.rel(written),
    status: state.status,
    gate,
    id: target.id,
    round: target.round,
    base: target.base,
    bytes: bundle.bytes,
    cap: config.codex.max_context_bytes,
    sha256: bundle.sha256,
    truncated: bundle.truncated,
    withheld: bundle.withheld,
  };
}

/** Human rendering of {@link RebuildContextResult} in `language`. */
export function formatRebuildContext(r: RebuildContextResult, language: Language = 'en'): string {
  const t = translator(language);
  return [
    t('rebuild.done', { file: r.file, gate: r.gate, of: r.id === r.gate ? '' : t('rebuild.of', { id: r.id }), round: r.round, bytes: r.bytes, cap: r.cap }),
    r.base ? t('rebuild.base', { base: r.base }) : t('rebuild.noBase'),
    r.truncated.length ? t('rebuild.cut', { sections: r.truncated.map((s) => `${s.section} (−${s.droppedBytes} B)`).join(', ') }) : t('rebuild.notCut'),
    r.withheld.length ? t('rebuild.withheld', { files: r.withheld.join(', ') }) : t('rebuild.noneWithheld'),
    t('rebuild.untouched'),
  ].join('\n');
}

/**
 * The bundle's small sections, rendered as blocks: task, thresholds, gate and milestone, milestones with the
 * current acceptance criteria, prior findings, and the workspace docs. Pure; sorted where order is not given.
 */
import type { Finding, Limits, Milestone } from '../../machines/types.js';
import { fencedBlock, type Block } from './block.js';
import type { BundleDoc, BundleParts } from './types.js';

/** `## Task`: the task as the user gave it. */
export function taskBlock(parts: BundleParts): Block {
  return fencedBlock('task', '## Task\n\n', 'text', parts.task ?? '(no task recorded)');
}

/** `## Thresholds`: the config limits by their `docs/cccc/config.json` names. */
export function thresholdsBlock(limits: Limits): Block {
  const rows: [string, string | number | boolean][] = [
    ['planning.max_plan_review_rounds', limits.maxPlanReviewRounds],
    ['review.max_review_rounds_per_milestone', limits.maxReviewRoundsPerMilestone],
    ['review.max_fix_attempts_per_milestone', limits.maxFixAttemptsPerMilestone],
    ['review.block_on_p0', 'true (always)'],
    ['review.block_on_p1', limits.blockOnP1],
    ['review.allow_continue_with_p2', limits.allowContinueWithP2],
    ['milestones.max_milestones_per_run', limits.maxMilestonesPerRun],
    ['milestones.max_diff_lines_per_milestone', limits.maxDiffLinesPerMilestone],
    ['milestones.max_changed_files_per_milestone', limits.maxChangedFilesPerMilestone],
  ];
  return { section: 'thresholds', prefix: '## Thresholds\n\n', body: rows.map(([key, value]) => `- ${key}: ${String(value)}\n`).join(''), unreadBytes: 0, suffix: '\n' };
}

/** `## Gate and milestone`: which review this is, the milestone and the diff base. */
export function gateBlock(parts: BundleParts): Block {
  const milestone = parts.milestone === null ? 'none' : `${parts.milestone.id} — ${parts.milestone.title}`;
  const base = parts.diff === null ? 'none (the plan gate reviews the plan, not code)' : parts.diff.base;
  const body = `- Gate: ${parts.gate}\n- Milestone: ${milestone}\n- Diff base: ${base}\n`;
  return { section: 'gate', prefix: '## Gate and milestone\n\n', body, unreadBytes: 0, suffix: '\n' };
}

/** A workspace doc under `heading` (a Markdown heading line and a blank line), fenced, or a note when missing. */
export function docBlock(section: string, heading: string, doc: BundleDoc): Block {
  if (doc.text === null) return { section, prefix: heading, body: `(missing: docs/cccc/${doc.name} does not exist)\n`, unreadBytes: 0, suffix: '\n' };
  return fencedBlock(section, heading, 'markdown', doc.text, doc.unreadBytes);
}

/** `## Milestones`: one line per milestone, then the current milestone in full (its acceptance criteria). */
export function milestonesBlock(parts: BundleParts): Block {
  const current = parts.milestone?.id ?? null;
  const lines = parts.milestones.map((m) => {
    const deps = m.depends_on.length > 0 ? m.depends_on.join(', ') : 'none';
    return `- ${m.id}${m.id === current ? ' (current)' : ''} — ${oneLine(m.title)} · risk ${m.risk} · depends on ${deps}\n`;
  });
  const list = lines.length > 0 ? lines.join('') : '(no milestones yet)\n';
  const detail = parts.milestone === null ? '' : `\n${currentMilestone(parts.milestone)}`;
  return { section: 'milestones', prefix: '## Milestones\n\n', body: list + detail, unreadBytes: 0, suffix: '\n' };
}

function currentMilestone(m: Milestone): string {
  const list = (title: string, items: string[], numbered = false): string =>
    `${title}:\n${items.length === 0 ? '- (none)\n' : items.map((item, i) => `${numbered ? `${i + 1}.` : '-'} ${oneLine(item)}\n`).join('')}\n`;
  return [
    `### Current milestone ${m.id}: ${oneLine(m.title)}\n\n`,
    `Goal: ${oneLine(m.goal)}\n\n`,
    list('Acceptance criteria', m.acceptance_criteria, true),
    list('Scope', m.scope),
    list('Out of scope', m.out_of_scope),
    list('Expected files', m.expected_files),
    list('Required tests', m.required_tests),
  ].join('');
}

const SEVERITY_ORDER = ['P0', 'P1', 'P2', 'P3'];

/** `## Prior findings`: earlier rounds' findings of this gate, most severe first, then by title. */
export function findingsBlock(parts: BundleParts): Block {
  const sorted = [...parts.priorFindings].sort(compareFindings);
  const body = sorted.length === 0 ? '(none)\n' : sorted.map((f) => `- [${f.severity}] ${oneLine(f.title)}\n`).join('');
  const scope = parts.gate === 'plan' ? 'the plan' : parts.milestone === null ? 'the final review' : `milestone ${parts.milestone.id}`;
  return { section: 'prior-findings', prefix: `## Prior findings for ${scope}\n\n`, body, unreadBytes: 0, suffix: '\n' };
}

function compareFindings(a: Finding, b: Finding): number {
  const bySeverity = SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity);
  return bySeverity !== 0 ? bySeverity : a.title < b.title ? -1 : a.title > b.title ? 1 : 0;
}

/** Newlines folded to spaces, so a list item stays one line. */
function oneLine(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, ' ').trim();
}

/**
 * The pure assembler of the context bundle (issue #3 §3): parts in, at most `maxBytes` UTF-8 bytes out, the same
 * bytes for the same parts. Section order: header, task, thresholds, gate and milestone, planning docs, decision
 * log, open questions, milestones (the current one's acceptance criteria in full), prior findings, the diff since
 * base (stat, then hunks), withheld names, truncation notes.
 *
 * Budget, in order: (1) every heading, fence and the header/withheld/truncation text is fixed cost; (2) the small
 * sections (task, thresholds, gate, milestones, findings) share the budget fairly and in practice print whole;
 * (3) the stat takes what it needs — it is always kept, cut by rows only if it alone exceeds what is left;
 * (4) the docs (planning docs, decision log, open questions) and the hunks split the rest fairly as two groups —
 * neither can starve the other, and what one does not need goes to the other; (5) inside each group, files share
 * fairly (see `allocate-hunks.ts` for the hunks). Every cut leaves a marker in place and a line under "Truncation".
 */
import { InvalidInputError } from '../errors.js';
import { sha256Text } from '../files/sha256.js';
import { allocateHunks } from './allocate-hunks.js';
import { bodySize, renderBlock, withFinalNewline, wrapperSize, type Block } from './block.js';
import { fairShare } from './fair-share.js';
import { byteLength, fitText, fullSize } from './fit.js';
import { diffIntro, fitStat, hunksWrapper, statLayout, type StatLayout } from './render-diff.js';
import { headerSlack, renderHeader, renderTruncation, renderWithheld, truncationBound, type HunkSummary } from './render-notes.js';
import { docBlock, findingsBlock, gateBlock, milestonesBlock, taskBlock, thresholdsBlock } from './render-plan.js';
import type { BundleDiff, BundleParts, ContextBundle, TruncatedSection } from './types.js';

/** Smallest cap the bundle accepts, in bytes: room for every heading and a useful part of each section. */
export const MIN_BUNDLE_BYTES = 16_384;

/** Default cap, in UTF-8 bytes (`codex.max_context_bytes`, issue #3 §3: "200 KB"). */
export const DEFAULT_MAX_CONTEXT_BYTES = 200_000;

const PLANNING_HEADING = '## Planning docs\n\n';

const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);

/**
 * Assemble the bundle from `parts` within `maxBytes` UTF-8 bytes (see the module doc for the budget policy).
 * Throws InvalidInputError `CONFIG_INVALID` when `maxBytes` is below {@link MIN_BUNDLE_BYTES}.
 */
export function assembleBundle(parts: BundleParts, maxBytes: number): ContextBundle {
  if (!Number.isSafeInteger(maxBytes) || maxBytes < MIN_BUNDLE_BYTES) {
    throw new InvalidInputError('CONFIG_INVALID', `docs/cccc/config.json: codex.max_context_bytes is ${maxBytes}; the context bundle needs at least ${MIN_BUNDLE_BYTES} bytes.`, `Set codex.max_context_bytes to ${DEFAULT_MAX_CONTEXT_BYTES} (the default) or any whole number ≥ ${MIN_BUNDLE_BYTES}.`);
  }
  const small = [taskBlock(parts), thresholdsBlock(parts.limits), gateBlock(parts), milestonesBlock(parts), findingsBlock(parts)];
  const docs = [
    ...parts.planningDocs.map((doc) => docBlock(`planning-docs/${doc.name}`, `### ${doc.name}\n\n`, doc)),
    docBlock('decision-log', '## Decision log\n\n', parts.decisionLog),
    docBlock('open-questions', '## Open questions\n\n', parts.openQuestions),
  ];
  const diff = parts.diff;
  const stat = diff === null ? null : statLayout(diff);
  const hunks = diff === null || diff.files.length === 0 ? null : hunksWrapper(diff);
  const patches = diff === null ? [] : diff.files.map((file) => withFinalNewline(file.patch));
  const withheld = renderWithheld(parts.withheld);
  const sectionNames = [...small, ...docs].map((block) => block.section).concat(stat === null ? [] : ['diff/stat']);

  const fixed =
    byteLength(renderHeader(parts, maxBytes, false)) + headerSlack + byteLength(PLANNING_HEADING) +
    sum([...small, ...docs].map(wrapperSize)) +
    (diff === null || stat === null ? 0 : byteLength(diffIntro(diff)) + wrapperSize(stat.block)) +
    (hunks === null ? 0 : byteLength(hunks.prefix) + byteLength(hunks.suffix)) +
    byteLength(withheld) + truncationBound(maxBytes, sectionNames, diff !== null);
  let budget = Math.max(0, maxBytes - fixed);

  const smallAllowances = fairShare(small.map(bodySize), budget);
  budget -= sum(smallAllowances);
  const statAllowance = stat === null ? 0 : Math.min(bodySize(stat.block), budget);
  budget -= statAllowance;
  const docSizes = docs.map(bodySize);
  const patchSizes = diff === null ? [] : diff.files.map((file, i) => fullSize(patches[i] as string, file.unreadBytes));
  const [docsBudget = 0, hunksBudget = 0] = fairShare([sum(docSizes), sum(patchSizes)], budget);
  const docAllowances = fairShare(docSizes, docsBudget);

  const truncated: TruncatedSection[] = [];
  const render = (block: Block, allowance: number): string => {
    const rendered = renderBlock(block, allowance);
    if (rendered.droppedBytes > 0) truncated.push({ section: block.section, droppedBytes: rendered.droppedBytes });
    return rendered.text;
  };
  const smallText = small.map((block, i) => render(block, smallAllowances[i] as number));
  const docText = docs.map((block, i) => render(block, docAllowances[i] as number));
  const diffText = diff === null || stat === null ? { text: '', summary: null } : renderDiff(diff, stat, patches, patchSizes, statAllowance, hunksBudget, hunks, truncated);

  const [task, thresholds, gate, milestones, findings] = smallText;
  const planningText = docText.slice(0, parts.planningDocs.length).join('');
  const [decisionLog, openQuestions] = docText.slice(parts.planningDocs.length);
  const body = [task, thresholds, gate, PLANNING_HEADING, planningText, decisionLog, openQuestions, milestones, findings, diffText.text, withheld].join('');
  const text = renderHeader(parts, maxBytes, truncated.length > 0) + body + renderTruncation(maxBytes, truncated, diffText.summary);
  return finish(text, maxBytes, truncated, parts.withheld);
}

/** Render the diff section: intro, stat (rows marked full/cut/omit) and the fenced hunks. */
function renderDiff(
  diff: BundleDiff,
  stat: StatLayout,
  patches: readonly string[],
  patchSizes: readonly number[],
  statAllowance: number,
  hunksBudget: number,
  hunks: { prefix: string; suffix: string } | null,
  truncated: TruncatedSection[],
): { text: string; summary: HunkSummary } {
  const allocation = allocateHunks(patchSizes, diff.files.map((file) => file.path), diff.files.map((file) => file.unreadBytes > 0), hunksBudget);
  const statBody = fitStat(stat.header, stat.rows(allocation.shown), statAllowance);
  if (statBody.droppedBytes > 0) truncated.push({ section: 'diff/stat', droppedBytes: statBody.droppedBytes });
  let dropped = 0;
  const patchText = diff.files.map((file, i) => {
    const fitted = fitText(patches[i] as string, file.unreadBytes, allocation.allowances[i] as number);
    if (fitted.droppedBytes > 0) truncated.push({ section: `diff/${file.path}`, droppedBytes: fitted.droppedBytes });
    dropped += fitted.droppedBytes;
    return fitted.text;
  });
  const summary: HunkSummary = {
    files: diff.files.length,
    cut: allocation.shown.filter((shown) => shown === 'cut').length,
    omitted: allocation.shown.filter((shown) => shown === 'omit').length,
    droppedBytes: dropped,
    shareBytes: allocation.shareBytes,
  };
  const statText = stat.block.prefix + statBody.text + stat.block.suffix;
  const hunkText = hunks === null ? '' : hunks.prefix + patchText.join('') + hunks.suffix;
  return { text: diffIntro(diff) + statText + hunkText, summary };
}

/** Final check of the cap. The budget makes an overrun impossible; if a bug ever causes one, cut rather than exceed. */
function finish(text: string, maxBytes: number, truncated: TruncatedSection[], withheld: string[]): ContextBundle {
  let out = text;
  if (byteLength(out) > maxBytes) {
    const fitted = fitText(out, 0, maxBytes);
    out = fitted.text;
    truncated.push({ section: 'bundle', droppedBytes: fitted.droppedBytes });
  }
  return { text: out, bytes: byteLength(out), sha256: sha256Text(out), truncated, withheld: [...withheld] };
}

/**
 * Texts the Stop hook gives Claude (block reason) and the user (no-progress pause reason), in English or
 * Simplified Chinese by `language.user_language` (issue #4 §1). Pure; no imports, so the hook's hot path
 * stays light.
 *
 * Claude Code caps hook output strings at 10,000 characters (external-interfaces B4), so every variable part
 * is clipped and the whole reason is kept under {@link MAX_REASON_CHARS}.
 */

/** Upper bound for a block reason, in characters (below Claude Code's 10,000-char cap, with margin). */
export const MAX_REASON_CHARS = 9_000;

/** The state facts the block reason names. */
export interface StopReasonFacts {
  status: string;
  task: string | null;
  milestoneId: string | null;
  milestoneTitle: string | null;
  nextInstruction: string;
  nextCommand: string;
}

/** True when `language` asks for Chinese (`zh`, `zh-CN`, `zh_Hans`, `chinese`, `中文`…). */
export function isChinese(language: unknown): boolean {
  if (typeof language !== 'string') return false;
  const l = language.trim().toLowerCase();
  return l.startsWith('zh') || l.includes('chinese') || l.includes('中文');
}

/**
 * The block reason: status, milestone, the `cccc next` instruction and command, the budget used (`used/max`
 * continuations), "several steps per continuation", and the hard rules.
 */
export function buildStopBlockReason(input: {
  language: string;
  state: StopReasonFacts;
  used: number;
  max: number;
}): string {
  const { state, used, max } = input;
  const id = text(state.milestoneId);
  const title = text(state.milestoneTitle);
  const facts = {
    status: clip(text(state.status), 80),
    task: clip(text(state.task), 600),
    milestone: id ? clip(`${id}${title ? ` — ${title}` : ''}`, 300) : null,
    instruction: clip(text(state.nextInstruction), 5_000),
    command: clip(text(state.nextCommand) || 'cccc next', 1_000),
  };
  const reason = isChinese(input.language) ? chinese(facts, used, max) : english(facts, used, max);
  return clip(reason, MAX_REASON_CHARS);
}

/** The reason recorded with the `PAUSED_FOR_SYSTEM` pause when blocks stopped making progress. */
export function buildNoProgressPauseReason(language: string, blocks: number, revision: number): string {
  return isChinese(language)
    ? `Stop hook：连续 ${blocks} 次继续后工作流没有进展（状态 revision ${revision} 未变化），已暂停以避免空转。检查原因后运行 \`cccc resume\`。`
    : `Stop hook: ${blocks} continuations in a row made no workflow progress (state revision ${revision} did not change); paused instead of spinning. Check why, then run \`cccc resume\`.`;
}

interface ReasonFacts {
  status: string;
  task: string;
  milestone: string | null;
  instruction: string;
  command: string;
}

function english(f: ReasonFacts, used: number, max: number): string {
  return [
    `cccc: keep working on the workflow — do not stop yet (Stop-hook continuation ${used}/${max}).`,
    `Task: ${f.task}`,
    `Status: ${f.status}. Milestone: ${f.milestone ?? 'none yet'}.`,
    `Next step (from \`cccc next\`): ${f.instruction}`,
    `Command: ${f.command}`,
    'Run several steps per continuation: do this step, submit it as `cccc next` says, run `cccc next` again and keep ' +
      'going until a Codex gate, a pause or DONE — not one small step per stop.',
    'Hard rules:',
    '- Never bypass a pause for secrets, real money, production access or destructive operations. If the work ' +
      'needs one of them, stop and let cccc pause (`cccc pause --kind secret|sensitive|unsafe`) for the user.',
    '- Never edit docs/cccc/state.json (or anything under docs/cccc/runtime/) by hand; only `cccc` commands change it.',
  ].join('\n');
}

function chinese(f: ReasonFacts, used: number, max: number): string {
  return [
    `cccc：继续推进工作流，暂时不要停下（Stop hook 继续次数 ${used}/${max}）。`,
    `任务：${f.task}`,
    `状态：${f.status}。里程碑：${f.milestone ?? '尚无'}。`,
    `下一步（来自 \`cccc next\`）：${f.instruction}`,
    `命令：${f.command}`,
    '每次继续都执行多个步骤：完成这一步，按 `cccc next` 的说明提交，再次运行 `cccc next` 并继续，直到遇到 Codex 审查关卡、暂停或 DONE——不要每次只走一小步就停下。',
    '硬性规则：',
    '- 绝不绕过涉及密钥/机密、真实资金、生产环境或破坏性操作的暂停。如果工作需要这些，停下来让 cccc 暂停（`cccc pause --kind secret|sensitive|unsafe`），交给用户决定。',
    '- 绝不手动编辑 docs/cccc/state.json（以及 docs/cccc/runtime/ 下的任何文件）；只有 `cccc` 命令可以修改它。',
  ].join('\n');
}

/** `value` when it is a string, else '' (the facts come from files Claude could have damaged). */
function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** `text` cut to at most `max` characters, marking the cut with `…`. */
function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

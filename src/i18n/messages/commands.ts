/**
 * Human output of the workflow commands (`status`, `gates`, `gates assert`, `start`, `submit`, `pause`,
 * `answer`, `resume`, `review`, `trace`), in English and Simplified Chinese (issue #5 "Human-facing
 * language"). Status names, gate names, verdicts and commands stay English in both.
 */

/** English. */
export const EN_COMMANDS = {
  'common.next': 'Next: cccc next',
  'common.hint': 'hint: {hint}',
  'common.none': '—',

  'status.status': 'Status:    {status} ({kind})',
  'status.task': 'Task:      {task}',
  'status.milestone': 'Milestone: {milestone}',
  'status.mode': 'Mode:      {mode}',
  'status.revision': 'Revision:  {revision} (updated {updatedAt})',
  'status.paused': 'Paused:    {kind} — {reason}',
  'status.resumesTo': 'Resumes to: {status}',
  'status.milestones': 'Milestones:',
  'status.lowerAssurance': 'Assurance: LOWER (mock secrets or a bypassed gate in this run)',

  'gates.status': 'Status: {status}',
  'gates.header': 'Gates:',
  'gates.milestone': 'milestone {milestone}',
  'gates.latest': ' ({verdict}, round {round}, {source})',
  'gates.safe': 'Safety: safe to continue',
  'gates.paused': 'Safety: paused — {reason}',
  'gates.lowerAssurance': 'Assurance: LOWER',
  'gatesAssert.ok': 'OK: the {gate} gate{milestone} holds — {checked} unchanged since Codex approved.',
  'gatesAssert.artifact': 'Artifact: {artifact}',

  'start.done': 'Started: {task}',
  'start.status': 'Status: {status} (revision {revision})',
  'submit.done': 'Submitted {step}{diff}: {from} → {status} (revision {revision})',
  'submit.diff': ' (diff: {lines} lines, {files} files)',
  'pause.done': 'Paused: {from} → {status} (revision {revision})',
  'pause.reason': 'Reason: {reason}',
  'pause.resumeWith': 'Resume with: cccc resume --strategy <s> (cccc next lists them)',
  'answer.recorded': 'Recorded answer to {question}: {answer}',
  'answer.stillOpen': 'Still open: {questions}',
  'answer.noneOpen': 'No open questions. Resume with cccc resume --strategy recommended.',
  'resume.done': 'Resumed with --strategy {strategy}: {from} → {status} (revision {revision})',

  'review.headline': 'Codex {gate} review{of} (round {round}): {verdict}{outcome}',
  'review.of': ' of {milestone}',
  'review.passed': ' — PASSED',
  'review.notPassed': ' — not passed',
  'review.transition': '{from} → {to} (revision {revision})',
  'review.artifact': 'Artifact: {artifact}',

  'trace.empty': 'No journal events yet.',
  'trace.header': 'Showing {shown} of {total} events (newest last):',
  'trace.artifact': 'artifact: {artifact}',
} as const;

/** Simplified Chinese for {@link EN_COMMANDS}. */
export const ZH_COMMANDS: Record<keyof typeof EN_COMMANDS, string> = {
  'common.next': '下一步：cccc next',
  'common.hint': '提示：{hint}',
  'common.none': '—',

  'status.status': '状态：     {status}（{kind}）',
  'status.task': '任务：     {task}',
  'status.milestone': 'Milestone：{milestone}',
  'status.mode': '模式：     {mode}',
  'status.revision': '版本：     {revision}（更新于 {updatedAt}）',
  'status.paused': '已暂停：   {kind} —— {reason}',
  'status.resumesTo': '恢复后回到：{status}',
  'status.milestones': 'Milestone 列表：',
  'status.lowerAssurance': '保证级别：较低（本次运行使用了模拟密钥或绕过了审查门）',

  'gates.status': '状态：{status}',
  'gates.header': '审查门：',
  'gates.milestone': 'milestone {milestone}',
  'gates.latest': '（{verdict}，第 {round} 轮，{source}）',
  'gates.safe': '安全：可以继续',
  'gates.paused': '安全：已暂停 —— {reason}',
  'gates.lowerAssurance': '保证级别：较低',
  'gatesAssert.ok': '通过：{gate} 审查门{milestone}仍然成立 —— 自 Codex 批准以来 {checked} 均未改变。',
  'gatesAssert.artifact': '审查记录：{artifact}',

  'start.done': '已开始：{task}',
  'start.status': '状态：{status}（版本 {revision}）',
  'submit.done': '已提交 {step}{diff}：{from} → {status}（版本 {revision}）',
  'submit.diff': '（差异：{lines} 行，{files} 个文件）',
  'pause.done': '已暂停：{from} → {status}（版本 {revision}）',
  'pause.reason': '原因：{reason}',
  'pause.resumeWith': '恢复方式：cccc resume --strategy <s>（cccc next 会列出可用策略）',
  'answer.recorded': '已记录对 {question} 的回答：{answer}',
  'answer.stillOpen': '仍待回答：{questions}',
  'answer.noneOpen': '没有待回答的问题。用 cccc resume --strategy recommended 恢复。',
  'resume.done': '已用 --strategy {strategy} 恢复：{from} → {status}（版本 {revision}）',

  'review.headline': 'Codex {gate} 审查{of}（第 {round} 轮）：{verdict}{outcome}',
  'review.of': '（{milestone}）',
  'review.passed': ' —— 通过',
  'review.notPassed': ' —— 未通过',
  'review.transition': '{from} → {to}（版本 {revision}）',
  'review.artifact': '审查记录：{artifact}',

  'trace.empty': '日志中还没有事件。',
  'trace.header': '显示 {total} 个事件中的 {shown} 个（最新的在最后）：',
  'trace.artifact': '审查记录：{artifact}',
};

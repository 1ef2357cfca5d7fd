/**
 * Messages of `cccc next` and the Stop hook's continuation text, in English and Simplified Chinese
 * (issue #5 "Human-facing language"). Placeholders are `{name}`.
 */

/** English. */
export const EN_WORKFLOW = {
  'next.setup': 'No task is running. Start one with the command below.',
  'next.discover':
    'Discover the existing project (read code, tests, config; write no business code) and fill the discovery docs. Delete the `cccc:template` line in each when done. Still to fill: {docs}.',
  'next.discover.done': 'All discovery docs are filled. Submit discovery.',
  'next.plan':
    'Write docs/cccc/project-brief.md, docs/cccc/roadmap.md and docs/cccc/milestones.yaml (small milestones, each with acceptance criteria, expected files, required tests, risk). Then challenge your own plan (scope, hidden assumptions, missing tests, unsafe steps, milestones too large) and write the self-review JSON {"verdict":"ok|revise_plan|ask_human|read_more_project","summary":"…","concerns":[],"questions":[]} to a file.',
  'next.revise':
    'Codex rejected the plan (round {round}/{max}). Revise the planning docs and milestones.yaml to address every finding below, self-review again, and resubmit.',
  'next.review.plan': 'Run the Codex adversarial plan gate.',
  'next.review.milestone': 'Run the Codex review of milestone {milestone} (round {round}/{max}).',
  'next.review.final': 'Run the Codex final gate over the whole change.',
  'next.implement':
    'Implement milestone {milestone}: {title}. Stay inside its scope, meet every acceptance criterion, run the required tests, then self-review (write the self-review JSON to a file) and submit.',
  'next.fix': 'Codex found problems (fix attempt {attempt}/{max}). Fix every blocking finding below, rerun the tests, self-review, and submit the fix.',
  'next.done': 'The task is DONE: every milestone and the final gate passed Codex review. Start a new task when ready.',
  'next.paused': 'Paused ({status}): {reason} A human must decide. Allowed: {allowed}.',
  'next.paused.questions': 'Open questions — answer each with cccc answer:',
  'next.rules':
    'Hard rules: never edit docs/cccc/state.json by hand; never bypass a pause for secrets, money, production or destructive operations.',
  'hook.continue':
    'Continue the cc-codex-collaborate workflow. Status: {status}. Milestone: {milestone}. Next: {instruction} Command: {command}. Continuation {used}/{max}. Do several workflow steps in this turn (run `cccc next` after each), and stop only at a pause, a Codex gate you cannot run, or DONE.',
  'next.header': 'Status: {status}',
  'next.header.milestone': '  Milestone: {milestone} {title}',
  'next.run': 'Run: {command}',
  'next.recommended': ' (recommended)',
  'next.detail.goal': 'goal: {text}',
  'next.detail.acceptance': 'acceptance: {text}',
  'next.detail.test': 'test: {text}',
  'next.detail.file': 'file: {text}',
} as const;

/** Simplified Chinese for {@link EN_WORKFLOW}. */
export const ZH_WORKFLOW: Record<keyof typeof EN_WORKFLOW, string> = {
  'next.setup': '当前没有运行中的任务。用下面的命令开始一个任务。',
  'next.discover': '调研现有项目（阅读代码、测试、配置；不要编写业务代码），并填写调研文档。完成后删除每个文件中的 `cccc:template` 行。尚未填写：{docs}。',
  'next.discover.done': '调研文档已全部填写。请提交调研。',
  'next.plan':
    '编写 docs/cccc/project-brief.md、docs/cccc/roadmap.md 和 docs/cccc/milestones.yaml（小粒度 milestone，每个都有验收标准、预期文件、必需测试、风险）。然后质疑你自己的计划（范围、隐藏假设、缺失测试、不安全步骤、过大的 milestone），并把自审 JSON {"verdict":"ok|revise_plan|ask_human|read_more_project","summary":"…","concerns":[],"questions":[]} 写入文件。',
  'next.revise': 'Codex 否决了计划（第 {round}/{max} 轮）。修改规划文档和 milestones.yaml，逐条解决下面的发现，重新自审后再次提交。',
  'next.review.plan': '运行 Codex 对抗式计划审查门。',
  'next.review.milestone': '运行 Codex 对 milestone {milestone} 的审查（第 {round}/{max} 轮）。',
  'next.review.final': '运行 Codex 对整体变更的最终审查门。',
  'next.implement': '实现 milestone {milestone}：{title}。不要超出范围，满足每条验收标准，运行必需的测试，然后自审（把自审 JSON 写入文件）并提交。',
  'next.fix': 'Codex 发现了问题（第 {attempt}/{max} 次修复）。修复下面所有阻塞性发现，重新运行测试，自审后提交修复。',
  'next.done': '任务已完成：每个 milestone 和最终审查门都通过了 Codex 审查。准备好后可以开始新任务。',
  'next.paused': '已暂停（{status}）：{reason} 需要人工决定。允许的操作：{allowed}。',
  'next.paused.questions': '待回答的问题 —— 用 cccc answer 逐一回答：',
  'next.rules': '硬性规则：不要手动编辑 docs/cccc/state.json；不要为了继续而绕过涉及密钥、资金、生产环境或破坏性操作的暂停。',
  'hook.continue':
    '继续 cc-codex-collaborate 工作流。状态：{status}。Milestone：{milestone}。下一步：{instruction} 命令：{command}。续跑 {used}/{max}。在本轮中连续执行多个工作流步骤（每步之后运行 `cccc next`），只在暂停、无法运行的 Codex 审查门或 DONE 时停止。',
  'next.header': '状态：{status}',
  'next.header.milestone': '  Milestone：{milestone} {title}',
  'next.run': '运行：{command}',
  'next.recommended': '（推荐）',
  'next.detail.goal': '目标：{text}',
  'next.detail.acceptance': '验收：{text}',
  'next.detail.test': '测试：{text}',
  'next.detail.file': '文件：{text}',
};

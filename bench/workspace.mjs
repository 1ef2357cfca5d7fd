/**
 * Benchmark workspaces made with the built CLI, as a user's would be: `setup --yes`, `start`, filled discovery
 * and planning docs, `milestones.yaml`, `submit plan` with a self-review given on stdin. Used by
 * bench/concurrency.mjs (a plan self-review that asks the human → PAUSED_FOR_HUMAN with question Q1) and
 * bench/cache.mjs (an ok self-review → CODEX_ADVERSARIAL_PLAN_REVIEW).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cccc } from './lib.mjs';

const DISCOVERY = ['project-map.md', 'current-state.md', 'architecture.md', 'test-strategy.md', 'risk-register.md', 'open-questions.md'];
const PLANNING = ['project-brief.md', 'roadmap.md'];
const MILESTONES = `- id: M001
  title: Add a farewell
  goal: farewell(name) says goodbye.
  scope: [src/]
  out_of_scope: [packaging]
  acceptance_criteria: ["farewell('Ada') returns 'Goodbye, Ada!'"]
  expected_files: [src/farewell.js]
  required_tests: [node --test]
  risk: low
  depends_on: []
`;

function write(root, rel, text) {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  writeFileSync(path.join(root, rel), text);
}

/** Walk `root` (a git repository) to the plan submission with `selfReview`; `env` is passed to every run. */
export function walkToPlanSubmitted(root, selfReview, env) {
  cccc(root, ['setup', '--yes'], { env });
  cccc(root, ['start', 'Add a farewell next to the greeting'], { env });
  for (const doc of DISCOVERY) write(root, `docs/cccc/${doc}`, `# ${doc}\n\nA benchmark repository with one README.\n`);
  cccc(root, ['submit', 'discovery'], { env });
  for (const doc of PLANNING) write(root, `docs/cccc/${doc}`, `# ${doc}\n\nAdd farewell(name), one milestone.\n`);
  write(root, 'docs/cccc/milestones.yaml', MILESTONES);
  cccc(root, ['submit', 'plan', '--self-review', '-'], { env, input: JSON.stringify(selfReview) });
}

/** A self-review. `ask` adds question Q1 and the verdict ask_human. */
export function selfReview(ask = false) {
  const questions = ask ? [{ id: 'Q1', question: 'Which greeting style?', options: [{ id: 'A', label: 'Formal' }, { id: 'B', label: 'Casual' }], recommended: 'A' }] : [];
  return { verdict: ask ? 'ask_human' : 'ok', summary: 'benchmark self-review', concerns: [], questions };
}

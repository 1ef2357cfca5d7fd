/**
 * Driving a workflow through the command functions (no build needed) for the review-policy tests (issue #6): a
 * temp git repository with a config (edited per test) whose `codex.cli_command` is the fake codex, the docs and
 * milestones Claude would write, and deps carrying the fake's environment. `calls()` lists what the fake was sent.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { DISCOVERY_DOCS, PLANNING_DOCS } from '../../machines/guards.js';
import type { Milestone, SelfReview } from '../../machines/types.js';
import { runStart } from '../../src/commands/start.js';
import { runSubmit } from '../../src/commands/submit.js';
import type { CcccConfig } from '../../src/config/schema.js';
import type { ReviewDeps } from '../../src/review/run-review.js';
import type { WorkspacePaths } from '../../src/workspace/paths.js';
import { FAKE_CODEX_BIN, fakeCodexCalls, fakeCodexEnv, type FakeCodexCall } from './fake-codex.js';
import { milestone as baseMilestone } from './events.js';
import { git, tempDir, tempWorkspace } from './tmp.js';

/** A workspace under test. */
export interface PolicyRun {
  paths: WorkspacePaths;
  root: string;
  /** Deps for command functions; `scenario` picks the fake codex's answer (one, or one per call). */
  deps(scenario?: string | string[]): ReviewDeps;
  /** The calls the fake codex recorded so far (across every `deps()`). */
  calls(): FakeCodexCall[];
  /** Log lines the commands wrote (stderr in the CLI). */
  logs: string[];
  /** Write a file under the repository root. */
  write(file: string, text: string): void;
  /** A self-review file. */
  selfReview(over?: Partial<SelfReview>): string;
}

/** A milestone with a real file to write. */
export function milestone(id: string, risk: Milestone['risk'] = 'low', over: Partial<Milestone> = {}): Milestone {
  return { ...baseMilestone(id, risk), expected_files: [`src/${id}.js`], ...over };
}

/** A temp repository with one commit and a config (recommended, then `edit`) using the fake codex. */
export function policyRun(edit: (c: CcccConfig) => void = () => undefined): PolicyRun {
  const paths = tempWorkspace((c) => {
    c.codex.cli_command = FAKE_CODEX_BIN;
    edit(c);
  });
  const root = paths.root;
  const recordDir = path.join(tempDir('cccc-fake-calls-'), 'calls');
  const logs: string[] = [];
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  write('src/index.js', 'export const hello = () => "hello";\n');
  write('.gitignore', 'docs/cccc/logs/\ndocs/cccc/runtime/\n');
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'initial');
  let n = 0;
  return {
    paths,
    root,
    logs,
    write,
    calls: () => fakeCodexCalls(recordDir),
    deps: (scenario = 'pass') => ({ cwd: root, now: () => new Date(), log: (l) => logs.push(l), env: fakeCodexEnv(recordDir, scenario) }),
    selfReview: (over = {}) => {
      const file = path.join(tempDir('cccc-self-review-'), `self-review-${n++}.json`);
      const review: SelfReview = { verdict: 'ok', summary: 'Checked against the acceptance criteria.', concerns: [], questions: [], ...over };
      writeFileSync(file, JSON.stringify(review));
      return file;
    },
  };
}

const noStdin = async () => '';

/** Start a task, fill discovery and planning docs, write `milestones` and submit the plan: the plan gate is next. */
export async function toPlanReview(run: PolicyRun, milestones: Milestone[]): Promise<void> {
  const deps = run.deps();
  await runStart('add a farewell next to the greeting', deps);
  for (const doc of DISCOVERY_DOCS) run.write(`docs/cccc/${doc}`, `# ${doc}\n\nsrc/index.js exports hello.\n`);
  await runSubmit({ step: 'discovery', readStdin: noStdin }, deps);
  for (const doc of PLANNING_DOCS) run.write(`docs/cccc/${doc}`, `# ${doc}\n\nAdd one module per milestone.\n`);
  run.write('docs/cccc/milestones.yaml', stringify(milestones));
  await runSubmit({ step: 'plan', selfReview: run.selfReview(), readStdin: noStdin }, deps);
}

/** Write milestone `id`'s code and submit it. */
export async function implementAndSubmit(run: PolicyRun, id: string, over: Partial<SelfReview> = {}) {
  run.write(`src/${id}.js`, `export function ${id.toLowerCase()}() {\n  return '${id}';\n}\n`);
  return runSubmit({ step: 'milestone', selfReview: run.selfReview(over), readStdin: noStdin }, run.deps());
}

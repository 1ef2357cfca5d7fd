/**
 * `cccc demo` (issue #7): the zero-setup first run. Creates a throwaway git repository holding a tiny real
 * program, runs setup, and drives the whole machine in-process through the same `run*` functions the CLI calls —
 * discovery docs, plan, Codex plan gate, two milestones with one fix round, final gate, DONE — with the offline
 * simulated reviewer (simulated-codex.ts) as `codex.cli_command`. This module plays Claude (it writes the docs,
 * `milestones.yaml`, the code, the fix and the self-reviews); everything it and the reviewer write is labelled
 * SIMULATION. The repository is kept so the user can look at it (`cccc status`, `cccc trace` inside it).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { quote } from 'shell-quote';
import { stringify } from 'yaml';
import type { SelfReview } from '../../machines/types.js';
import { loadConfig } from '../config/load.js';
import { RefusedError } from '../errors.js';
import { runGates, type GatesResult } from '../commands/gates.js';
import { runSetup } from '../commands/setup.js';
import { runStart } from '../commands/start.js';
import { runSubmit } from '../commands/submit.js';
import { runTrace } from '../commands/trace.js';
import { runTraceVerify } from '../commands/trace-verify.js';
import type { CommandDeps } from '../commands/workspace.js';
import { runReview, type ReviewResult } from '../review/run-review.js';
import { writeConfig } from '../setup/config-file.js';
import type { VerifyReport } from '../state/verify.js';
import { workspacePaths } from '../workspace/paths.js';
import { DEMO_MARKER_FILE, demoMarkerText, newDemoToken, SIMULATION_LABEL } from './marker.js';
import * as project from './project.js';

/** Options of {@link runDemo}. */
export interface DemoOptions {
  /** Where to create the repository (relative to `deps.cwd`): must not exist or be an empty directory. Default: a new dir under os.tmpdir(). */
  dir?: string;
}

/** One review the demo ran, as the machine recorded it. */
export interface DemoReview {
  gate: string;
  milestone: string | null;
  round: number;
  verdict: string;
  passed: boolean;
  summary: string;
  to: string;
}

/** The `cccc demo --json` document. */
export interface DemoResult {
  /** Always true: the reviewer was the offline simulation, never Codex. */
  simulation: true;
  notice: string;
  /** Absolute path of the demo repository (kept). */
  root: string;
  status: string;
  revision: number;
  reviews: DemoReview[];
  gates: GatesResult;
  trace: Awaited<ReturnType<typeof runTrace>>;
  verify: VerifyReport;
}

/** The simulated reviewer's compiled file (next to this module in dist/src/demo/). */
export function simulatedCodexPath(): string {
  return fileURLToPath(new URL('./simulated-codex.js', import.meta.url));
}

/** The `codex.cli_command` of a demo repository: this node, the simulated reviewer and the repository's token. */
export function simulatedCodexCommand(token: string): string {
  return quote([process.execPath, simulatedCodexPath(), '--demo-token', token]);
}

/**
 * Run the demo. Progress goes to `deps.log`. Throws {@link RefusedError} `DEMO_DIR_NOT_EMPTY` when `dir` holds
 * files; any command error (a bug, since the demo scripts every step) propagates with the repository left for
 * inspection.
 */
export async function runDemo(options: DemoOptions, deps: CommandDeps): Promise<DemoResult> {
  const root = prepareDirectory(options.dir, deps.cwd);
  // The Codex adapter's progress lines say "codex:"; here they come from the simulation, so they say so.
  const cmd: CommandDeps = { ...deps, cwd: root, log: (line) => deps.log(line.replace(/^codex:/, `codex ${SIMULATION_LABEL}:`)) };
  const steps = 13;
  let step = 0;
  const say = (text: string) => deps.log(`[demo ${++step}/${steps}] ${text}`);
  const reviews: DemoReview[] = [];
  const review = async (what: string, expected: string) => {
    say(`${what}: \`cccc review\` with the SIMULATED reviewer`);
    const r: ReviewResult = await runReview(cmd);
    reviews.push({ gate: r.gate, milestone: r.milestone, round: r.round, verdict: r.verdict, passed: r.passed, summary: r.summary, to: r.to });
    deps.log(`         ${r.gate}${r.milestone ? ` ${r.milestone}` : ''} round ${r.round}: ${r.verdict} → ${r.to}`);
    // The script below depends on each step landing where it should; say so plainly if one did not.
    if (r.to !== expected) throw new Error(`cccc demo: ${what} went to ${r.to}, expected ${expected} (verdict ${r.verdict}: ${r.summary}). The repository is kept at ${root}.`);
  };
  const submit = async (stepName: string, selfReview?: SelfReview) => {
    const text = selfReview ? JSON.stringify(selfReview) : '';
    await runSubmit({ step: stepName, ...(selfReview ? { selfReview: '-' } : {}), readStdin: async () => text }, cmd);
  };

  say(`creating a throwaway git repository with a tiny program: ${root}`);
  const token = newDemoToken();
  createRepository(root, token, deps.now());
  say('`cccc setup --yes`, then codex.cli_command → the simulated reviewer (this repository only)');
  await runSetup({ yes: true, preset: 'recommended', language: 'en' }, { cwd: root, now: deps.now, stdout: { isTTY: false } });
  await useSimulatedReviewer(root, token);
  say(`\`cccc start "${project.DEMO_TASK}"\``);
  await runStart(project.DEMO_TASK, cmd);
  say('Claude (simulated) writes the discovery docs; `cccc submit discovery`');
  writeFiles(root, project.discoveryDocs());
  await submit('discovery');
  say('Claude (simulated) writes project-brief, roadmap and milestones.yaml (M001, M002); `cccc submit plan`');
  writeFiles(root, { ...project.planningDocs(), 'docs/cccc/milestones.yaml': stringify(project.DEMO_MILESTONES) });
  await submit('plan', project.demoSelfReview('the plan has two small milestones, each with acceptance criteria and a test.'));
  await review('Codex plan gate', 'IMPLEMENT_MILESTONE');
  say('M001: Claude (simulated) adds farewell(name) and its test — without trimming the name; `cccc submit milestone`');
  writeFiles(root, project.M001_FIRST_TRY);
  await submit('milestone', project.demoSelfReview('M001 is submitted with a deliberate bug (farewell does not trim) so the fix round is visible.'));
  await review('M001 milestone gate', 'CLAUDE_FIX');
  say('M001 fix round: Claude (simulated) trims the name; `cccc submit fix`');
  writeFiles(root, project.M001_FIX);
  await submit('fix', project.demoSelfReview('farewell now trims the name; node --test passes.'));
  await review('M001 milestone gate, round 2', 'IMPLEMENT_MILESTONE');
  say('M002: Claude (simulated) adds shout(name) and its test; `cccc submit milestone`');
  writeFiles(root, project.M002_CHANGE);
  await submit('milestone', project.demoSelfReview('shout(name) upper-cases the name; node --test passes.'));
  await review('M002 milestone gate', 'CODEX_FINAL_REVIEW');
  await review('Codex final gate', 'DONE');

  const gates = await runGates(cmd);
  const trace = await runTrace({ limit: 0 }, cmd);
  const verify = await runTraceVerify(cmd);
  return {
    simulation: true,
    notice: `${SIMULATION_LABEL} Every Codex verdict in this run came from cccc's built-in offline simulated reviewer, not from Codex. It refuses to run outside a repository created by \`cccc demo\`.`,
    root,
    status: gates.status,
    revision: verify.state.revision ?? -1,
    reviews,
    gates,
    trace,
    verify,
  };
}

function prepareDirectory(dir: string | undefined, cwd: string): string {
  if (dir === undefined) return mkdtempSync(path.join(os.tmpdir(), 'cccc-demo-'));
  const root = path.resolve(cwd, dir);
  mkdirSync(root, { recursive: true });
  if (readdirSync(root).length > 0) {
    throw new RefusedError('DEMO_DIR_NOT_EMPTY', `${root} is not empty; the demo creates a new repository and never writes into an existing one.`, 'Pass a new or empty directory to --dir, or omit --dir to use a temporary one.', { dir: root });
  }
  return root;
}

/** `git init`, the program, the marker, one commit (a repository-local identity, so no global git config is needed). */
function createRepository(root: string, token: string, now: Date): void {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  git('init', '-q');
  git('config', 'user.name', 'cccc demo (simulation)');
  git('config', 'user.email', 'demo@cccc.invalid');
  git('config', 'commit.gpgsign', 'false');
  writeFiles(root, { ...project.DEMO_PROGRAM, [DEMO_MARKER_FILE]: demoMarkerText(token, now.toISOString()) });
  git('add', '-A');
  git('commit', '-q', '-m', 'cccc demo: greet(name) [SIMULATION repository]');
}

async function useSimulatedReviewer(root: string, token: string): Promise<void> {
  const paths = workspacePaths(root);
  const config = await loadConfig(paths);
  await writeConfig(paths, { ...config, codex: { ...config.codex, cli_command: simulatedCodexCommand(token) } });
}

function writeFiles(root: string, files: project.RepoFiles): void {
  for (const [file, content] of Object.entries(files)) {
    const abs = path.join(root, file);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
}

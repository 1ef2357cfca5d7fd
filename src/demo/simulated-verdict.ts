/**
 * What the simulated reviewer of `cccc demo` answers (pure). It is deterministic and honest about what it is:
 * it approves a plan that has acceptance criteria, and judges a milestone or the final gate by ONE real fact —
 * whether the demo repository's own tests (`node --test`) pass — turning each failing test into a P1 finding.
 * Every summary and every finding field starts with {@link SIMULATION_LABEL}.
 *
 * The verdict shapes are the strict schemas of src/verdicts/schemas.ts (all fields present; the reviewer is a
 * separate process, so it builds the JSON without zod; the demo test validates its output with the schemas).
 */
import path from 'node:path';
import { SIMULATION_LABEL } from './marker.js';

/** The three gates, told apart by the `--output-schema` file's `status` enum. */
export type SimulatedGate = 'plan' | 'milestone' | 'final';

/** The result of running the repository's tests. */
export interface DemoTestRun {
  /** The command as shown to the user, e.g. `node --test`. */
  command: string;
  passed: boolean;
  /** Failing tests (empty when passed): name, and the repo-relative test file when known. */
  failing: FailingTest[];
  /** The last lines of the test output (for the artifact). */
  outputTail: string;
}

/** One failing test. */
export interface FailingTest {
  name: string;
  file: string | null;
}

/** The gate of a `--output-schema` document: `approved` → plan, `sensitive_operation` → milestone, else final. */
export function gateOfSchema(schema: unknown): SimulatedGate {
  const statuses = (schema as { properties?: { status?: { enum?: unknown } } } | null)?.properties?.status?.enum;
  const list = Array.isArray(statuses) ? statuses : [];
  if (list.includes('approved')) return 'plan';
  if (list.includes('sensitive_operation')) return 'milestone';
  return 'final';
}

const S = SIMULATION_LABEL;
const common = { human_questions: [], language: 'en' };

/** The plan verdict: approved when the prompt's plan names acceptance criteria, else rejected_fixable. */
export function simulatedPlanVerdict(prompt: string): Record<string, unknown> {
  if (/acceptance[_ ]criteria/i.test(prompt)) {
    return {
      status: 'approved',
      summary: `${S} The simulated reviewer approves the plan: every milestone states acceptance criteria and a test command. No real Codex model read this plan.`,
      findings: [],
      required_changes: [],
      missing_context: [],
      ...common,
    };
  }
  return {
    status: 'rejected_fixable',
    summary: `${S} The simulated reviewer rejects the plan: it states no acceptance criteria.`,
    findings: [finding('P1', 'the plan has no acceptance criteria', 'The context bundle contains no acceptance_criteria.', 'Give every milestone acceptance criteria.', ['docs/cccc/milestones.yaml'])],
    required_changes: [`${S} Add acceptance criteria to every milestone.`],
    missing_context: [],
    ...common,
  };
}

/** The milestone or final verdict from the test run: pass when the tests pass, else fail_fixable with P1 findings. */
export function simulatedCodeVerdict(gate: 'milestone' | 'final', tests: DemoTestRun): Record<string, unknown> {
  const what = gate === 'milestone' ? 'this milestone' : 'the whole task';
  if (tests.passed) {
    const summary = `${S} The simulated reviewer passes ${what}: \`${tests.command}\` passes in the demo repository. No real Codex model reviewed this code.`;
    return gate === 'milestone'
      ? { status: 'pass', summary, findings: [], fix_plan: [], unmet_acceptance_criteria: [], ...common }
      : { status: 'pass', summary, findings: [], required_changes: [], residual_risks: [`${S} Only the demo's own tests were run; nothing else was reviewed.`], ...common };
  }
  const failing = tests.failing.length > 0 ? tests.failing : [{ name: '(a test file failed to run)', file: null }];
  const names = failing.map((t) => t.name);
  const findings = failing.map(({ name, file }) =>
    finding('P1', `failing test: ${name}`, `\`${tests.command}\` reports "not ok - ${name}".`, `Change the code so that "${name}" passes.`, file === null ? [] : [file]),
  );
  const fixes = names.map((name) => `${S} Make "${name}" pass.`);
  const summary = `${S} The simulated reviewer fails ${what}: ${names.length} test(s) fail under \`${tests.command}\`.`;
  return gate === 'milestone'
    ? { status: 'fail_fixable', summary, findings, fix_plan: fixes, unmet_acceptance_criteria: names.map((n) => `${S} ${n}`), ...common }
    : { status: 'fail_fixable', summary, findings, required_changes: fixes, residual_risks: [], ...common };
}

function finding(severity: string, title: string, evidence: string, recommendation: string, files: string[]): Record<string, unknown> {
  return { severity, title: `${S} ${title}`, evidence: `${S} ${evidence}`, recommendation: `${S} ${recommendation}`, files };
}

/**
 * Failing tests in `node --test` TAP output (`not ok N - name`, at any depth). The file is the test's YAML
 * `location: '<path>:<line>:<col>'` (Node 20+), else the enclosing top-level `# Subtest: <path>` (file-level
 * wrappers); a file-level wrapper that only repeats failures already listed for its file is dropped.
 */
export function failingTests(tap: string, root: string): FailingTest[] {
  const found: FailingTest[] = [];
  let wrapperFile: string | null = null;
  let last: FailingTest | null = null;
  for (const line of tap.split('\n')) {
    const subtest = /^# Subtest: (.+)$/.exec(line);
    if (subtest) wrapperFile = path.isAbsolute(subtest[1]!.trim()) ? relativeTo(root, subtest[1]!.trim()) : wrapperFile;
    const location = /^\s+location: '(.+):\d+:\d+'\s*$/.exec(line);
    if (location && last !== null) last.file = relativeTo(root, location[1]!);
    if (/^\s*ok \d+ /.test(line)) last = null;
    const match = /^\s*not ok \d+ - (.+?)\s*(#.*)?$/.exec(line);
    if (!match) continue;
    const name = path.isAbsolute(match[1]!) ? relativeTo(root, match[1]!) : match[1]!;
    last = { name, file: path.isAbsolute(match[1]!) ? name : wrapperFile };
    found.push(last);
  }
  const unique = found.filter((t, i) => found.findIndex((u) => u.name === t.name && u.file === t.file) === i);
  return unique.filter((t) => !(t.name === t.file && unique.some((u) => u !== t && u.file === t.file)));
}

/** `file` relative to `root` with forward slashes when it is an absolute path inside `root`; else as given. */
function relativeTo(root: string, file: string): string {
  if (!path.isAbsolute(file)) return file;
  const rel = path.relative(root, file);
  return rel.startsWith('..') || path.isAbsolute(rel) ? file : rel.split(path.sep).join('/');
}

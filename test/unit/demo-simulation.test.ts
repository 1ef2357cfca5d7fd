/**
 * The pure parts of `cccc demo`'s simulated reviewer (issue #7): the gate read from the real `--output-schema`
 * documents, verdicts valid for the strict verdict schemas and labelled SIMULATION in every prose field, failing
 * tests read from `node --test` TAP output, and the marker/token refusal table.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GateName } from '../../machines/types.js';
import { DEMO_MARKER_FILE, demoMarkerText, demoRefusal, findDemoRoot, newDemoToken, readDemoMarker, SIMULATION_LABEL } from '../../src/demo/marker.js';
import { DEMO_MILESTONES, demoSelfReview, discoveryDocs, planningDocs } from '../../src/demo/project.js';
import { failingTests, gateOfSchema, simulatedCodeVerdict, simulatedPlanVerdict, type DemoTestRun } from '../../src/demo/simulated-verdict.js';
import { verdictJsonSchema } from '../../src/verdicts/json-schema.js';
import { VERDICT_SCHEMAS } from '../../src/verdicts/schemas.js';
import { tempDir } from '../helpers/tmp.js';

/** Every string a human reads in a verdict: summary, finding fields, fixes, criteria, risks. */
function proseOf(verdict: Record<string, any>): string[] {
  const findings = (verdict.findings as any[]).flatMap((f) => [f.title, f.evidence, f.recommendation]);
  const lists = ['required_changes', 'fix_plan', 'unmet_acceptance_criteria', 'residual_risks'].flatMap((k) => (verdict[k] as string[] | undefined) ?? []);
  return [verdict.summary, ...findings, ...lists];
}

const passing: DemoTestRun = { command: 'node --test', passed: true, failing: [], outputTail: '' };
const failing: DemoTestRun = { command: 'node --test', passed: false, failing: [{ name: 'farewell trims the name', file: 'test/farewell.test.js' }], outputTail: 'not ok' };

describe('simulated verdicts', () => {
  it.each(['plan', 'milestone', 'final'] as GateName[])('reads the %s gate from its real --output-schema document', (gate) => {
    expect(gateOfSchema(verdictJsonSchema(gate))).toBe(gate);
  });

  const cases: { name: string; gate: GateName; verdict: Record<string, unknown>; status: string }[] = [
    { name: 'plan with acceptance criteria', gate: 'plan', verdict: simulatedPlanVerdict('milestones: acceptance_criteria: [x]'), status: 'approved' },
    { name: 'plan without acceptance criteria', gate: 'plan', verdict: simulatedPlanVerdict('just do it'), status: 'rejected_fixable' },
    { name: 'milestone, tests pass', gate: 'milestone', verdict: simulatedCodeVerdict('milestone', passing), status: 'pass' },
    { name: 'milestone, a test fails', gate: 'milestone', verdict: simulatedCodeVerdict('milestone', failing), status: 'fail_fixable' },
    { name: 'final, tests pass', gate: 'final', verdict: simulatedCodeVerdict('final', passing), status: 'pass' },
    { name: 'final, a test fails', gate: 'final', verdict: simulatedCodeVerdict('final', failing), status: 'fail_fixable' },
  ];
  it.each(cases)('$name → $status, schema-valid, every prose field labelled', ({ gate, verdict, status }) => {
    expect(VERDICT_SCHEMAS[gate].parse(verdict)).toMatchObject({ status });
    for (const text of proseOf(verdict as Record<string, any>)) expect(text.startsWith(SIMULATION_LABEL), text).toBe(true);
  });

  it('a failing test becomes a P1 finding naming the test and its file', () => {
    const verdict = simulatedCodeVerdict('milestone', failing) as any;
    expect(verdict.findings).toEqual([expect.objectContaining({ severity: 'P1', title: `${SIMULATION_LABEL} failing test: farewell trims the name`, files: ['test/farewell.test.js'] })]);
  });
});

describe('failingTests (node --test TAP)', () => {
  const root = '/tmp/demo';
  const tap = [
    'TAP version 13',
    '# Subtest: /tmp/demo/test/farewell.test.js',
    "    # Subtest: farewell('Ada') says goodbye",
    "    ok 1 - farewell('Ada') says goodbye",
    '    # Subtest: farewell trims the name',
    '    not ok 2 - farewell trims the name',
    '      ---',
    '      ...',
    'not ok 1 - /tmp/demo/test/farewell.test.js',
    '# Subtest: /tmp/demo/test/greet.test.js',
    'ok 2 - /tmp/demo/test/greet.test.js',
  ].join('\n');
  it('Node 20 flat output: the file comes from the YAML location', () => {
    const flat = [
      'TAP version 13',
      "# Subtest: farewell('Ada') says goodbye",
      "ok 1 - farewell('Ada') says goodbye",
      '# Subtest: farewell trims the name',
      'not ok 2 - farewell trims the name',
      '  ---',
      "  location: '/tmp/demo/test/farewell.test.js:9:1'",
      "  failureType: 'testCodeFailure'",
      '  ...',
      '# Subtest: greet',
      'ok 3 - greet',
    ].join('\n');
    expect(failingTests(flat, root)).toEqual([{ name: 'farewell trims the name', file: 'test/farewell.test.js' }]);
  });
  it('nested output: the file of the top-level subtest, its wrapper dropped', () => {
    expect(failingTests(tap, root)).toEqual([{ name: 'farewell trims the name', file: 'test/farewell.test.js' }]);
  });
  it('falls back to top-level failures (a file that did not load)', () => {
    expect(failingTests('# Subtest: /tmp/demo/test/x.test.js\nnot ok 1 - /tmp/demo/test/x.test.js\n', root)).toEqual([{ name: 'test/x.test.js', file: 'test/x.test.js' }]);
  });
  it('is empty for a passing run', () => {
    expect(failingTests('ok 1 - a\nok 2 - b\n', root)).toEqual([]);
  });
});

describe('demo marker', () => {
  it('refuses without a marker, without a token, with another token; answers with the right one', () => {
    const demo = tempDir('cccc-demo-marker-');
    const token = newDemoToken();
    expect(token).toMatch(/^[0-9a-f]{32}$/);
    expect(demoRefusal(null, token)).toMatch(/not a repository created by `cccc demo`/);
    expect(demoRefusal(demo, token)).toMatch(/missing or is not a cccc demo marker/);
    writeFileSync(path.join(demo, DEMO_MARKER_FILE), demoMarkerText(token, '2026-01-01T00:00:00.000Z'));
    expect(readDemoMarker(demo)).toMatchObject({ kind: 'cccc-demo', token });
    expect(findDemoRoot(path.join(demo, 'src', 'deep'))).toBe(demo);
    expect(demoRefusal(demo, null)).toMatch(/no --demo-token/);
    expect(demoRefusal(demo, newDemoToken())).toMatch(/does not match/);
    expect(demoRefusal(demo, token)).toBeNull();
  });
  it('a marker that is not ours is no marker', () => {
    const dir = tempDir('cccc-demo-marker-');
    writeFileSync(path.join(dir, DEMO_MARKER_FILE), JSON.stringify({ kind: 'something-else', token: newDemoToken() }));
    expect(readDemoMarker(dir)).toBeNull();
  });
});

describe("the demo's scripted Claude work", () => {
  it('labels every doc and self-review as a simulation', () => {
    for (const [file, text] of Object.entries({ ...discoveryDocs(), ...planningDocs() })) expect(text, file).toContain(SIMULATION_LABEL);
    expect(demoSelfReview('x').summary.startsWith(SIMULATION_LABEL)).toBe(true);
  });
  it('plans two milestones, the second depending on the first', () => {
    expect(DEMO_MILESTONES.map((m) => [m.id, m.depends_on])).toEqual([['M001', []], ['M002', ['M001']]]);
  });
});

/**
 * Issue #2 "Done when", tried as a new user would: in a fresh temp git repository holding a tiny real program,
 * the BUILT `cccc` walks setup → start → `next` says which docs to write → `submit discovery` refused while a
 * doc is still the template and accepted after → plan with an `ok` self-review reaches
 * CODEX_ADVERSARIAL_PLAN_REVIEW; `status --json` and `trace --json` show it all. Also: a step that is not the
 * current one is refused (exit 3), a corrupt state.json is a clear error (exit 4) and left byte-identical, and
 * every `--json` error is exactly one JSON document on stdout.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DISCOVERY_DOCS } from '../../machines/guards.js';
import { cliIn, fillDiscoveryDocs, fillDoc, fillPlanningDocs, milestone, newUserRepo, walkToPlanReview, writeMilestones, writeSelfReview } from '../helpers/cli.js';

const TASK = 'Add a farewell next to the greeting';

describe('a new user walks the workflow to the Codex plan gate (built CLI)', () => {
  it('setup → start → next → discovery refused then accepted → plan → CODEX_ADVERSARIAL_PLAN_REVIEW, with status and trace', async () => {
    const root = newUserRepo();
    const cccc = cliIn(root);

    const setup = await cccc(['setup', '--yes']);
    expect(setup.exitCode, setup.stderr).toBe(0);
    for (const doc of DISCOVERY_DOCS) expect(readFileSync(path.join(root, 'docs/cccc', doc), 'utf8')).toContain('cccc:template');
    expect((await cccc(['status', '--json'])).json()).toMatchObject({ status: 'SETUP_COMPLETE', milestone: null, revision: 0, task: null });

    const start = await cccc(['start', TASK]);
    expect(start.exitCode, start.stderr).toBe(0);

    // `next` names every discovery doc still to write, and the command that hands them in.
    const next = await cccc(['next', '--json']);
    expect(next.exitCode).toBe(0);
    const step = next.json();
    expect(step).toMatchObject({ status: 'DISCOVER_EXISTING_PROJECT', milestone: null, command: 'cccc submit discovery', task: TASK });
    for (const doc of DISCOVERY_DOCS) expect(step.instruction).toContain(`docs/cccc/${doc}`);

    // All but one doc written: refused, naming only the one still the template.
    const [lastDoc] = DISCOVERY_DOCS.slice(-1) as [string];
    fillDiscoveryDocs(root, DISCOVERY_DOCS.slice(0, -1));
    const refused = await cccc(['submit', 'discovery']);
    expect(refused.exitCode).toBe(3);
    expect(refused.stderr).toContain(`docs/cccc/${lastDoc} (template)`);
    for (const doc of DISCOVERY_DOCS.slice(0, -1)) expect(refused.stderr).not.toContain(`docs/cccc/${doc}`);
    const refusedJson = await cccc(['submit', 'discovery', '--json']);
    expect(refusedJson.exitCode).toBe(3);
    expect(refusedJson.json()).toMatchObject({ error: { code: 'DISCOVERY_INCOMPLETE', details: { docs: { [lastDoc]: 'template' } } } });
    const nextAgain = (await cccc(['next', '--json'])).json();
    expect(nextAgain.details).toEqual([`docs/cccc/${lastDoc}`]);

    fillDoc(root, lastDoc, 'No open questions: the task and the code leave nothing to decide.');
    const accepted = await cccc(['submit', 'discovery', '--json']);
    expect(accepted.exitCode, accepted.stderr).toBe(0);
    expect(accepted.json()).toMatchObject({ step: 'discovery', from: 'DISCOVER_EXISTING_PROJECT', status: 'CLAUDE_PLANNING_REVIEW' });

    // A step that is not the current one is refused with exit 3 and changes nothing.
    const wrongStep = await cccc(['submit', 'milestone', '--self-review', writeSelfReview(), '--json']);
    expect(wrongStep.exitCode).toBe(3);
    expect(wrongStep.json()).toMatchObject({ error: { code: 'NOT_CURRENT_STEP', details: { status: 'CLAUDE_PLANNING_REVIEW', step: 'milestone' } } });

    // The plan is refused while milestones.yaml is still the template…
    fillPlanningDocs(root);
    const templatePlan = await cccc(['submit', 'plan', '--self-review', writeSelfReview(), '--json']);
    expect(templatePlan.exitCode).toBe(3);
    expect(templatePlan.json().error.code).toBe('PLAN_INVALID');
    expect(templatePlan.json().error.message).toContain('docs/cccc/milestones.yaml');

    // …and an unparseable self-review is invalid input (exit 4) naming the file…
    writeMilestones(root, [milestone('M001'), milestone('M002', { depends_on: ['M001'] })]);
    const badReview = writeSelfReview();
    writeFileSync(badReview, '{"verdict": "great"');
    const invalid = await cccc(['submit', 'plan', '--self-review', badReview, '--json']);
    expect(invalid.exitCode).toBe(4);
    expect(invalid.json().error.code).toBe('SELF_REVIEW_INVALID');
    expect(invalid.json().error.message).toContain(badReview);

    // …and accepted with real milestones and an ok self-review.
    const plan = await cccc(['submit', 'plan', '--self-review', writeSelfReview()]);
    expect(plan.exitCode, plan.stderr).toBe(0);

    const status = await cccc(['status', '--json']);
    expect(status.exitCode).toBe(0);
    expect(status.json()).toMatchObject({ status: 'CODEX_ADVERSARIAL_PLAN_REVIEW', milestone: null, revision: 3, task: TASK });
    expect(status.json().milestones.map((m: { id: string }) => m.id)).toEqual(['M001', 'M002']);
    expect((await cccc(['next', '--json'])).json()).toMatchObject({ status: 'CODEX_ADVERSARIAL_PLAN_REVIEW', command: 'cccc review' });

    // Every transition is in the trace with its actor; refused commands left no entry.
    const trace = await cccc(['trace', '--json', '--limit', '0']);
    expect(trace.exitCode).toBe(0);
    expect(trace.json().events.map((e: any) => [e.revision, e.actor, e.event, e.from, e.to])).toEqual([
      [1, 'cli', 'task.started', 'SETUP_COMPLETE', 'DISCOVER_EXISTING_PROJECT'],
      [2, 'cli', 'discovery.submitted', 'DISCOVER_EXISTING_PROJECT', 'CLAUDE_PLANNING_REVIEW'],
      [3, 'cli', 'plan.submitted', 'CLAUDE_PLANNING_REVIEW', 'CODEX_ADVERSARIAL_PLAN_REVIEW'],
    ]);
    expect(trace.json().events[0].detail).toBe(TASK);

    const verify = await cccc(['trace', '--verify']);
    expect(verify.exitCode, verify.stderr).toBe(0);
  });

  it('a corrupt state.json is a clear error (exit 4, names the file and `cccc repair`) and is left byte-identical', async () => {
    const root = newUserRepo();
    const cccc = cliIn(root);
    await walkToPlanReview(root);
    const stateFile = path.join(root, 'docs/cccc/state.json');
    const good = readFileSync(stateFile);
    const truncated = good.subarray(0, Math.floor(good.length / 2));
    writeFileSync(stateFile, truncated);

    for (const args of [['status'], ['next'], ['submit', 'plan', '--self-review', writeSelfReview()], ['review'], ['start', 'another task']]) {
      const human = await cccc(args);
      expect(human.exitCode, `cccc ${args.join(' ')}`).toBe(4);
      expect(human.stderr).toContain('docs/cccc/state.json');
      expect(human.stderr).toContain('cccc repair');
      expect(human.stdout).toBe('');

      const json = await cccc([...args, '--json']);
      expect(json.exitCode).toBe(4);
      expect(json.json()).toMatchObject({ error: { code: 'STATE_CORRUPT', details: { file: 'docs/cccc/state.json' } } });
      expect(json.json().error.hint).toContain('cccc repair');
      expect(readFileSync(stateFile).equals(truncated), `state.json changed after cccc ${args.join(' ')}`).toBe(true);
    }
  });

  it('--json errors are one JSON document on stdout, whatever the failure', async () => {
    const root = newUserRepo();
    const cccc = cliIn(root);
    // Not set up yet.
    const notSetUp = await cccc(['status', '--json']);
    expect(notSetUp.exitCode).toBe(7);
    expect(notSetUp.json().error.code).toBe('CONFIG_MISSING');

    await walkToPlanReview(root);
    const cases: [string[], number, string][] = [
      [['submit', 'fix', '--self-review', writeSelfReview(), '--json'], 3, 'NOT_CURRENT_STEP'],
      [['submit', 'nonsense', '--json'], 2, 'USAGE'],
      [['resume', '--strategy', 'recommended', '--json'], 3, 'RESUME_REFUSED'],
      [['gates', 'assert', 'plan', '--json'], 8, 'GATE_NOT_PASSED'],
    ];
    for (const [args, exitCode, code] of cases) {
      const r = await cccc(args);
      expect(r.exitCode, `cccc ${args.join(' ')}: ${r.stderr}`).toBe(exitCode);
      const doc = r.json();
      expect(Object.keys(doc)).toEqual(['error']);
      expect(doc.error.code).toBe(code);
      expect(doc.error.message).toMatch(/\S/);
    }
  });
});

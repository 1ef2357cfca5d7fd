/**
 * Issue #6 batching through the BUILT CLI (`node dist/src/bin.js`, run `npm run build` first) with the fake
 * `codex`: in `balanced` mode three low-risk milestones make one batch — M001 and M002 are accepted pending Codex
 * (journaled with their reason, lower assurance, no Codex call), M003 is the phase boundary and its review covers
 * the batch's diff from M001's base; the batch pass resolves all three; `budget --json` counts 3 calls for the run.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { DISCOVERY_DOCS, PLANNING_DOCS } from '../../machines/guards.js';
import { milestone, policyRun, type PolicyRun } from '../helpers/policy-run.js';

const BIN = path.resolve(fileURLToPath(new URL('../../dist/src/bin.js', import.meta.url)));

async function cccc(run: PolicyRun, args: string[], scenario = 'pass') {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run \`npm run build\` before integration tests.`);
  const r = await execa(process.execPath, [BIN, ...args], { cwd: run.root, env: run.deps(scenario).env as Record<string, string>, reject: false, stdin: 'ignore' });
  if (r.exitCode !== 0) throw new Error(`cccc ${args.join(' ')} exited ${r.exitCode}:\n${r.stderr}`);
  return { stdout: String(r.stdout), stderr: String(r.stderr), json: () => JSON.parse(String(r.stdout)) };
}

describe('batching by risk, one CLI run', () => {
  it('balanced mode: M001 and M002 batched, M003 reviews the batch, the final gate, 3 Codex calls', async () => {
    const run = policyRun((c) => {
      c.codex_review_policy.mode = 'balanced';
      c.codex_review_policy.batching.enabled = true;
    });
    await cccc(run, ['start', 'three small features']);
    for (const doc of DISCOVERY_DOCS) run.write(`docs/cccc/${doc}`, `# ${doc}\n\nsrc/index.js exports hello.\n`);
    await cccc(run, ['submit', 'discovery']);
    for (const doc of PLANNING_DOCS) run.write(`docs/cccc/${doc}`, `# ${doc}\n\nOne module per milestone.\n`);
    run.write('docs/cccc/milestones.yaml', stringify([milestone('M001'), milestone('M002'), milestone('M003')]));
    await cccc(run, ['submit', 'plan', '--self-review', run.selfReview()]);
    expect((await cccc(run, ['review', '--json'])).json()).toMatchObject({ gate: 'plan', to: 'IMPLEMENT_MILESTONE' });

    const submit = async (id: string) => {
      run.write(`src/${id}.js`, `export const ${id.toLowerCase()} = () => '${id}';\n`);
      return cccc(run, ['submit', 'milestone', '--self-review', run.selfReview(), '--json']);
    };
    const m1 = await submit('M001');
    expect(m1.json()).toMatchObject({ from: 'IMPLEMENT_MILESTONE', status: 'IMPLEMENT_MILESTONE', review: { review: false, covers: ['M001'] } });
    expect(m1.stderr).toMatch(/accepted pending Codex \(batched, lower assurance\): mode balanced: Codex reviews every 3 milestone\(s\) for low risk/);
    const status = (await cccc(run, ['status', '--json'])).json();
    expect(status).toMatchObject({ milestone: 'M002', lowerAssurance: true, batch: { milestones: ['M001'] }, assurance: { level: 'lower' } });
    expect(status.milestones[0]).toMatchObject({ id: 'M001', outcome: 'pending_codex' });
    expect((await cccc(run, ['gates', '--json'])).json().gates.find((g: { milestone: string }) => g.milestone === 'M001')).toMatchObject({ state: 'pending_codex', assurance: 'lower' });

    expect((await submit('M002')).json()).toMatchObject({ status: 'IMPLEMENT_MILESTONE', review: { review: false, covers: ['M001', 'M002'] } });
    expect((await submit('M003')).json()).toMatchObject({ status: 'CODEX_MILESTONE_REVIEW', review: { review: true, reason: expect.stringMatching(/phase boundary/), covers: ['M001', 'M002', 'M003'] } });
    expect(run.calls()).toHaveLength(1);

    const batch = (await cccc(run, ['review', '--json'])).json();
    expect(batch).toMatchObject({ gate: 'milestone', milestone: 'M003', passed: true, to: 'CODEX_FINAL_REVIEW' });
    const prompt = run.calls().at(-1)!.prompt;
    expect(prompt).toMatch(/## Batch review/);
    expect(prompt).toMatch(/M001, M002/);
    for (const id of ['M001', 'M002', 'M003']) expect(prompt).toContain(`src/${id}.js`); // the diff runs from M001's base
    const after = (await cccc(run, ['status', '--json'])).json();
    expect(after.milestones.map((m: { outcome: string }) => m.outcome)).toEqual(['passed', 'passed', 'passed']);
    expect(after).toMatchObject({ lowerAssurance: false, assurance: { level: 'full' }, batch: { milestones: [] } });
    // The batched milestones are proven by the batch review that covered them.
    const gates = (await cccc(run, ['gates', '--json'])).json().gates.filter((g: { gate: string }) => g.gate === 'milestone');
    expect(gates.map((g: { milestone: string; state: string; latest: { milestone: string } }) => [g.milestone, g.state, g.latest.milestone])).toEqual([
      ['M001', 'passed', 'M003'],
      ['M002', 'passed', 'M003'],
      ['M003', 'passed', 'M003'],
    ]);
    await cccc(run, ['gates', 'assert', 'milestone', '--milestone', 'M001']);

    expect((await cccc(run, ['review', '--json'])).json()).toMatchObject({ gate: 'final', to: 'DONE' });
    expect((await cccc(run, ['budget', '--json'])).json()).toMatchObject({ mode: 'balanced', run: { calls: 3 }, phases: { planning: { calls: 1 }, implementation: { calls: 1 }, final: { calls: 1 } } });
    const journal = readFileSync(run.paths.journal, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(journal.filter((e) => e.event.type === 'milestone.submitted').map((e) => e.to)).toEqual(['IMPLEMENT_MILESTONE', 'IMPLEMENT_MILESTONE', 'CODEX_MILESTONE_REVIEW']);
    expect(journal.every((e) => e.event.type !== 'milestone.submitted' || e.event.policy?.mode === 'balanced')).toBe(true);
    await cccc(run, ['trace', '--verify']);
  });
});

/**
 * `cccc demo` through the BUILT CLI (issue #7 "`cccc demo`"): from nothing to DONE — plan gate, M001 failing once
 * and fixed, M002, final gate — every gate passed, every review artifact and verdict labelled SIMULATION (and
 * valid for the strict verdict schemas), `trace --verify` reproducing state.json, the human output showing the
 * gates, the trace and the repository. And the simulated reviewer refuses anything but a demo repository with its
 * token: run directly in a plain repository, with a wrong or missing token, and configured as `codex.cli_command`
 * of a real workspace (the review then fails closed: PAUSED_FOR_CODEX, no gate passed).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GateName } from '../../machines/types.js';
import { formatDemo, type DemoResult } from '../../src/commands/demo.js';
import { DEMO_MARKER_FILE, SIMULATION_LABEL } from '../../src/demo/marker.js';
import { verdictJsonSchema } from '../../src/verdicts/json-schema.js';
import { VERDICT_SCHEMAS } from '../../src/verdicts/schemas.js';
import { cliIn, editConfig, milestone, newUserRepo, REPO_ROOT, runCli, walkToPlanReview } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

const SIMULATED_CODEX = path.join(REPO_ROOT, 'dist', 'src', 'demo', 'simulated-codex.js');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

describe('cccc demo (built CLI)', () => {
  let demo: DemoResult;
  let stderr: string;
  let parent: string;

  // Not tempDir(): that one is removed after each test, and the demo repository is shared by this block's tests.
  beforeAll(async () => {
    parent = mkdtempSync(path.join(os.tmpdir(), 'cccc-demo-parent-'));
    const run = await runCli(['demo', '--dir', path.join(parent, 'repo'), '--json'], { cwd: parent });
    expect(run.exitCode, run.stderr).toBe(0);
    demo = run.json<DemoResult>();
    stderr = run.stderr;
  }, 180_000);
  afterAll(() => rmSync(parent, { recursive: true, force: true }));

  it('ends in DONE with every gate passed, in the order plan → M001 fail → fix → M001 pass → M002 → final', () => {
    expect(demo).toMatchObject({ simulation: true, status: 'DONE', root: path.join(parent, 'repo') });
    expect(demo.notice.startsWith(SIMULATION_LABEL)).toBe(true);
    expect(demo.reviews.map((r) => [r.gate, r.milestone, r.round, r.verdict, r.to])).toEqual([
      ['plan', null, 1, 'approved', 'IMPLEMENT_MILESTONE'],
      ['milestone', 'M001', 1, 'fail_fixable', 'CLAUDE_FIX'],
      ['milestone', 'M001', 2, 'pass', 'IMPLEMENT_MILESTONE'],
      ['milestone', 'M002', 1, 'pass', 'CODEX_FINAL_REVIEW'],
      ['final', null, 1, 'pass', 'DONE'],
    ]);
    expect(demo.gates.gates.map((g) => [g.gate, g.milestone, g.state])).toEqual([
      ['plan', null, 'passed'],
      ['milestone', 'M001', 'passed'],
      ['milestone', 'M002', 'passed'],
      ['final', null, 'passed'],
    ]);
    expect(demo.trace.events.at(-1)).toMatchObject({ event: 'review.verdict', to: 'DONE' });
    expect(demo.verify).toMatchObject({ ok: true, state: { status: 'DONE' } });
  });

  it('labels every review summary, artifact and verdict as a simulation; verdicts are schema-valid', () => {
    for (const review of demo.reviews) expect(review.summary.startsWith(SIMULATION_LABEL), review.summary).toBe(true);
    const reviews = path.join(demo.root, 'docs', 'cccc', 'reviews');
    const files = filesUnder(reviews);
    expect(files.length).toBeGreaterThanOrEqual(demo.reviews.length);
    for (const file of files) expect(readFileSync(file, 'utf8'), file).toContain(SIMULATION_LABEL);
    const artifacts = files.filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(f, 'utf8')));
    expect(artifacts).toHaveLength(5);
    for (const artifact of artifacts) {
      const gate = artifact.gate as GateName;
      expect(VERDICT_SCHEMAS[gate].parse(artifact.verdict).summary.startsWith(SIMULATION_LABEL)).toBe(true);
      for (const finding of artifact.verdict.findings) expect(finding.title.startsWith(SIMULATION_LABEL)).toBe(true);
      expect(artifact.codex.argv).toEqual(expect.arrayContaining(['--sandbox', 'read-only', '--json', '--output-schema', '--output-last-message', '-']));
    }
    const failed = artifacts.find((a) => a.verdict.status === 'fail_fixable');
    expect(failed.verdict.findings).toEqual([expect.objectContaining({ severity: 'P1', files: ['test/farewell.test.js'] })]);
    // The planning docs "Claude" wrote, and the repository's README, say so too.
    for (const doc of ['project-map.md', 'roadmap.md']) expect(readFileSync(path.join(demo.root, 'docs', 'cccc', doc), 'utf8')).toContain(SIMULATION_LABEL);
    expect(readFileSync(path.join(demo.root, 'README.md'), 'utf8')).toContain(SIMULATION_LABEL);
  });

  it('prints progress on stderr, marking the reviewer\'s lines as simulated', () => {
    expect(stderr).toContain('[demo 13/13]');
    expect(stderr).toContain(`codex ${SIMULATION_LABEL}:`);
    expect(stderr).not.toMatch(/^codex:/m);
  });

  it('the human output shows the notice, the gates, the trace, the replay check and where the repository is', () => {
    const text = formatDemo(demo);
    expect(text).toContain(demo.notice);
    expect(text).toContain('$ cccc gates');
    expect(text).toContain('$ cccc trace --limit 0');
    expect(text).toContain('$ cccc trace --verify');
    expect(text).toContain(demo.root);
  });

  it('leaves a repository the CLI can inspect: its program passes its tests, trace --verify passes', async () => {
    const cccc = cliIn(demo.root);
    expect((await cccc(['trace', '--verify'])).exitCode).toBe(0);
    expect((await cccc(['status', '--json'])).json()).toMatchObject({ status: 'DONE' });
    expect((await execa(process.execPath, ['--test'], { cwd: demo.root, reject: false })).exitCode).toBe(0);
  });

  it('refuses a directory that is not empty', async () => {
    const dir = tempDir('cccc-demo-full-');
    writeFileSync(path.join(dir, 'keep.txt'), 'mine\n');
    const run = await runCli(['demo', '--dir', dir, '--json'], { cwd: dir });
    expect(run.exitCode).toBe(3);
    expect(run.json().error.code).toBe('DEMO_DIR_NOT_EMPTY');
    expect(readdirSync(dir)).toEqual(['keep.txt']);
  });
});

describe('the simulated reviewer refuses outside a demo repository', () => {
  /** Run the reviewer as `cccc review` would, in `root`, with `token`. */
  async function review(root: string, token: string | null) {
    const dir = tempDir('cccc-sim-io-');
    const schema = path.join(dir, 'schema.json');
    const out = path.join(dir, 'out.json');
    writeFileSync(schema, JSON.stringify(verdictJsonSchema('plan')));
    const args = [SIMULATED_CODEX, ...(token === null ? [] : ['--demo-token', token])];
    args.push('exec', '--cd', root, '--sandbox', 'read-only', '--skip-git-repo-check', '--json', '--output-schema', schema, '--output-last-message', out, '-');
    const run = await execa(process.execPath, args, { input: 'review the plan: acceptance_criteria', reject: false });
    return { exitCode: run.exitCode, stdout: String(run.stdout), stderr: String(run.stderr), wrote: existsSync(out) };
  }

  function demoLikeRepo(token: string): string {
    const root = newUserRepo();
    writeFileSync(path.join(root, DEMO_MARKER_FILE), JSON.stringify({ kind: 'cccc-demo', token, createdAt: 'x', notice: 'x' }));
    return root;
  }

  const token = 'a'.repeat(32);
  it.each([
    { name: 'a plain repository', root: () => newUserRepo(), token, why: /not a repository created by `cccc demo`/ },
    { name: 'a sub-directory of a demo repository', root: () => { const r = demoLikeRepo(token); mkdirSync(path.join(r, 'sub')); return path.join(r, 'sub'); }, token, why: /not a repository created by `cccc demo`/ },
    { name: 'a demo repository without the token', root: () => demoLikeRepo(token), token: null, why: /no --demo-token/ },
    { name: 'a demo repository with another token', root: () => demoLikeRepo(token), token: 'b'.repeat(32), why: /does not match/ },
  ])('$name → exit 2, nothing written', async ({ root, token: given, why }) => {
    const run = await review(root(), given);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/refusing/);
    expect(run.stderr).toMatch(why);
    expect(run.stdout).toBe('');
    expect(run.wrote).toBe(false);
  });

  it('answers in a demo repository with its token (the control case)', async () => {
    const run = await review(demoLikeRepo(token), token);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.wrote).toBe(true);
  });

  it("copied into a real workspace's codex.cli_command, the review fails closed: PAUSED_FOR_CODEX, no gate passed", async () => {
    const root = newUserRepo();
    await walkToPlanReview(root, [milestone('M001')]);
    const stolen = `${JSON.stringify(process.execPath)} ${JSON.stringify(SIMULATED_CODEX)} --demo-token ${token}`;
    editConfig(root, (c) => {
      c.codex.cli_command = stolen;
    });
    const cccc = cliIn(root);
    const run = await cccc(['review', '--json']);
    expect(run.exitCode).toBe(6);
    expect(run.stderr).toMatch(/refusing/);
    const status = (await cccc(['status', '--json'])).json();
    expect(status).toMatchObject({ status: 'PAUSED_FOR_CODEX', gatesPassed: 0, planApproved: false });
  });
});

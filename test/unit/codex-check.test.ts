/**
 * `cccc codex-check` (issue #5) with the fake codex: a usable Codex changes nothing; an unusable one during an
 * active status records PAUSED_FOR_CODEX with the classified reason (`pause.requested` kind codex outside a
 * review status, `review.failed` in one) and exits 6; outside a run nothing is paused.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatCodexCheck, runCodexCheck, type CodexCheckReport } from '../../src/commands/codex-check.js';
import type { CcccError } from '../../src/errors.js';
import { readJournal } from '../../src/state/journal.js';
import { readState } from '../../src/state/store.js';
import type { WorkspacePaths } from '../../src/workspace/paths.js';
import { fakeCodexEnv } from '../helpers/fake-codex.js';
import { JOURNAL_SCENARIOS, recordScenario } from '../helpers/journal-scenarios.js';
import { git, tempDir, tempWorkspace } from '../helpers/tmp.js';

const NOW = new Date('2026-11-22T09:00:00.000Z');

function workspace(): WorkspacePaths {
  return tempWorkspace((c) => {
    c.language.user_language = 'en';
  });
}

/** Drive the recorded happy run for its first `events` events (3 → CODEX_ADVERSARIAL_PLAN_REVIEW, 4 → IMPLEMENT_MILESTONE). */
async function runTo(paths: WorkspacePaths, events: number): Promise<void> {
  const happy = JOURNAL_SCENARIOS.find((s) => s.name === 'happy-two-milestones-with-fix')!;
  await recordScenario(paths, { ...happy, events: happy.events.slice(0, events) });
}

function deps(paths: { root: string } | string, env: Record<string, string>) {
  return { cwd: typeof paths === 'string' ? paths : paths.root, now: () => NOW, log: () => undefined, env, probeTimeoutMs: 10_000 };
}

const noCodex = () => ({ PATH: tempDir('cccc-empty-path-') });
const fake = (scenario: string) => fakeCodexEnv(path.join(tempDir('cccc-fake-'), 'calls'), scenario);

describe('cccc codex-check', () => {
  it('reports a usable Codex and strict schemas, and changes nothing', async () => {
    const paths = workspace();
    await runTo(paths, 4);
    const state = readFileSync(paths.state, 'utf8');
    const r = await runCodexCheck(deps(paths, fake('pass')));
    expect(r).toMatchObject({ ok: true, command: 'codex', version: '0.169.0-fake', loggedIn: true, reason: null, schemas: { ok: true, problems: [] }, workflow: { status: 'IMPLEMENT_MILESTONE', paused: false } });
    expect(readFileSync(paths.state, 'utf8')).toBe(state);
    expect(formatCodexCheck(r)).toBe(
      [
        'Codex: available — codex-cli 0.169.0-fake (codex)',
        'Login: Logged in using an API key - sk-fake***1234',
        'Verdict schemas: plan, milestone and final are valid in OpenAI strict mode',
      ].join('\n'),
    );
  });

  it('in IMPLEMENT_MILESTONE, a missing codex pauses the workflow for Codex with reason not_installed (exit 6)', async () => {
    const paths = workspace();
    await runTo(paths, 4);
    const error = (await runCodexCheck(deps(paths, noCodex())).catch((e: unknown) => e)) as CcccError;
    expect(error).toMatchObject({ code: 'CODEX_NOT_INSTALLED', exitCode: 6, hint: expect.stringMatching(/npm i -g @openai\/codex.*cccc resume --strategy recommended/) });
    const report = error.details.report as CodexCheckReport;
    expect(report.workflow).toEqual({ status: 'PAUSED_FOR_CODEX', paused: true, from: 'IMPLEMENT_MILESTONE', revision: 5 });
    const state = await readState(paths);
    expect(state.status).toBe('PAUSED_FOR_CODEX');
    expect(state.snapshot.context.pause).toMatchObject({ kind: 'codex', interrupted: 'IMPLEMENT_MILESTONE', code: 'codex:not_installed' });
    const last = (await readJournal(paths.journal)).at(-1)!;
    expect(last).toMatchObject({ actor: 'cli', from: 'IMPLEMENT_MILESTONE', to: 'PAUSED_FOR_CODEX', event: { type: 'pause.requested', kind: 'codex', code: 'codex:not_installed' } });
    expect(formatCodexCheck(report)).toMatch(/^Codex is not usable \(not_installed\): .*\n.*\nThe workflow was paused for Codex: IMPLEMENT_MILESTONE → PAUSED_FOR_CODEX \(revision 5\)\.$/);
  });

  it('in a review status, a logged-out codex fails that gate the way a review would (review.failed)', async () => {
    const paths = workspace();
    await runTo(paths, 3);
    const error = (await runCodexCheck(deps(paths, fake('not_logged_in'))).catch((e: unknown) => e)) as CcccError;
    expect(error).toMatchObject({ code: 'CODEX_NOT_LOGGED_IN', exitCode: 6 });
    const state = await readState(paths);
    expect(state.status).toBe('PAUSED_FOR_CODEX');
    expect(state.snapshot.context.pause).toMatchObject({ interrupted: 'CODEX_ADVERSARIAL_PLAN_REVIEW', code: 'codex:not_logged_in', reason: 'Not logged in' });
    expect((await readJournal(paths.journal)).at(-1)?.event).toMatchObject({ type: 'review.failed', gate: 'plan', reason: 'not_logged_in' });
  });

  it('outside a run (SETUP_COMPLETE), or outside a set-up workspace, it fails without pausing anything', async () => {
    const paths = workspace();
    const state = readFileSync(paths.state, 'utf8');
    const error = (await runCodexCheck(deps(paths, noCodex())).catch((e: unknown) => e)) as CcccError;
    expect(error.code).toBe('CODEX_NOT_INSTALLED');
    expect((error.details.report as CodexCheckReport).workflow).toEqual({ status: 'SETUP_COMPLETE', paused: false, from: null, revision: 0 });
    expect(readFileSync(paths.state, 'utf8')).toBe(state);

    const bare = tempDir();
    git(bare, 'init', '-q');
    await expect(runCodexCheck(deps(bare, fake('pass')))).resolves.toMatchObject({ ok: true, workflow: { status: null } });
  });

  it('a paused workflow stays in its pause', async () => {
    const paths = workspace();
    await runTo(paths, 4);
    await runCodexCheck(deps(paths, noCodex())).catch(() => undefined);
    const revision = (await readState(paths)).revision;
    const error = (await runCodexCheck(deps(paths, noCodex())).catch((e: unknown) => e)) as CcccError;
    expect((error.details.report as CodexCheckReport).workflow).toMatchObject({ status: 'PAUSED_FOR_CODEX', paused: false });
    expect((await readState(paths)).revision).toBe(revision);
  });
});

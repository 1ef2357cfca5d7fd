/**
 * `cccc doctor` (issue #5): every check's PASS path on a healthy workspace, a broken install (no codex on
 * PATH, a hook pointing at a moved path, a hand-edited state.json) diagnosed with a FAIL and a hint each, a
 * crashing check reported as a FAIL line, and the whole workspace byte-for-byte unchanged afterwards.
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { doctorFailure, formatDoctor } from '../../src/commands/doctor.js';
import type { CcccConfig } from '../../src/config/schema.js';
import { checkAssurance, checkBudget, checkDocsSinceApproval } from '../../src/doctor/checks/assurance.js';
import { checkNode } from '../../src/doctor/checks/environment.js';
import { gatherFacts, type DoctorDeps, type DoctorFacts } from '../../src/doctor/facts.js';
import { runDoctor } from '../../src/doctor/run.js';
import type { DoctorCheck, DoctorReport } from '../../src/doctor/types.js';
import { translator } from '../../src/i18n/catalogue.js';
import { installCommands } from '../../src/setup/commands.js';
import { packageRoot, packageVersion } from '../../src/workspace/package-root.js';
import type { WorkspacePaths } from '../../src/workspace/paths.js';
import { fakeCodexEnv } from '../helpers/fake-codex.js';
import { JOURNAL_SCENARIOS, recordScenario } from '../helpers/journal-scenarios.js';
import { tempDir, tempWorkspace } from '../helpers/tmp.js';
import { hashTree } from '../helpers/workspace-hash.js';


interface Setup {
  paths: WorkspacePaths;
  deps: DoctorDeps;
  entry: string;
}

/** A set-up workspace (English, commands installed) with the fake codex on PATH and an installed entry file. */
async function healthy(edit: (c: CcccConfig) => void = () => undefined, scenario = 'pass'): Promise<Setup> {
  const paths = tempWorkspace((c) => {
    c.language.user_language = 'en';
    edit(c);
  });
  await installCommands(paths, path.join(packageRoot(), 'commands-template'), packageVersion());
  const install = tempDir('cccc-install-');
  const entry = path.join(install, 'dist', 'src', 'bin.js');
  mkdirSync(path.dirname(entry), { recursive: true });
  writeFileSync(entry, '// installed cccc\n');
  const env = { ...fakeCodexEnv(path.join(tempDir('cccc-fake-'), 'calls'), scenario), CLAUDE_CODE_STOP_HOOK_BLOCK_CAP: '' };
  return { paths, entry, deps: { cwd: paths.root, env, installedEntry: entry, probeTimeoutMs: 10_000 } };
}

/** Drive a recorded scenario through the real store (so state and journal match the machine as built). */
async function fromScenario(setup: Setup, name: string): Promise<void> {
  await recordScenario(setup.paths, JOURNAL_SCENARIOS.find((s) => s.name === name)!);
}

function settingsWith(entry: string, names: string[] = ['stop', 'stop-failure', 'guard']): string {
  const events: Record<string, string> = { stop: 'Stop', 'stop-failure': 'StopFailure', guard: 'PreToolUse' };
  const hooks: Record<string, unknown> = { PostToolUse: [{ matcher: 'Bash', hooks: [{ type: 'command', command: 'echo user-hook' }] }] };
  for (const name of names) hooks[events[name]!] = [{ hooks: [{ type: 'command', command: process.execPath, args: [entry, 'hook', name], timeout: 30 }] }];
  return `${JSON.stringify({ permissions: { allow: [] }, hooks }, null, 2)}\n`;
}

function writeSettings(paths: WorkspacePaths, text: string, file = 'settings.json'): void {
  mkdirSync(paths.claudeDir, { recursive: true });
  writeFileSync(path.join(paths.claudeDir, file), text);
}

function loopRecord(paths: WorkspacePaths, name: string, record: unknown): void {
  mkdirSync(paths.loopDir, { recursive: true });
  writeFileSync(path.join(paths.loopDir, name), typeof record === 'string' ? record : JSON.stringify(record));
}

const byId = (report: DoctorReport, id: string): DoctorCheck[] => report.checks.filter((c) => c.id === id);
const levels = (report: DoctorReport, id: string) => byId(report, id).map((c) => c.level);

describe('cccc doctor: a healthy workspace', () => {
  it('passes every check, and leaves the workspace byte-for-byte unchanged', async () => {
    const setup = await healthy();
    await fromScenario(setup, 'happy-two-milestones-with-fix');
    const before = hashTree(setup.paths.root);
    const report = await runDoctor(setup.deps);
    expect(report.checks.filter((c) => c.level !== 'PASS')).toEqual([]);
    expect(report.checks.map((c) => c.id)).toEqual(['node', 'git', 'config', 'state', 'replay', 'lock', 'commands', 'hooks', 'loop', 'loop.cap', 'codex', 'codex.login', 'schemas', 'assurance', 'budget', 'docs']);
    expect(report).toMatchObject({ ok: true, summary: { pass: 16, warn: 0, fail: 0 }, language: 'en' });
    expect(byId(report, 'codex')[0]?.detail).toBe('codex-cli 0.169.0-fake');
    expect(byId(report, 'replay')[0]?.detail).toMatch(/11 journal entries replay to state.json exactly/);
    expect(byId(report, 'loop.cap')[0]?.detail).toMatch(/only a loop that spins without doing anything hits the cap/);
    expect(formatDoctor(report)).toMatch(/\n16 PASS, 0 WARN, 0 FAIL$/);
    expect(hashTree(setup.paths.root)).toEqual(before);
  });

  it('passes with the loop enabled, its hooks registered at the installed entry and one active loop record', async () => {
    const setup = await healthy((c) => {
      c.mode = 'full-auto-safe';
      c.automation.stop_hook_loop_enabled = true;
    });
    writeSettings(setup.paths, settingsWith(setup.entry));
    loopRecord(setup.paths, 'loop.json', { active: true, ownerSessionId: 's-1', capped: false, continuations: 3, lastBlockedRevision: 7, noProgressBlocks: 0 });
    const report = await runDoctor(setup.deps);
    expect(report.checks.filter((c) => c.level !== 'PASS')).toEqual([]);
    expect(byId(report, 'hooks')[0]?.detail).toBe('the loop is enabled; registered: Stop, StopFailure, PreToolUse');
    expect(byId(report, 'loop')[0]?.detail).toBe('docs/cccc/runtime/loop/loop.json: active, owner s-1, 3/10 continuations, 0 no-progress block(s) in a row');
  });
});

describe('cccc doctor: a broken install', () => {
  it('finds no codex, a hook at a moved path and a hand-edited state.json — a FAIL with a hint each — and writes nothing', async () => {
    const setup = await healthy((c) => {
      c.mode = 'full-auto-safe';
      c.automation.stop_hook_loop_enabled = true;
    });
    await fromScenario(setup, 'happy-two-milestones-with-fix');
    const state = JSON.parse(readFileSync(setup.paths.state, 'utf8'));
    state.snapshot.context.task = 'edited by hand';
    writeFileSync(setup.paths.state, `${JSON.stringify(state, null, 2)}\n`);
    writeSettings(setup.paths, settingsWith('/opt/old-node/lib/node_modules/cc-codex-collaborate/dist/src/bin.js'));
    loopRecord(setup.paths, 'loop.json', { active: true, ownerSessionId: null, capped: false, continuations: 0, lastBlockedRevision: null, noProgressBlocks: 0 });
    const emptyPath = tempDir('cccc-empty-path-');
    const deps = { ...setup.deps, env: { ...setup.deps.env, PATH: emptyPath } };

    const before = hashTree(setup.paths.root);
    const report = await runDoctor(deps);
    expect(hashTree(setup.paths.root)).toEqual(before);

    const fails = report.checks.filter((c) => c.level === 'FAIL');
    expect(fails.map((c) => c.id)).toEqual(['replay', 'hooks', 'hooks', 'hooks', 'codex']);
    for (const fail of fails) expect(fail.hint, fail.id).toMatch(/`cccc |codex\.cli_command/);
    expect(byId(report, 'replay')[0]).toMatchObject({ detail: expect.stringMatching(/first difference at context\.task/), hint: expect.stringMatching(/cccc reset/) });
    expect(byId(report, 'hooks')[0]).toMatchObject({ detail: expect.stringMatching(/the Stop hook runs \/opt\/old-node\/.*bin\.js, which does not exist/), hint: expect.stringMatching(/cccc update/) });
    expect(byId(report, 'codex')[0]).toMatchObject({ detail: expect.stringMatching(/Could not run "codex"/), hint: expect.stringMatching(/npm i -g @openai\/codex/) });
    expect(byId(report, 'codex.login')).toEqual([]);
    expect(report.ok).toBe(false);
    const text = formatDoctor(report);
    expect(text.match(/^ {6}hint: /gm)).toHaveLength(5);
    expect(text).toMatch(/\n12 PASS, 0 WARN, 5 FAIL$/);
    const error = doctorFailure(report);
    expect(error).toMatchObject({ code: 'DOCTOR_FAILED', exitCode: 8, details: { report } });
  });

  it('turns a check that throws into a FAIL line and still runs the rest', async () => {
    const setup = await healthy();
    const boom = async (): Promise<DoctorCheck> => {
      throw new Error('kaboom');
    };
    const report = await runDoctor(setup.deps, [
      ['boom', boom],
      ['node', checkNode],
    ]);
    expect(report.checks).toEqual([
      { id: 'boom', level: 'FAIL', title: 'Check boom', detail: 'the check itself failed: kaboom', hint: 'This is a bug in cccc doctor; please report it with this output.' },
      expect.objectContaining({ id: 'node', level: 'PASS' }),
    ]);
  });
});

describe('cccc doctor: one check at a time', () => {
  it('config: names every invalid field with its path; not valid JSON; missing (then the workspace checks stay quiet)', async () => {
    const setup = await healthy();
    const config = JSON.parse(readFileSync(setup.paths.config, 'utf8'));
    config.mode = 'yolo';
    config.review.max_review_rounds_per_milestone = 0;
    writeFileSync(setup.paths.config, JSON.stringify(config));
    let report = await runDoctor(setup.deps);
    const [line] = byId(report, 'config');
    expect(line).toMatchObject({ level: 'FAIL', hint: expect.stringMatching(/cccc setup --rebuild/) });
    expect(line?.detail).toMatch(/^2 invalid field\(s\):\n {2}- mode: must be one of "manual", "supervised-auto", "full-auto-safe"\n {2}- review\.max_review_rounds_per_milestone: /);

    writeFileSync(setup.paths.config, '{"mode": ');
    report = await runDoctor(setup.deps);
    expect(byId(report, 'config')[0]).toMatchObject({ level: 'FAIL', detail: expect.stringMatching(/^not valid JSON: /) });

    rmSync(setup.paths.config);
    rmSync(setup.paths.state);
    report = await runDoctor(setup.deps);
    expect(byId(report, 'config')[0]).toMatchObject({ level: 'FAIL', hint: 'Run `cccc setup` in this repository.' });
    expect(report.checks.map((c) => c.id)).toEqual(['node', 'git', 'config', 'codex', 'codex.login', 'schemas']);
  });

  it('node: older than 20.19 fails', async () => {
    const setup = await healthy();
    const report = await runDoctor({ ...setup.deps, nodeVersion: '20.18.3' });
    expect(byId(report, 'node')[0]).toMatchObject({ level: 'FAIL', detail: 'Node 20.18.3 is older than 20.19.0' });
  });

  it('git: a folder outside any repository fails with `git init`', async () => {
    const dir = tempDir();
    const report = await runDoctor({ cwd: dir, env: { PATH: tempDir() } });
    expect(byId(report, 'git')[0]).toMatchObject({ level: 'FAIL', hint: expect.stringMatching(/git init/) });
    expect(byId(report, 'config')[0]?.level).toBe('FAIL');
  });

  it('state: corrupt and missing state.json fail with `cccc repair`; replay then says nothing more', async () => {
    const setup = await healthy();
    writeFileSync(setup.paths.state, '{"schemaVersion": 1, "rev');
    let report = await runDoctor(setup.deps);
    expect(byId(report, 'state')[0]).toMatchObject({ level: 'FAIL', hint: expect.stringMatching(/cccc repair/) });
    expect(byId(report, 'replay')).toEqual([]);
    rmSync(setup.paths.state);
    report = await runDoctor(setup.deps);
    expect(byId(report, 'state')[0]).toMatchObject({ level: 'FAIL', detail: 'docs/cccc/state.json does not exist' });
  });

  it('replay: a state behind its journal fails with `cccc repair`', async () => {
    const setup = await healthy();
    await fromScenario(setup, 'happy-two-milestones-with-fix');
    const lines = readFileSync(setup.paths.journal, 'utf8').trimEnd().split('\n');
    writeFileSync(setup.paths.journal, `${[...lines, lines.at(-1)!.replace('"revision":11', '"revision":12')].join('\n')}\n`);
    const report = await runDoctor(setup.deps);
    expect(byId(report, 'replay')[0]?.level).toBe('FAIL');
  });

  it('lock: a stale lock warns with `cccc repair`', async () => {
    const setup = await healthy();
    mkdirSync(`${setup.paths.state}.lock`);
    const old = new Date(Date.now() - 60_000);
    utimesSync(`${setup.paths.state}.lock`, old, old);
    const report = await runDoctor(setup.deps);
    expect(byId(report, 'lock')[0]).toMatchObject({ level: 'WARN', detail: expect.stringMatching(/killed cccc process/), hint: expect.stringMatching(/cccc repair/) });
  });

  it('commands: missing fails, outdated and edited warn, each with its hint', async () => {
    const setup = await healthy();
    const dir = setup.paths.commandsDir;
    rmSync(path.join(dir, 'cccc.md'));
    writeFileSync(path.join(dir, 'cccc-loop-stop.md'), `${readFileSync(path.join(dir, 'cccc-loop-stop.md'), 'utf8')}\nmy own note\n`);
    // Re-render cccc-loop-start.md as an older cccc would have written it.
    const old = tempWorkspace();
    await installCommands(old, path.join(packageRoot(), 'commands-template'), '0.0.1-old');
    copyFileSync(path.join(old.commandsDir, 'cccc-loop-start.md'), path.join(dir, 'cccc-loop-start.md'));
    const report = await runDoctor(setup.deps);
    expect(byId(report, 'commands').map((c) => [c.level, c.detail])).toEqual([
      ['FAIL', 'missing: cccc.md'],
      ['WARN', expect.stringMatching(/^generated by an older cccc: .*cccc-loop-start\.md/)],
      ['WARN', 'edited by hand, so left alone: cccc-loop-stop.md'],
    ]);
  });

  it('hooks: registered while the loop is off warns; the loop on without hooks fails; invalid settings fail; another install warns', async () => {
    let setup = await healthy();
    writeSettings(setup.paths, settingsWith(setup.entry), 'settings.local.json');
    let report = await runDoctor(setup.deps);
    expect(byId(report, 'hooks')[0]).toMatchObject({ level: 'WARN', detail: 'the loop is disabled but cccc hooks are registered in .claude/settings.local.json', hint: expect.stringMatching(/cccc loop stop/) });

    setup = await healthy((c) => {
      c.mode = 'full-auto-safe';
      c.automation.stop_hook_loop_enabled = true;
    });
    writeSettings(setup.paths, '{"hooks": {');
    report = await runDoctor(setup.deps);
    expect(levels(report, 'hooks')).toEqual(['FAIL', 'FAIL']);
    expect(byId(report, 'hooks')[0]?.detail).toMatch(/^\.claude\/settings\.json is not valid JSON/);
    expect(byId(report, 'hooks')[1]).toMatchObject({ detail: expect.stringMatching(/not registered: Stop, StopFailure, PreToolUse/), hint: expect.stringMatching(/cccc loop start/) });

    const other = path.join(tempDir('cccc-other-'), 'dist', 'src', 'bin.js');
    mkdirSync(path.dirname(other), { recursive: true });
    writeFileSync(other, '');
    writeSettings(setup.paths, settingsWith(other, ['stop']));
    report = await runDoctor(setup.deps);
    expect(byId(report, 'hooks').map((c) => c.level)).toEqual(['WARN', 'WARN']);
    expect(byId(report, 'hooks')[1]?.detail).toMatch(/runs another cccc installation/);
  });

  it('loop: invalid, capped, over-budget and several active records, and a loop that cannot run', async () => {
    const setup = await healthy((c) => {
      c.automation.stop_hook_loop_enabled = true;
    });
    writeSettings(setup.paths, settingsWith(setup.entry));
    const base = { active: true, ownerSessionId: 'a', capped: false, continuations: 1, lastBlockedRevision: 1, noProgressBlocks: 0 };
    loopRecord(setup.paths, 'a.json', base);
    loopRecord(setup.paths, 'b.json', { ...base, ownerSessionId: 'b', continuations: 11 });
    loopRecord(setup.paths, 'c.json', { ...base, capped: true, continuations: 10 });
    loopRecord(setup.paths, 'd.json', { ...base, continuations: -1 });
    loopRecord(setup.paths, 'e.json', '{"active": tru');
    const report = await runDoctor(setup.deps);
    expect(byId(report, 'loop').map((c) => [c.level, c.detail.replace(/ \(.*$/, '')])).toEqual([
      ['WARN', 'docs/cccc/runtime/loop/b.json: 11 continuations exceed automation.max_stop_hook_continuations'],
      ['WARN', 'docs/cccc/runtime/loop/c.json: the loop spent its budget'],
      ['FAIL', 'docs/cccc/runtime/loop/d.json is not a loop record: "continuations" must be a whole number ≥ 0'],
      ['FAIL', 'docs/cccc/runtime/loop/e.json is not a loop record: not valid JSON'],
      ['WARN', '2 active loop records; only one session should own the loop'],
      ['WARN', 'the loop is enabled but mode is supervised-auto: the Stop hook only continues in full-auto-safe'],
    ]);
  });

  it("loop.cap: max_no_progress_blocks at Claude Code's cap warns; CLAUDE_CODE_STOP_HOOK_BLOCK_CAP=0 disables the cap", async () => {
    const setup = await healthy((c) => {
      c.automation.max_no_progress_blocks = 8;
    });
    let report = await runDoctor(setup.deps);
    expect(byId(report, 'loop.cap')[0]).toMatchObject({ level: 'WARN', detail: expect.stringMatching(/only spins without tool use are capped/), hint: expect.stringMatching(/below 8/) });
    report = await runDoctor({ ...setup.deps, env: { ...setup.deps.env, CLAUDE_CODE_STOP_HOOK_BLOCK_CAP: '12' } });
    expect(byId(report, 'loop.cap')[0]?.level).toBe('PASS');
    report = await runDoctor({ ...setup.deps, env: { ...setup.deps.env, CLAUDE_CODE_STOP_HOOK_BLOCK_CAP: '0' } });
    expect(byId(report, 'loop.cap')[0]?.detail).toMatch(/cap disabled/);
  });

  it('codex: not logged in fails with `codex login`', async () => {
    const setup = await healthy(undefined, 'not_logged_in');
    const report = await runDoctor(setup.deps);
    expect(byId(report, 'codex.login')[0]).toMatchObject({ level: 'FAIL', detail: 'Not logged in', hint: expect.stringMatching(/codex login/) });
  });

  it('assurance: a lower-assurance run warns with `cccc gates`', async () => {
    const setup = await healthy();
    await fromScenario(setup, 'happy-two-milestones-with-fix');
    const state = JSON.parse(readFileSync(setup.paths.state, 'utf8'));
    state.snapshot.context.mockSecrets = true;
    writeFileSync(setup.paths.state, JSON.stringify(state));
    const report = await runDoctor(setup.deps);
    expect(byId(report, 'assurance')[0]).toMatchObject({ level: 'WARN', detail: expect.stringMatching(/^this run stands under lower assurance: mock secrets/), hint: expect.stringMatching(/cccc gates/) });
  });

  it('assurance, budget and docs: pending rechecks, a spent budget and docs changed since the plan approval warn', async () => {
    const setup = await healthy((c) => {
      c.codex_review_policy.budget.max_codex_calls_per_run = 2;
    });
    await fromScenario(setup, 'happy-two-milestones-with-fix');
    const state = JSON.parse(readFileSync(setup.paths.state, 'utf8'));
    writeFileSync(setup.paths.doc('architecture.md'), '# Architecture\nWe now store sessions in a database service.\n');
    const bypass = { gate: 'milestone', milestone: 'M002', reason: 'quota_exhausted', risk: 'low', artifact: 'docs/cccc/reviews/bypass/M002.json', artifactSha256: 'a'.repeat(64), base: null, covers: ['M002'], recheck: 'pending', at: state.updatedAt };
    const context = { ...state.snapshot.context, bypasses: [bypass], docsBaseline: { 'architecture.md': '0'.repeat(64) } };
    const envelope = { ...state, snapshot: { ...state.snapshot, context } };
    const facts = { ...gatherFacts(setup.deps), state: async () => ({ kind: 'valid', envelope, text: '' }) } as unknown as DoctorFacts;
    const t = translator('en');
    expect(await checkAssurance(facts, t)).toMatchObject([
      { level: 'WARN', detail: expect.stringMatching(/the milestone gate of M002 was bypassed \(quota_exhausted\); its Codex recheck is pending/) },
      { level: 'WARN', detail: '1 Codex recheck(s) pending: milestone M002', hint: expect.stringMatching(/cccc recheck/) },
    ]);
    expect(await checkBudget(facts, t)).toMatchObject({ level: 'WARN', detail: expect.stringMatching(/only 0 of 2 Codex calls left|Codex calls left/), hint: expect.stringMatching(/cccc budget/) });
    expect(await checkDocsSinceApproval(facts, t)).toMatchObject({ level: 'WARN', detail: expect.stringMatching(/^changed since the plan was approved: architecture\.md \(modified, /), hint: expect.stringMatching(/cccc sync-docs/) });
  });

  it('speaks Simplified Chinese when language.user_language is zh-CN (level words stay English)', async () => {
    const setup = await healthy((c) => {
      c.language.user_language = 'zh-CN';
    });
    const report = await runDoctor({ ...setup.deps, nodeVersion: '18.0.0' });
    expect(report.language).toBe('zh-CN');
    expect(byId(report, 'node')[0]).toMatchObject({ level: 'FAIL', detail: 'Node 18.0.0 低于 20.19.0' });
    expect(formatDoctor(report)).toMatch(/^FAIL {2}Node\.js — Node 18\.0\.0 低于 20\.19\.0\n {6}提示：安装 Node\.js/m);
    expect(formatDoctor(report)).toMatch(/PASS，0 WARN，1 FAIL$/);
  });
});

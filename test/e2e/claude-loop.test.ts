/**
 * Issue #4 §5 with the REAL `claude` (2.1.197, pinned devDependency), an isolated HOME, and the Messages stub on
 * 127.0.0.1 playing the model. The player reads `cccc next --json` from tool results and runs the Bash commands a
 * careful Claude would (discovery docs, plan + milestones.yaml, code, self-reviews outside the repo, `cccc submit`,
 * `cccc review` against the fake codex on PATH), and ends its turn with text after every step — so only the cccc
 * Stop hook carries the run from step to step, through `/cc-codex-collaborate <task>` (the project slash command
 * `cccc setup` generates; Claude Code expands it in `-p` mode) to DONE.
 *
 * Also: a second session in the same repository is never blocked; a pause (asked for, or recorded by the guard's
 * deny) stops the loop; the user's own hooks and settings come out of `loop start`/`loop stop` deep-equal, and
 * their own Stop hook keeps running next to ours. Nothing may leave 127.0.0.1 (egress trap).
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CCCC_BIN, cliIn, newUserRepo } from '../helpers/cli.js';
import { FAKE_CODEX_DIR, fakeCodexCalls } from '../helpers/fake-codex.js';
import { claudeEnv, lastUserTurn, runClaude, startMessagesStub, type MessagesStub, type Player, type PlayerMove } from '../helpers/messages-stub.js';
import { binaryProblem, CLAUDE_BIN } from '../helpers/real-binaries.js';
import { tempDir } from '../helpers/tmp.js';

const problem = await binaryProblem(CLAUDE_BIN);
if (problem) console.warn(`skipping real-claude loop tests: ${problem}`);

const TASK = 'Add a farewell next to the greeting';

/** The user's own settings, with their own Stop hook (records each payload, never blocks). */
function userSettings(recordFile: string): Record<string, unknown> {
  const script = `require('fs').appendFileSync(${JSON.stringify(recordFile)}, require('fs').readFileSync(0, 'utf8') + '\\n')`;
  return {
    permissions: { allow: ['Bash(npm test)'] },
    env: { MY_SETTING: '1' },
    hooks: { Stop: [{ hooks: [{ type: 'command', command: process.execPath, args: ['-e', script], timeout: 10 }] }] },
  };
}

/** A repository set up for cccc with the loop started, `cccc` and the fake codex first on PATH. */
async function loopRepo(options: { start?: boolean; sessionId?: string; settings?: Record<string, unknown> } = {}) {
  const root = newUserRepo();
  const home = tempDir('cccc-claude-home-');
  const bin = tempDir('cccc-shim-');
  const calls = path.join(tempDir('cccc-codex-calls-'), 'calls');
  mkdirSync(calls, { recursive: true });
  writeFileSync(path.join(bin, 'cccc'), `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(CCCC_BIN)} "$@"\n`);
  chmodSync(path.join(bin, 'cccc'), 0o755);
  const cccc = cliIn(root);
  const must = async (args: string[]) => {
    const r = await cccc(args);
    if (r.exitCode !== 0) throw new Error(`cccc ${args.join(' ')} exited ${r.exitCode}: ${r.stderr}`);
    return r;
  };
  await must(['setup', '--yes']);
  if (options.start) await must(['start', TASK]);
  if (options.settings) {
    mkdirSync(path.join(root, '.claude'), { recursive: true });
    writeFileSync(path.join(root, '.claude', 'settings.json'), `${JSON.stringify(options.settings, null, 2)}\n`);
  }
  await must(['loop', 'start', ...(options.sessionId ? ['--session-id', options.sessionId] : [])]);
  const env = (stub: MessagesStub) => ({
    ...claudeEnv(stub, home),
    PATH: [bin, FAKE_CODEX_DIR, process.env.PATH ?? '/usr/bin:/bin'].join(path.delimiter),
    FAKE_CODEX_SCENARIO: 'approve',
    FAKE_CODEX_RECORD_DIR: calls,
    FAKE_CODEX_STATE_DIR: calls,
  });
  return { root, cccc, must, env, calls };
}

const read = (root: string, rel: string) => readFileSync(path.join(root, rel), 'utf8');
const jsonLines = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l)) : []);

/** A heredoc writing `content` to `file` (what Claude's Bash tool typically runs). */
const write = (file: string, content: string, append = false) => `cat ${append ? '>>' : '>'} ${file} <<'CCCC_EOF'\n${content.trimEnd()}\nCCCC_EOF`;

const MILESTONES_YAML = `- id: M001
  title: Farewell function
  goal: greet.js also exports farewell(name).
  scope: [src/]
  out_of_scope: [packaging]
  acceptance_criteria: ["farewell('Ada') returns Goodbye, Ada!"]
  expected_files: [src/greet.js]
  required_tests: [npm test]
  risk: low
  depends_on: []
- id: M002
  title: Loud greeting
  goal: src/shout.js exports shout(name).
  scope: [src/]
  out_of_scope: [packaging]
  acceptance_criteria: ["shout('Ada') returns HELLO, ADA!"]
  expected_files: [src/shout.js]
  required_tests: [npm test]
  risk: low
  depends_on: [M001]`;

const CODE: Record<string, string> = {
  M001: write('src/greet.js', "\n/** Says goodbye. */\nexport function farewell(name) {\n  return `Goodbye, ${name}!`;\n}", true),
  M002: write('src/shout.js', '/** Greets loudly. */\nexport function shout(name) {\n  return `HELLO, ${name.toUpperCase()}!`;\n}'),
};

/**
 * The scripted model: `cccc start` on the slash command, then per turn `cccc next --json` → the one step it names →
 * end the turn with text. Stop-hook feedback (a user turn starting `Stop hook feedback:`) starts the next step.
 */
function workflowPlayer(selfReviewDir: string, log: string[]): Player {
  let pending: 'start' | 'next' | 'act' | null = null;
  let lastStatus = '';
  const bash = (kind: typeof pending, command: string, description: string): PlayerMove => {
    pending = kind;
    log.push(command.split('\n')[0] as string);
    return { bash: command, description };
  };
  return (body) => {
    const { text, toolResults } = lastUserTurn(body);
    if (toolResults.length === 0) {
      if (text.includes('Stop hook feedback:')) return bash('next', 'cccc next --json', 'Ask cccc for the next step');
      if (pending === null) return bash('start', `cccc start "${TASK}"`, 'Start the cccc workflow');
      return { text: `unexpected user turn: ${text.slice(0, 200)}` };
    }
    const result = toolResults[0]!;
    if (pending === 'start') return bash('next', 'cccc next --json', 'Ask cccc for the next step');
    if (pending === 'act') return { text: `Finished the ${lastStatus} step; stopping here.` };
    const step = JSON.parse(result.content) as { status: string; milestone: string | null };
    lastStatus = step.status;
    const review = path.join(selfReviewDir, `self-review-${step.status}-${step.milestone ?? 'plan'}.json`);
    const selfReview = write(review, JSON.stringify({ verdict: 'ok', summary: `Checked ${step.milestone ?? 'the plan'} against its acceptance criteria.`, concerns: [], questions: [] }));
    switch (step.status) {
      case 'DISCOVER_EXISTING_PROJECT': {
        const docs = ['project-map', 'current-state', 'architecture', 'test-strategy', 'risk-register', 'open-questions'];
        const writes = docs.map((d) => write(`docs/cccc/${d}.md`, `# ${d}\n\nsrc/greet.js exports greet(name); test/greet.test.js covers it with node --test.`));
        return bash('act', [...writes, 'cccc submit discovery'].join('\n'), 'Write the discovery docs and submit them');
      }
      case 'CLAUDE_PLANNING_REVIEW':
        return bash(
          'act',
          [
            write('docs/cccc/project-brief.md', '# Project brief\n\nAdd a farewell and a loud greeting, one small milestone at a time.'),
            write('docs/cccc/roadmap.md', '# Roadmap\n\n1. M001 farewell\n2. M002 shout'),
            write('docs/cccc/milestones.yaml', MILESTONES_YAML),
            selfReview,
            `cccc submit plan --self-review ${review}`,
          ].join('\n'),
          'Write the plan and submit it',
        );
      case 'CODEX_ADVERSARIAL_PLAN_REVIEW':
      case 'CODEX_MILESTONE_REVIEW':
      case 'CODEX_FINAL_REVIEW':
        return bash('act', 'cccc review', 'Run the Codex gate');
      case 'IMPLEMENT_MILESTONE':
        return bash('act', [CODE[step.milestone ?? ''] ?? 'false', selfReview, `cccc submit milestone --self-review ${review}`].join('\n'), `Implement ${step.milestone}`);
      case 'DONE':
        pending = null;
        return { text: 'The workflow is DONE.' };
      default:
        return { text: `Paused in ${step.status}; a human must decide.` };
    }
  };
}

describe.skipIf(problem !== undefined)('the Stop-hook loop with the real claude', () => {
  let stub: MessagesStub;

  beforeAll(async () => {
    stub = await startMessagesStub();
  });
  afterAll(async () => {
    await stub?.close();
  });
  afterEach(() => {
    expect(stub.egress).toEqual([]);
    expect(stub.playerErrors).toEqual([]);
  });

  it('/cc-codex-collaborate <task> runs to DONE, each step a Stop-hook continuation; the user\'s hooks survive start/stop', async () => {
    const recordFile = path.join(tempDir('cccc-user-hook-'), 'user-stop-hook.jsonl');
    const settings = userSettings(recordFile);
    const { root, cccc, env, calls } = await loopRepo({ settings });
    expect(read(root, '.claude/commands/cc-codex-collaborate.md')).toContain('$ARGUMENTS');
    const commands: string[] = [];
    const before = stub.mainBodies().length;
    stub.player = workflowPlayer(tempDir('cccc-self-reviews-'), commands);

    const started = Date.now();
    const run = await runClaude(['-p', `/cc-codex-collaborate ${TASK}`, '--output-format', 'json', '--allowedTools', 'Bash'], { cwd: root, env: env(stub), timeoutMs: 400_000 });
    const seconds = Math.round((Date.now() - started) / 1000);

    expect(run.exitCode, `${run.stderr}\n${run.stdout}`).toBe(0);
    const result = JSON.parse(String(run.stdout));
    // The final gate's `cccc review` moved the run to DONE, so the hook let that turn end (status-terminal).
    expect(result).toMatchObject({ type: 'result', subtype: 'success', result: 'Finished the CODEX_FINAL_REVIEW step; stopping here.' });
    expect((await cccc(['status', '--json'])).json()).toMatchObject({ status: 'DONE', loop: { active: true, capped: false } });
    // Replaying the journal (cli, codex and hook actors) reproduces state.json exactly (issue #5).
    const verify = await cccc(['trace', '--verify', '--json']);
    expect(verify.exitCode, verify.stderr).toBe(0);

    // The slash command reached the model expanded, with the task as its arguments.
    const bodies = stub.mainBodies().slice(before);
    expect(lastUserTurn(bodies[0]).text).toContain('<command-name>/cc-codex-collaborate</command-name>');
    expect(lastUserTurn(bodies[0]).text).toContain(TASK);

    // Every step after the first was started by a Stop-hook block: the feedback turns, the blocks in hooks.jsonl
    // and the loop counter agree, and the state revision moved between consecutive blocks.
    const stops = jsonLines(path.join(root, 'docs/cccc/logs/hooks.jsonl')).filter((l) => l.hook === 'stop');
    const blocks = stops.filter((l) => l.decision === 'block');
    const feedbackTurns = bodies.filter((b) => lastUserTurn(b).text.startsWith('Stop hook feedback:'));
    expect(blocks.length).toBeGreaterThanOrEqual(7);
    expect(feedbackTurns).toHaveLength(blocks.length);
    expect(blocks.map((b) => b.continuations)).toEqual(blocks.map((_, i) => i + 1));
    const revisions = blocks.map((b) => b.revision as number);
    for (let i = 1; i < revisions.length; i++) expect(revisions[i]).toBeGreaterThan(revisions[i - 1] as number);
    expect(stops.at(-1)).toMatchObject({ decision: 'allow', why: 'status-terminal', status: 'DONE' });
    expect(new Set(stops.map((s) => s.sessionId))).toEqual(new Set([result.session_id]));
    const loop = JSON.parse(read(root, 'docs/cccc/runtime/loop/loop.json'));
    expect(loop).toMatchObject({ ownerSessionId: result.session_id, continuations: blocks.length, capped: false });
    expect(lastUserTurn(feedbackTurns[0]).text).toContain('cccc next');

    // The journal shows the workflow moving through every gate to DONE (each step its own revision).
    const journal = jsonLines(path.join(root, 'docs/cccc/logs/journal.jsonl'));
    expect(journal.map((e) => e.to)).toEqual(
      expect.arrayContaining(['DISCOVER_EXISTING_PROJECT', 'CLAUDE_PLANNING_REVIEW', 'CODEX_ADVERSARIAL_PLAN_REVIEW', 'IMPLEMENT_MILESTONE', 'CODEX_MILESTONE_REVIEW', 'CODEX_FINAL_REVIEW', 'DONE']),
    );
    for (const block of blocks) expect(journal.some((e) => e.revision === block.revision)).toBe(true);
    expect(fakeCodexCalls(calls).map((c) => c.gate)).toEqual(['plan', 'milestone', 'milestone', 'final']);

    // The user's own Stop hook ran at every stop next to ours.
    expect(jsonLines(recordFile)).toHaveLength(stops.length);
    console.info(`claude-loop e2e: DONE in ${seconds}s, ${blocks.length} Stop-hook continuations, ${bodies.length} model requests, ${commands.length} Bash steps`);

    // loop stop gives the user's settings back deep-equal.
    expect((await cccc(['loop', 'stop'])).exitCode).toBe(0);
    expect(JSON.parse(read(root, '.claude/settings.json'))).toEqual(settings);
  }, 500_000);

  it('never blocks a second session in the same repository', async () => {
    const { root, env } = await loopRepo({ start: true, sessionId: 'the-owner-session' });
    const before = stub.mainBodies().length;
    stub.player = () => ({ text: 'Just answering a question in another session.' });
    const run = await runClaude(['-p', 'what does src/greet.js do?', '--output-format', 'json', '--allowedTools', 'Bash'], { cwd: root, env: env(stub) });
    expect(run.exitCode, String(run.stderr)).toBe(0);
    expect(stub.mainBodies().length - before).toBe(1);
    const stops = jsonLines(path.join(root, 'docs/cccc/logs/hooks.jsonl')).filter((l) => l.hook === 'stop');
    expect(stops).toEqual([expect.objectContaining({ decision: 'allow', why: 'other-session', status: 'DISCOVER_EXISTING_PROJECT' })]);
    expect(JSON.parse(read(root, 'docs/cccc/runtime/loop/loop.json'))).toMatchObject({ ownerSessionId: 'the-owner-session', continuations: 0 });
  }, 200_000);

  it('a pause stops the loop: the hook lets Claude stop in a paused status', async () => {
    const { root, cccc, env } = await loopRepo({ start: true });
    const before = stub.mainBodies().length;
    stub.player = (body) =>
      lastUserTurn(body).toolResults.length === 0
        ? { bash: 'cccc pause --kind human --reason "Which greeting language do you want?"', description: 'Ask the human' }
        : { text: 'Paused for your decision.' };
    const run = await runClaude(['-p', `/cc-codex-collaborate ${TASK}`, '--output-format', 'json', '--allowedTools', 'Bash'], { cwd: root, env: env(stub) });
    expect(run.exitCode, String(run.stderr)).toBe(0);
    expect(JSON.parse(String(run.stdout))).toMatchObject({ subtype: 'success', result: 'Paused for your decision.' });
    expect(stub.mainBodies().length - before).toBe(2);
    const stops = jsonLines(path.join(root, 'docs/cccc/logs/hooks.jsonl')).filter((l) => l.hook === 'stop');
    expect(stops).toEqual([expect.objectContaining({ decision: 'allow', why: 'status-paused', status: 'PAUSED_FOR_HUMAN' })]);
    expect((await cccc(['status', '--json'])).json()).toMatchObject({ status: 'PAUSED_FOR_HUMAN' });
  }, 200_000);

  it('the guard denies a force push (Claude sees the reason), records SENSITIVE_OPERATION, and the loop stops there', async () => {
    const { root, cccc, env } = await loopRepo({ start: true });
    const seen: { content: string; isError: boolean }[] = [];
    stub.player = (body) => {
      const { toolResults } = lastUserTurn(body);
      if (toolResults.length === 0) return { bash: 'git push --force origin HEAD', description: 'Force push' };
      seen.push(toolResults[0]!);
      return { text: 'The push was denied.' };
    };
    const run = await runClaude(['-p', 'push my work', '--output-format', 'json', '--allowedTools', 'Bash'], { cwd: root, env: env(stub) });
    expect(run.exitCode, String(run.stderr)).toBe(0);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.content).toContain('cccc guard denied this (force-push)');
    expect((await cccc(['status', '--json'])).json()).toMatchObject({ status: 'SENSITIVE_OPERATION', pause: { code: 'guard:force-push' } });
    const lines = jsonLines(path.join(root, 'docs/cccc/logs/hooks.jsonl'));
    expect(lines.map((l) => [l.hook, l.decision, l.why])).toEqual([
      ['guard', 'deny', 'force-push'],
      ['stop', 'allow', 'status-paused'],
    ]);
  }, 200_000);
});

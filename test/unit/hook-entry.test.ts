/**
 * The hook entry points run in-process (`runHookEntry(args, io)`) against temp workspaces (issue #4 §1, §3):
 * the blocking path prints exactly one JSON object and spends one continuation; the allow paths print nothing;
 * a second session and an empty session id are never blocked; the budget caps the loop (kept on disk, marked
 * `capped`); blocks without progress end in a journalled PAUSED_FOR_SYSTEM pause and then an allow; hooks.jsonl
 * never holds the transcript or the last assistant message; StopFailure pauses an active run with its error;
 * and 500 malformed payloads through all three hooks give exit 0 and nothing or one JSON object on stdout.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DISCOVERY_DOCS } from '../../machines/guards.js';
import type { CcccConfig } from '../../src/config/schema.js';
import { hookDocState } from '../../src/hooks/stop-facts.js';
import { runHookEntry } from '../../src/hooks/entry.js';
import { docStateOf } from '../../src/plan/docs.js';
import { readState } from '../../src/state/store.js';
import { git } from '../helpers/tmp.js';
import { advance, hookLog, loopOf, loopWorkspace, malformedPayloads, memoryIO, stopPayload, writeLoop, freshLoop } from '../helpers/hook-fixtures.js';

/** Run `cccc hook <name>` in-process; returns exit code, stdout chunks and stderr text. */
async function hook(name: string, input: string, cwd: string) {
  const io = memoryIO(input, cwd);
  const code = await runHookEntry([name], io);
  return { code, out: io.out, err: io.err.join('') };
}

/** Exactly one JSON object on stdout (Claude Code parses stdout as JSON iff it starts with `{`, B4). */
function onlyObject(out: string[]): Record<string, unknown> {
  expect(out).toHaveLength(1);
  const text = out[0] as string;
  expect(text.trimStart().startsWith('{')).toBe(true);
  const value = JSON.parse(text) as Record<string, unknown>;
  expect(typeof value).toBe('object');
  return value;
}

describe('cccc hook stop (in-process)', () => {
  it('blocks the first non-empty session, which claims the loop, with one JSON object; counts one continuation', async () => {
    const { paths } = await loopWorkspace();
    const r = await hook('stop', stopPayload('s1', paths.root), paths.root);
    expect(r.code).toBe(0);
    const printed = onlyObject(r.out);
    expect(Object.keys(printed).sort()).toEqual(['decision', 'reason']);
    expect(printed.decision).toBe('block');
    const reason = String(printed.reason);
    expect(reason).toContain('continuation 1/10');
    expect(reason).toContain('DISCOVER_EXISTING_PROJECT');
    expect(reason).toContain('cccc submit discovery');
    for (const doc of DISCOVERY_DOCS) expect(reason).toContain(`docs/cccc/${doc}`);
    expect(reason).toContain('Never bypass a pause');
    expect(loopOf(paths)).toMatchObject({ ownerSessionId: 's1', continuations: 1, lastBlockedRevision: 1, noProgressBlocks: 0, capped: false, lastDecision: 'continue' });
    const [line] = hookLog(paths);
    expect(line).toMatchObject({ hook: 'stop', sessionId: 's1', event: 'Stop', decision: 'block', why: 'continue', status: 'DISCOVER_EXISTING_PROJECT', revision: 1, continuations: 1 });
    const logText = readFileSync(paths.hookLog, 'utf8');
    expect(logText).not.toContain('SECRET-LAST-MESSAGE');
    expect(logText).not.toContain('transcript');
  });

  it('names only the discovery docs still to fill', async () => {
    const { paths } = await loopWorkspace();
    for (const doc of DISCOVERY_DOCS.slice(0, -1)) writeFileSync(paths.doc(doc), `# ${doc}\n\nreal content\n`);
    const reason = String(onlyObject((await hook('stop', stopPayload('s1', paths.root), paths.root)).out).reason);
    expect(reason).toContain(`docs/cccc/${DISCOVERY_DOCS.at(-1)}`);
    expect(reason).not.toContain(`docs/cccc/${DISCOVERY_DOCS[0]}`);
  });

  it('never blocks a second session in the same repository, and leaves the owner\'s counters alone', async () => {
    const { paths } = await loopWorkspace({ loop: { ownerSessionId: 'owner' } });
    const r = await hook('stop', stopPayload('intruder', paths.root), paths.root);
    expect(r.out).toEqual([]);
    expect(loopOf(paths)).toMatchObject({ ownerSessionId: 'owner', continuations: 0 });
    expect(hookLog(paths)[0]).toMatchObject({ decision: 'allow', why: 'other-session', sessionId: 'intruder' });
  });

  it.each([
    ['empty string', ''],
    ['blank', '   '],
    ['missing', undefined],
    ['a number', 42],
    ['control characters', 'a\u0000b'],
  ])('never blocks or claims with a session id that is %s', async (_name, session) => {
    const { paths } = await loopWorkspace();
    const r = await hook('stop', stopPayload(session, paths.root), paths.root);
    expect(r.out).toEqual([]);
    expect(loopOf(paths).ownerSessionId).toBeNull();
    expect(hookLog(paths)[0]).toMatchObject({ decision: 'allow', why: 'no-session-id' });
  });

  it.each([
    ['mode is not full-auto-safe', { edit: (c: CcccConfig): void => void (c.mode = 'supervised-auto') }, 'mode-not-full-auto-safe'],
    ['the loop flag is off', { edit: (c: CcccConfig): void => void (c.automation.stop_hook_loop_enabled = false) }, 'loop-disabled'],
    ['the loop was stopped', { loop: { active: false } }, 'loop-inactive'],
    ['no task was started (SETUP_COMPLETE)', { task: null }, 'status-idle'],
  ] as const)('allows the stop when %s', async (_name, options, why) => {
    const { paths } = await loopWorkspace(options as never);
    const r = await hook('stop', stopPayload('s1', paths.root), paths.root);
    expect(r.out).toEqual([]);
    expect(hookLog(paths)[0]).toMatchObject({ decision: 'allow', why });
  });

  it('spends the budget, then marks the loop capped (kept on disk) and allows', async () => {
    const { paths, config } = await loopWorkspace({ edit: (c) => (c.automation.max_stop_hook_continuations = 2) });
    expect(onlyObject((await hook('stop', stopPayload('s1', paths.root), paths.root)).out).decision).toBe('block');
    await advance(paths, config, { type: 'pause.requested', kind: 'human', reason: 'progress for the test', code: null });
    await advance(paths, config, { type: 'resume', strategy: 'recommended', confirm: false, reason: null });
    expect(String(onlyObject((await hook('stop', stopPayload('s1', paths.root, { stop_hook_active: true }), paths.root)).out).reason)).toContain('continuation 2/2');
    const third = await hook('stop', stopPayload('s1', paths.root, { stop_hook_active: true }), paths.root);
    expect(third.out).toEqual([]);
    expect(loopOf(paths)).toMatchObject({ active: true, capped: true, continuations: 2, lastDecision: 'budget-spent' });
    const fourth = await hook('stop', stopPayload('s1', paths.root), paths.root);
    expect(fourth.out).toEqual([]);
    expect(hookLog(paths).map((l) => l.why)).toEqual(['continue', 'continue', 'budget-spent', 'capped']);
  });

  it('after max_no_progress_blocks blocks without progress: allows, records PAUSED_FOR_SYSTEM (actor hook), then allows', async () => {
    const { paths } = await loopWorkspace();
    const stop = (n: number) => hook('stop', stopPayload('s1', paths.root, { stop_hook_active: n > 1 }), paths.root);
    // Block 1 sets the revision; blocks 2 and 3 see it unchanged (no progress 1, 2); the 4th stop pauses.
    for (let n = 1; n <= 3; n++) expect(onlyObject((await stop(n)).out).decision).toBe('block');
    expect(loopOf(paths)).toMatchObject({ continuations: 3, noProgressBlocks: 2 });
    const fourth = await stop(4);
    expect(fourth.out).toEqual([]);
    const state = await readState(paths);
    expect(state.status).toBe('PAUSED_FOR_SYSTEM');
    expect(state.snapshot.context.pause).toMatchObject({ kind: 'system', code: 'stop_hook_no_progress', interrupted: 'DISCOVER_EXISTING_PROJECT' });
    const journal = readFileSync(paths.journal, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(journal.at(-1)).toMatchObject({ actor: 'hook', from: 'DISCOVER_EXISTING_PROJECT', to: 'PAUSED_FOR_SYSTEM', event: { type: 'pause.requested', kind: 'system' } });
    expect(hookLog(paths).at(-1)).toMatchObject({ decision: 'allow', why: 'no-progress', pause: { recorded: true, status: 'PAUSED_FOR_SYSTEM' } });
    const fifth = await stop(5);
    expect(fifth.out).toEqual([]);
    expect(hookLog(paths).at(-1)).toMatchObject({ decision: 'allow', why: 'status-paused' });
  });

  it('allows (and says why) when the loop record cannot be written', async () => {
    const { paths } = await loopWorkspace();
    writeFileSync(`${paths.loopDir}/loop.json.lock`, '');
    const started = Date.now();
    const r = await hook('stop', stopPayload('s1', paths.root), paths.root);
    expect(r.out).toEqual([]);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(hookLog(paths)[0]).toMatchObject({ decision: 'allow', why: 'loop-record-unwritable' });
    expect(loopOf(paths).continuations).toBe(0);
  });

  it('reads a damaged loop record as "no loop" and allows', async () => {
    const { paths } = await loopWorkspace();
    writeFileSync(`${paths.loopDir}/loop.json`, '{"active": tru');
    expect((await hook('stop', stopPayload('s1', paths.root), paths.root)).out).toEqual([]);
    expect(hookLog(paths)[0]).toMatchObject({ why: 'no-loop' });
  });

  it('prints nothing and exits 0 outside any cccc workspace', async () => {
    const r = await hook('stop', stopPayload('s1', '/'), '/');
    expect(r).toMatchObject({ code: 0, out: [] });
  });
});

describe('cccc hook stop-failure (in-process)', () => {
  it('pauses an active run as PAUSED_FOR_SYSTEM with the reported error; prints nothing', async () => {
    const { paths } = await loopWorkspace({ loop: { ownerSessionId: 's1' } });
    const payload = JSON.stringify({ session_id: 's1', cwd: paths.root, hook_event_name: 'StopFailure', error: 'rate_limit', error_details: '429 Too Many Requests' });
    const r = await hook('stop-failure', payload, paths.root);
    expect(r).toMatchObject({ code: 0, out: [] });
    const state = await readState(paths);
    expect(state.status).toBe('PAUSED_FOR_SYSTEM');
    expect(state.snapshot.context.pause?.reason).toContain('rate_limit');
    expect(state.snapshot.context.pause?.reason).toContain('429 Too Many Requests');
    expect(state.snapshot.context.pause?.code).toBe('stop_failure:rate_limit');
    expect(hookLog(paths)[0]).toMatchObject({ hook: 'stop-failure', decision: 'pause', why: 'api-error', error: 'rate_limit' });
  });

  it.each([
    ['another session owns the loop', { loop: { ownerSessionId: 'owner' } }, 'other-session'],
    ['no task is running', { task: null }, 'status-idle'],
  ] as const)('does nothing when %s', async (_name, options, why) => {
    const { paths } = await loopWorkspace(options as never);
    const before = (await readState(paths)).revision;
    const r = await hook('stop-failure', JSON.stringify({ session_id: 's1', hook_event_name: 'StopFailure', error: 'overloaded' }), paths.root);
    expect(r.out).toEqual([]);
    expect((await readState(paths)).revision).toBe(before);
    expect(hookLog(paths)[0]).toMatchObject({ decision: 'ignore', why });
  });
});

describe('cccc hook guard (in-process)', () => {
  const bash = (command: string, cwd: string) => JSON.stringify({ session_id: 's1', cwd, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command } });

  it('prints nothing for everyday commands and logs nothing (it runs before every tool call)', async () => {
    const { paths } = await loopWorkspace();
    for (const command of ['cat README.md', 'npm test', 'git push', 'rm -rf node_modules', 'grep token src/']) {
      expect((await hook('guard', bash(command, paths.root), paths.root)).out).toEqual([]);
    }
    expect(hookLog(paths)).toEqual([]);
  });

  it('asks git about the tree only for `git reset --hard`: allowed on a clean tree, denied once it is dirty', async () => {
    const { paths } = await loopWorkspace({ task: null });
    git(paths.root, 'add', '-A');
    git(paths.root, 'commit', '-q', '-m', 'all');
    expect((await hook('guard', bash('git reset --hard', paths.root), paths.root)).out).toEqual([]);
    writeFileSync(`${paths.root}/change.txt`, 'uncommitted\n');
    const denied = onlyObject((await hook('guard', bash('git reset --hard', paths.root), paths.root)).out);
    expect(denied).toMatchObject({ hookSpecificOutput: { permissionDecision: 'deny', permissionDecisionReason: expect.stringContaining('discard-changes') } });
    // No workflow is running (SETUP_COMPLETE): the deny is logged, no pause is recorded.
    expect(hookLog(paths)).toEqual([expect.objectContaining({ hook: 'guard', decision: 'deny', why: 'discard-changes', status: 'SETUP_COMPLETE' })]);
    expect((await readState(paths)).status).toBe('SETUP_COMPLETE');
  });

  it('a deny from another session does not pause the owner\'s workflow', async () => {
    const { paths } = await loopWorkspace({ loop: { ownerSessionId: 'owner' } });
    expect(onlyObject((await hook('guard', bash('cat .env', paths.root), paths.root)).out)).toMatchObject({ hookSpecificOutput: { permissionDecision: 'deny' } });
    expect((await readState(paths)).status).toBe('DISCOVER_EXISTING_PROJECT');
  });
});

describe('the hook reads discovery docs as src/plan/docs.ts does', () => {
  it.each([null, '', '  \n', '# doc\n<!-- cccc:template -->\n', '# doc\n\nfilled\n'])('%j', (text) => {
    expect(hookDocState(text)).toBe(docStateOf(text));
  });
});

describe('fuzz: 500 malformed payloads through the hook entry (issue #4 "Done when")', () => {
  it('every payload, through stop, stop-failure and guard: exit 0 and nothing or exactly one JSON object on stdout', async () => {
    const payloads = malformedPayloads(500, 11);
    const { paths } = await loopWorkspace();
    let printed = 0;
    for (const [i, text] of payloads.entries()) {
      if (i % 100 === 0) writeLoop(paths, freshLoop());
      for (const name of ['stop', 'stop-failure', 'guard']) {
        const r = await hook(name, text, paths.root);
        expect(r.code).toBe(0);
        expect(r.out.length).toBeLessThanOrEqual(1);
        if (r.out.length === 1) {
          const value = onlyObject(r.out);
          printed += 1;
          if (name === 'stop') expect(value).toMatchObject({ decision: 'block', reason: expect.any(String) });
          else expect(value).toMatchObject({ hookSpecificOutput: { hookEventName: 'PreToolUse', permissionDecision: 'deny' } });
        }
        expect(r.err).not.toContain('internal error');
      }
    }
    expect(printed).toBeGreaterThan(0);
  }, 120_000);
});

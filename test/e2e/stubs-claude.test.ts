/**
 * Proves the Messages-API stub drives the real `claude -p` (2.1.197): a scripted Bash tool call and its
 * tool_result, and a project Stop hook (exec form with `args`) that blocks once and is then told
 * `stop_hook_active: true`. Nothing may leave 127.0.0.1: every test asserts the egress trap saw no attempt.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { claudeEnv, lastUserTurn, runClaude, startMessagesStub, type MessagesStub } from '../helpers/messages-stub.js';
import { binaryProblem, CLAUDE_BIN } from '../helpers/real-binaries.js';
import { makeScratchRepo, type ScratchRepo } from '../helpers/scratch-repo.js';

const problem = await binaryProblem(CLAUDE_BIN);
if (problem) console.warn(`skipping real-claude tests: ${problem}`);

/** Blocks the first Stop with REASON, allows every later one; appends each stdin payload to argv[2] as a JSON line. */
const STOP_HOOK = `
import { appendFileSync, readFileSync } from 'node:fs';
const record = process.argv[2];
let input = '';
process.stdin.on('data', (chunk) => (input += chunk));
process.stdin.on('end', () => {
  appendFileSync(record, JSON.stringify(JSON.parse(input)) + '\\n');
  const stops = readFileSync(record, 'utf8').trim().split('\\n').length;
  if (stops === 1) process.stdout.write(JSON.stringify({ decision: 'block', reason: process.argv[3] }));
});
`;
const REASON = 'R: run cccc next and do that step';

describe.skipIf(problem !== undefined)('real claude against the Messages stub', () => {
  let stub: MessagesStub;
  let scratch: ScratchRepo;

  beforeAll(async () => {
    stub = await startMessagesStub();
  });
  afterAll(async () => {
    await stub?.close();
  });
  afterEach(async () => {
    expect(stub.egress).toEqual([]);
    expect(stub.playerErrors).toEqual([]);
    await scratch?.cleanup();
  });

  it('runs one scripted Bash call, sees its tool_result and ends with the player text', async () => {
    scratch = await makeScratchRepo('claude');
    const before = stub.mainBodies().length;
    stub.player = (body) => {
      const { toolResults } = lastUserTurn(body);
      if (toolResults.length === 0) return { bash: 'echo hi', description: 'Say hi' };
      return { text: `saw: ${toolResults[0]?.content}` };
    };

    const run = await runClaude(['-p', 'hello', '--output-format', 'json', '--allowedTools', 'Bash'], {
      cwd: scratch.repo,
      env: claudeEnv(stub, scratch.home),
    });

    expect(run.exitCode, String(run.stderr)).toBe(0);
    expect(JSON.parse(String(run.stdout))).toMatchObject({ type: 'result', subtype: 'success', is_error: false, result: 'saw: hi', num_turns: 2 });
    const bodies = stub.mainBodies().slice(before);
    expect(bodies).toHaveLength(2);
    expect(bodies[0].stream).toBe(true);
    expect(bodies[0].tools.map((t: any) => t.name)).toContain('Bash');
    expect(lastUserTurn(bodies[0]).text).toContain('hello');
    expect(lastUserTurn(bodies[1]).toolResults).toEqual([{ toolUseId: expect.stringMatching(/^toolu_stub_/), content: 'hi', isError: false }]);
  });

  it('runs a project Stop hook (args form) that blocks once; the stub sees the feedback, the hook sees stop_hook_active', async () => {
    scratch = await makeScratchRepo('claude-hook');
    const hookScript = join(scratch.root, 'stop-hook.mjs');
    const record = join(scratch.root, 'stop-payloads.jsonl');
    await writeFile(hookScript, STOP_HOOK);
    await mkdir(join(scratch.repo, '.claude'));
    const hook = { type: 'command', command: process.execPath, args: [hookScript, record, REASON], timeout: 30 };
    await writeFile(join(scratch.repo, '.claude', 'settings.json'), JSON.stringify({ hooks: { Stop: [{ hooks: [hook] }] } }, null, 2));
    const before = stub.mainBodies().length;
    stub.player = (body) => ({ text: lastUserTurn(body).text.startsWith('Stop hook feedback:') ? 'continued' : 'first answer' });

    const run = await runClaude(['-p', 'hello', '--output-format', 'json', '--allowedTools', 'Bash'], {
      cwd: scratch.repo,
      env: claudeEnv(stub, scratch.home),
    });

    expect(run.exitCode, String(run.stderr)).toBe(0);
    expect(JSON.parse(String(run.stdout))).toMatchObject({ subtype: 'success', result: 'continued' });
    const bodies = stub.mainBodies().slice(before);
    expect(bodies.map((b) => lastUserTurn(b).text.includes('Stop hook feedback:'))).toEqual([false, true]);
    expect(lastUserTurn(bodies[1]).text).toBe(`Stop hook feedback:\n${REASON}`);

    const payloads = (await readFile(record, 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
    expect(payloads.map((p) => p.stop_hook_active)).toEqual([false, true]);
    expect(payloads.map((p) => p.last_assistant_message)).toEqual(['first answer', 'continued']);
    expect(payloads[0]).toMatchObject({ hook_event_name: 'Stop', cwd: scratch.repo, session_id: expect.stringMatching(/\S/) });
    expect(payloads[1].session_id).toBe(payloads[0].session_id);
    expect(Object.keys(payloads[0]).sort()).toEqual(
      ['background_tasks', 'cwd', 'effort', 'hook_event_name', 'last_assistant_message', 'permission_mode', 'prompt_id', 'session_crons', 'session_id', 'stop_hook_active', 'transcript_path'].sort(),
    );
  });
});

import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { decideGuard } from '../../src/hooks/guard.js';
import { parseHookPayload, readHookStdin, stringField } from '../../src/hooks/payload.js';
import { decideStop, type StopDecisionInput } from '../../src/hooks/stop-decision.js';
import { malformedPayloads, prng } from '../helpers/hook-fixtures.js';

describe('parseHookPayload', () => {
  it('keeps the fields that matter from a real Stop payload (real-clients.md)', () => {
    const text = JSON.stringify({
      session_id: 'abc-123',
      transcript_path: '/home/x/.claude/t.jsonl',
      cwd: '/repo',
      prompt_id: 'p',
      permission_mode: 'default',
      hook_event_name: 'Stop',
      stop_hook_active: true,
      last_assistant_message: 'done',
      background_tasks: [],
      session_crons: [],
    });
    expect(parseHookPayload(text)).toEqual({
      valid: true,
      sessionId: 'abc-123',
      cwd: '/repo',
      hookEventName: 'Stop',
      stopHookActive: true,
      toolName: null,
      toolInput: null,
      error: null,
      errorDetails: null,
    });
  });

  it('reads PreToolUse and StopFailure fields', () => {
    const pre = parseHookPayload(JSON.stringify({ hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command: 'ls' } }));
    expect(pre.toolName).toBe('Bash');
    expect(stringField(pre.toolInput, 'command')).toBe('ls');
    expect(stringField(pre.toolInput, 'missing')).toBeNull();
    const fail = parseHookPayload(JSON.stringify({ hook_event_name: 'StopFailure', error: 'rate_limit', error_details: 'x'.repeat(5000) }));
    expect(fail.error).toBe('rate_limit');
    expect(fail.errorDetails).toHaveLength(2000);
  });

  it.each([
    ['session_id a number', { session_id: 42 }, 'sessionId', null],
    ['session_id empty', { session_id: '' }, 'sessionId', null],
    ['session_id blank', { session_id: '  ' }, 'sessionId', null],
    ['session_id with a newline', { session_id: 'a\nb' }, 'sessionId', null],
    ['session_id too long', { session_id: 'a'.repeat(257) }, 'sessionId', null],
    ['stop_hook_active as a string', { stop_hook_active: 'true' }, 'stopHookActive', false],
    ['stop_hook_active as 1', { stop_hook_active: 1 }, 'stopHookActive', false],
    ['tool_input an array', { tool_input: ['ls'] }, 'toolInput', null],
    ['tool_name an object', { tool_name: { name: 'Bash' } }, 'toolName', null],
    ['cwd null', { cwd: null }, 'cwd', null],
  ])('treats %s as missing', (_label, raw, field, expected) => {
    expect(parseHookPayload(JSON.stringify(raw))[field as 'sessionId']).toBe(expected);
  });

  it.each([['empty', ''], ['not JSON', 'hello'], ['an array', '[1,2]'], ['null', 'null'], ['a number', '7'], ['truncated', '{"session_id":"a"']])(
    'returns an empty, invalid payload for %s',
    (_label, text) => {
      expect(parseHookPayload(text)).toMatchObject({ valid: false, sessionId: null, stopHookActive: false });
    },
  );

  it('accepts a byte-order mark', () => {
    expect(parseHookPayload('\uFEFF{"session_id":"s"}').sessionId).toBe('s');
  });
});

describe('readHookStdin', () => {
  it('reads everything below the cap', async () => {
    const r = await readHookStdin(Readable.from([Buffer.from('{"a":'), Buffer.from('1}')]));
    expect(r).toEqual({ text: '{"a":1}', bytes: 7, truncated: false, timedOut: false });
  });

  it('stops at the cap (bytes) and says so', async () => {
    const r = await readHookStdin(Readable.from([Buffer.alloc(600, 97), Buffer.alloc(600, 98)]), { capBytes: 1000 });
    expect(r.truncated).toBe(true);
    expect(Buffer.byteLength(r.text)).toBe(1000);
  });

  it('gives up after the timeout (ms) on a stream that never ends', async () => {
    const stream = new PassThrough();
    stream.write('{"session_id":');
    const r = await readHookStdin(stream, { timeoutMs: 20 });
    expect(r).toMatchObject({ text: '{"session_id":', truncated: true, timedOut: true });
    stream.destroy();
  });

  it('returns what it had when the stream errors', async () => {
    const stream = new PassThrough();
    const pending = readHookStdin(stream, { timeoutMs: 1000 });
    stream.write('abc');
    stream.emit('error', new Error('boom'));
    expect((await pending).text).toBe('abc');
  });
});

describe('fuzz: 500 malformed payloads never throw (issue #4 "Done when")', () => {
  const payloads = malformedPayloads(500);
  const rand = prng(9);
  const junk = [null, 5, 'x', [], {}, { mode: 7, loopEnabled: 'yes' }, { active: true, ownerSessionId: 3, continuations: 'many' }, { status: {}, revision: 'r', task: [] }];
  const config: StopDecisionInput['config'] = { mode: 'full-auto-safe', loopEnabled: true, maxContinuations: 10, maxNoProgressBlocks: 2, language: 'en' };
  const state: StopDecisionInput['state'] = { status: 'IMPLEMENT_MILESTONE', revision: 3, task: 't', milestoneId: 'M001', milestoneTitle: null, nextInstruction: 'i', nextCommand: 'c' };

  it('has 500 cases', () => expect(payloads).toHaveLength(500));

  it('parses every payload and decides Stop and PreToolUse without throwing, giving nothing or one JSON object', () => {
    for (const text of payloads) {
      const payload = parseHookPayload(text);
      const loop = { active: true, ownerSessionId: rand() < 0.5 ? null : payload.sessionId, capped: false, continuations: 0, lastBlockedRevision: null, noProgressBlocks: 0 };
      const facts = [
        { payload, config, loop, state },
        { payload, config: junk[Math.floor(rand() * junk.length)], loop: junk[Math.floor(rand() * junk.length)], state: junk[Math.floor(rand() * junk.length)] },
      ] as StopDecisionInput[];
      for (const input of facts) {
        const d = decideStop(input);
        if (d.action === 'block') {
          const printed = JSON.stringify({ decision: 'block', reason: d.reason });
          expect(JSON.parse(printed)).toMatchObject({ decision: 'block' });
          expect(d.reason.length).toBeLessThan(10_000);
        } else expect(typeof d.why).toBe('string');
      }
      const g = decideGuard(
        { toolName: payload.toolName, toolInput: payload.toolInput, cwd: payload.cwd },
        { repoRoot: '/repo', homeDir: '/home/dev', safety: {}, treeDirty: null },
      );
      expect(['allow', 'deny']).toContain(g.decision);
    }
  });
});

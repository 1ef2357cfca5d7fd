import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { decideGuard } from '../../src/hooks/guard.js';
import { parseHookPayload, readHookStdin, stringField } from '../../src/hooks/payload.js';
import { decideStop, type StopDecisionInput } from '../../src/hooks/stop-decision.js';

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

/** A small deterministic PRNG (mulberry32) so the fuzz corpus is the same on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function malformedPayloads(count: number): string[] {
  const rand = prng(4);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const junkValue = (depth: number): unknown => {
    const kind = Math.floor(rand() * (depth > 3 ? 6 : 8));
    switch (kind) {
      case 0: return null;
      case 1: return rand() < 0.5;
      case 2: return pick([0, -1, 1e308, Number.MAX_SAFE_INTEGER, 3.14]);
      case 3: return pick(['', ' ', 'Stop', 'true', 'rm -rf /', 'cat .env', '\u0000\u0007', '💥'.repeat(50), 'x'.repeat(70_000)]);
      case 4: return String.fromCharCode(...Array.from({ length: 64 }, () => Math.floor(rand() * 0xffff)));
      case 5: return pick([[], {}, [null], { command: 5 }]);
      case 6: return Array.from({ length: 3 }, () => junkValue(depth + 1));
      default: return Object.fromEntries(Array.from({ length: 3 }, (_, i) => [pick(['session_id', 'tool_input', 'command', 'file_path', 'k']) + i, junkValue(depth + 1)]));
    }
  };
  const keys = ['session_id', 'stop_hook_active', 'cwd', 'hook_event_name', 'tool_name', 'tool_input', 'error', 'error_details', 'transcript_path'];
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    switch (i % 10) {
      case 0: out.push(''); break;
      case 1: out.push(Buffer.from(Array.from({ length: 256 }, () => Math.floor(rand() * 256))).toString('latin1')); break;
      case 2: out.push(JSON.stringify(junkValue(0))); break;
      case 3: out.push('['.repeat(5_000) + ']'.repeat(5_000)); break;
      case 4: out.push(JSON.stringify({ session_id: 'x'.repeat(1 << 20), stop_hook_active: true })); break;
      case 5: out.push(JSON.stringify({ tool_name: pick(['Bash', 'Read', 'Write', 'Edit', 'NotebookEdit']), tool_input: { command: junkValue(2), file_path: junkValue(2), notebook_path: junkValue(2) } })); break;
      case 6: out.push(JSON.stringify({ tool_name: 'Bash', tool_input: { command: String.fromCharCode(...Array.from({ length: 200 }, () => 32 + Math.floor(rand() * 95))) } })); break;
      case 7: out.push(JSON.stringify(Object.fromEntries(keys.map((k) => [k, junkValue(1)]))).slice(0, Math.floor(rand() * 400))); break;
      default: out.push(JSON.stringify(Object.fromEntries(keys.map((k) => [k, junkValue(1)])))); break;
    }
  }
  return out;
}

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

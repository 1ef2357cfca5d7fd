import { describe, expect, it } from 'vitest';
import { emptyStreamSummary, foldCodexLine, parseCodexEventLine, summarizeCodexStream, totalTokens } from '../../src/codex/events.js';
import { heartbeatLine, progressLine } from '../../src/codex/progress.js';

const line = (event: unknown): string => JSON.stringify(event);

/** A stream as real codex 0.169.0 prints it against the Responses stub (real-clients.md). */
const REAL_STREAM = [
  line({ type: 'thread.started', thread_id: '0199a213-81c0-7800-8aa1-bbab2a035a53' }),
  line({ type: 'turn.started' }),
  line({ type: 'item.completed', item: { id: 'item_0', type: 'agent_message', text: '{"status":"fail_fixable"}' } }),
  line({ type: 'item.completed', item: { id: 'item_1', type: 'agent_message', text: '{"status":"pass"}' } }),
  line({ type: 'turn.completed', usage: { input_tokens: 10, cached_input_tokens: 2, output_tokens: 5, reasoning_output_tokens: 1 } }),
].join('\n');

describe('parseCodexEventLine', () => {
  it.each([
    ['blank', '   ', null],
    ['not JSON', 'Reading prompt from stdin...', null],
    ['JSON without type', '{"thread_id":"x"}', null],
    ['JSON array', '[1]', null],
    ['event', '{"type":"turn.started"}', { type: 'turn.started' }],
  ])('%s', (_name, text, expected) => {
    expect(parseCodexEventLine(text)).toEqual(expected);
  });
});

describe('summarizeCodexStream', () => {
  it('keeps the thread id, usage and the LAST agent message', () => {
    const summary = summarizeCodexStream(REAL_STREAM);
    expect(summary).toMatchObject({
      threadId: '0199a213-81c0-7800-8aa1-bbab2a035a53',
      turnStarted: true,
      turnCompleted: true,
      turnFailed: null,
      lastAgentMessage: '{"status":"pass"}',
      usage: { inputTokens: 10, cachedInputTokens: 2, outputTokens: 5, reasoningOutputTokens: 1 },
      events: 5,
      unparsedLines: 0,
    });
    expect(totalTokens(summary.usage)).toBe(15);
  });

  it('treats error events and error items as non-terminal messages, and keeps turn.failed', () => {
    const summary = summarizeCodexStream([
      line({ type: 'error', message: 'Reconnecting... 1/5' }),
      line({ type: 'item.completed', item: { type: 'error', message: 'config warning' } }),
      line({ type: 'turn.failed', error: { message: 'exceeded retry limit, last status: 429' } }),
    ].join('\n'));
    expect(summary.errors).toEqual(['Reconnecting... 1/5', 'config warning']);
    expect(summary.lastEventIsError).toBe(false); // turn.failed came after them
    expect(summarizeCodexStream(line({ type: 'error', message: 'Reconnecting... waiting for network' })).lastEventIsError).toBe(true);
    expect(summarizeCodexStream([line({ type: 'error', message: 'x' }), line({ type: 'turn.started' })].join('\n')).lastEventIsError).toBe(false);
    expect(summary.turnFailed).toBe('exceeded retry limit, last status: 429');
    expect(summary.turnCompleted).toBe(false);
  });

  it('tolerates unknown types, unknown fields, missing usage fields and junk lines', () => {
    const summary = summarizeCodexStream([
      line({ type: 'item.plan.delta', delta: 'x' }),
      line({ type: 'item.completed', item: { type: 'collab_tool_call', whatever: true } }),
      line({ type: 'item.completed', item: 'not an object' }),
      line({ type: 'turn.completed', usage: { input_tokens: 7, output_tokens: 'many', cache_write_input_tokens: 9 } }),
      line({ type: 'turn.failed' }),
      'WARNING: something on stdout',
      '',
    ].join('\n'));
    expect(summary.usage).toEqual({ inputTokens: 7, cachedInputTokens: 0, outputTokens: 0, reasoningOutputTokens: 0 });
    expect(summary.turnFailed).toBe('');
    expect(summary.unparsedLines).toBe(1);
    expect(summary.events).toBe(5);
    expect(summary.threadId).toBeNull();
  });

  it('sums usage over several turns', () => {
    const turn = line({ type: 'turn.completed', usage: { input_tokens: 1, cached_input_tokens: 1, output_tokens: 1, reasoning_output_tokens: 1 } });
    expect(summarizeCodexStream(`${turn}\n${turn}`).usage).toEqual({ inputTokens: 2, cachedInputTokens: 2, outputTokens: 2, reasoningOutputTokens: 2 });
  });

  it('does not mutate the summary it folds into', () => {
    const empty = emptyStreamSummary();
    foldCodexLine(empty, line({ type: 'error', message: 'x' }));
    expect(empty).toEqual(emptyStreamSummary());
  });
});

describe('progress lines', () => {
  const summary = summarizeCodexStream(REAL_STREAM);
  it.each([
    [{ type: 'thread.started', thread_id: 'x' }, /^codex: thread 0199a213-\S+ started \(12 s\)$/],
    [{ type: 'turn.started' }, /^codex: turn started \(12 s\)$/],
    [{ type: 'turn.completed' }, /^codex: turn completed, tokens so far: 15 \(5 output\) \(12 s\)$/],
    [{ type: 'item.completed', item: { type: 'command_execution', command: 'git diff' } }, /^codex: ran git diff/],
    [{ type: 'item.updated', item: {} }, null],
  ])('%j', (event, expected) => {
    const text = progressLine(event, summary, 12_345);
    if (expected === null) expect(text).toBeNull();
    else expect(text).toMatch(expected);
  });

  it('heartbeat says elapsed seconds and tokens so far', () => {
    expect(heartbeatLine(emptyStreamSummary(), 61_000)).toBe('codex: working, 61 s elapsed, 0 events, tokens so far: not reported yet');
  });
});

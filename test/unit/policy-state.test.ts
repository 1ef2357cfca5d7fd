/**
 * Issue #6 plumbing: a state.json written before the review policy still reads (defaults equal a fresh run's; an old
 * `lowerAssurance` means mock secrets), usage facts from a Codex run (tokens, wall time, rate-limit events), and the
 * review cache key (which fingerprint components it binds per gate; HEAD is not one of them).
 */
import { describe, expect, it } from 'vitest';
import { emptyLedger } from '../../machines/index.js';
import { gateFingerprint, type GateFingerprintFacts } from '../../src/gates/fingerprint.js';
import { reviewCacheKey } from '../../src/review/cache.js';
import { codexCallFacts, rateLimitEventsIn } from '../../src/review/usage.js';
import { parseEnvelope, serializeEnvelope } from '../../src/state/envelope.js';
import { initialEnvelope } from '../../src/state/store.js';

describe('a state written before issue #6', () => {
  const POLICY_KEYS = ['ledger', 'batch', 'reviewDecisions', 'bypasses', 'consecutiveBypasses', 'mockSecrets', 'docsBaseline'];
  const old = (lowerAssurance: boolean) => {
    const envelope = JSON.parse(serializeEnvelope(initialEnvelope('2026-11-21T00:00:00.000Z')));
    for (const key of POLICY_KEYS) delete envelope.snapshot.context[key];
    envelope.snapshot.context.lowerAssurance = lowerAssurance;
    return JSON.stringify(envelope);
  };

  it('reads with a fresh run’s policy fields', () => {
    const ctx = parseEnvelope(old(false), 'state.json').snapshot.context;
    expect(ctx).toMatchObject({ ledger: emptyLedger(), batch: { milestones: [], base: null, reopened: [] }, reviewDecisions: [], bypasses: [], consecutiveBypasses: 0, mockSecrets: false, docsBaseline: null });
  });

  it('an old lowerAssurance (only mock secrets could set it) becomes mockSecrets', () => {
    expect(parseEnvelope(old(true), 'state.json').snapshot.context.mockSecrets).toBe(true);
  });
});

describe('usage facts of a Codex run', () => {
  const events = [
    '{"type":"thread.started","thread_id":"t"}',
    '{"type":"error","message":"Rate limit reached for gpt-5, retrying in 2s"}',
    '{"type":"error","message":"stream disconnected"}',
    '{"type":"turn.failed","error":{"message":"429 Too Many Requests"}}',
    'not json mentioning quota',
  ].join('\n');

  it('counts rate-limit messages in error events only', () => {
    expect(rateLimitEventsIn(events)).toBe(2);
  });

  it('carries tokens and wall time; a rate-limited failure counts at least one event', () => {
    const usage = { inputTokens: 10, cachedInputTokens: 2, outputTokens: 3, reasoningOutputTokens: 1 };
    expect(codexCallFacts({ usage, durationMs: 1234.4, rawEvents: '' })).toEqual({ ...usage, wallMs: 1234, rateLimitEvents: 0 });
    expect(codexCallFacts({ usage: null, durationMs: 5, rawEvents: '' }, 'rate_limited_or_quota')).toMatchObject({ inputTokens: 0, rateLimitEvents: 1 });
  });
});

describe('review cache key', () => {
  const facts = (over: Partial<GateFingerprintFacts> = {}): GateFingerprintFacts => ({
    head: 'h1',
    base: 'b',
    worktreeTree: 't1',
    acceptanceCriteria: ['works'],
    planDocs: [{ name: 'roadmap.md', sha256: 'r1' }],
    bundleSha256: 'bundle1',
    promptVersion: 'p1',
    schemaVersion: 's1',
    ...over,
  });
  const key = (gate: 'plan' | 'milestone' | 'final', over: Partial<GateFingerprintFacts> = {}) => reviewCacheKey(gate, gateFingerprint(facts(over)));

  const CASES: ['plan' | 'milestone' | 'final', Partial<GateFingerprintFacts>, boolean][] = [
    ['plan', { head: 'h2' }, false],
    ['plan', { worktreeTree: 't2' }, false],
    ['plan', { planDocs: [{ name: 'roadmap.md', sha256: 'r2' }] }, true],
    ['plan', { bundleSha256: 'bundle2' }, true],
    ['milestone', { head: 'h2' }, false],
    ['milestone', { worktreeTree: 't2' }, true],
    ['milestone', { acceptanceCriteria: ['works', 'fast'] }, true],
    ['milestone', { promptVersion: 'p2' }, true],
    ['milestone', { schemaVersion: 's2' }, true],
    ['final', { acceptanceCriteria: ['x'] }, false],
    ['final', { worktreeTree: 't2' }, true],
  ];
  it.each(CASES)('%s gate: changing %j changes the key: %s', (gate, over, changes) => {
    expect(key(gate, over) !== key(gate)).toBe(changes);
  });

  it('differs between gates', () => {
    expect(key('milestone')).not.toBe(key('final'));
  });
});

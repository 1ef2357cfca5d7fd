/**
 * Proves the Responses-API stub drives the real `codex exec` (0.169.0): scripted JSON verdict → `-o` file and
 * JSONL events; non-strict schema → HTTP 400 → non-zero exit; HTTP 500 → one reconnect, then failure.
 * Nothing may leave 127.0.0.1: every test asserts the egress trap saw no attempt.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { binaryProblem, CODEX_BIN } from '../helpers/real-binaries.js';
import { codexEnv, runCodex, startResponsesStub, userPromptText, type ResponsesStub } from '../helpers/responses-stub.js';
import { makeScratchRepo, type ScratchRepo } from '../helpers/scratch-repo.js';

const problem = await binaryProblem(CODEX_BIN);
if (problem) console.warn(`skipping real-codex tests: ${problem}`);

const STRICT_SCHEMA = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: ['approved', 'rejected_fixable'] },
    findings: {
      type: 'array',
      items: { type: 'object', properties: { title: { type: 'string' }, file: { type: ['string', 'null'] } }, required: ['title', 'file'], additionalProperties: false },
    },
  },
  required: ['status', 'findings'],
  additionalProperties: false,
};

/** Same shape, but the nested finding leaves `file` optional: the real API answers 400 invalid_json_schema. */
const NON_STRICT_SCHEMA = structuredClone(STRICT_SCHEMA);
NON_STRICT_SCHEMA.properties.findings.items.required = ['title'];

/**
 * The `-o` file's text, '' when absent. codex 0.169.0 leaves an EMPTY `-o` file after a failed turn (400 or
 * retries exhausted) — not "no file" as real-clients.md says — so a caller must not treat the file's existence
 * as success.
 */
async function verdictIn(outFile: string): Promise<string> {
  return existsSync(outFile) ? readFile(outFile, 'utf8') : '';
}

interface CodexEvent {
  type: string;
  [key: string]: any;
}

describe.skipIf(problem !== undefined)('real codex against the Responses stub', () => {
  let stub: ResponsesStub;
  let scratch: ScratchRepo;

  beforeAll(async () => {
    stub = await startResponsesStub();
  });
  afterAll(async () => {
    await stub?.close();
  });
  afterEach(async () => {
    expect(stub.egress).toEqual([]);
    await scratch?.cleanup();
  });

  /** Runs `codex exec` the way cccc does, in a fresh scratch repo with its own CODEX_HOME. */
  async function review(schema: object, prompt: string) {
    scratch = await makeScratchRepo('codex');
    const schemaFile = join(scratch.root, 'schema.json');
    const outFile = join(scratch.root, 'out.json');
    await writeFile(schemaFile, JSON.stringify(schema));
    const env = codexEnv(stub, { codexHome: scratch.home });
    const before = stub.responseBodies().length;
    const args = ['exec', '--skip-git-repo-check', '--sandbox', 'read-only', '--json', '--output-schema', schemaFile, '-o', outFile, '-'];
    const result = await runCodex(args, { cwd: scratch.repo, env, input: prompt, timeoutMs: 60_000 });
    const events: CodexEvent[] = String(result.stdout)
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line));
    return { result, events, outFile, bodies: stub.responseBodies().slice(before) };
  }

  it('returns the scripted verdict in the -o file, with JSONL events and exit 0', async () => {
    const verdict = JSON.stringify({ status: 'approved', findings: [] });
    stub.script = () => ({ text: verdict });
    const { result, events, outFile, bodies } = await review(STRICT_SCHEMA, '# Context bundle\nplan: add rate limiting\n');

    expect(result.exitCode, String(result.stderr)).toBe(0);
    expect(await readFile(outFile, 'utf8')).toBe(verdict);
    expect(events.map((e) => e.type)).toEqual(['thread.started', 'turn.started', 'item.completed', 'turn.completed']);
    expect(events[0]?.thread_id).toMatch(/\S/);
    expect(events[2]?.item).toMatchObject({ type: 'agent_message', text: verdict });
    expect(events[3]?.usage).toMatchObject({ input_tokens: 10, cached_input_tokens: 0, output_tokens: 5 });

    expect(bodies).toHaveLength(1);
    expect(bodies[0].stream).toBe(true);
    expect(bodies[0].text.format).toEqual({ type: 'json_schema', strict: true, schema: STRICT_SCHEMA, name: 'codex_output_schema' });
    expect(userPromptText(bodies[0])).toContain('# Context bundle\nplan: add rate limiting');
  });

  it('gets HTTP 400 invalid_json_schema for a non-strict schema and exits non-zero with no verdict in -o', async () => {
    stub.script = () => ({ text: '{"status":"approved","findings":[]}' });
    const { result, events, outFile, bodies } = await review(NON_STRICT_SCHEMA, 'review');

    expect(result.exitCode).not.toBe(0);
    expect(bodies).toHaveLength(1); // a 400 is not retried
    const failed = events.find((e) => e.type === 'turn.failed');
    expect(failed?.error.message).toContain('invalid_json_schema');
    expect(failed?.error.message).toContain("In context=('properties', 'findings', 'items')");
    expect(await verdictIn(outFile)).toBe('');
  });

  it('retries an HTTP 500 once (stream_max_retries = 1), then fails with exit 1', async () => {
    stub.script = () => ({ status: 500, body: { error: { message: 'boom', type: 'server_error' } } });
    const { result, events, outFile, bodies } = await review(STRICT_SCHEMA, 'review');

    expect(result.exitCode).toBe(1);
    expect(bodies).toHaveLength(2);
    const errors = events.filter((e) => e.type === 'error').map((e) => String(e.message));
    expect(errors[0]).toMatch(/^Reconnecting\.\.\. 1\/1/);
    expect(events.at(-1)?.type).toBe('turn.failed');
    expect(await verdictIn(outFile)).toBe('');
  });
});

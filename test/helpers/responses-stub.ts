/**
 * A stub of the OpenAI Responses API on 127.0.0.1 that the real `codex exec` talks to, plus the isolated
 * environment (`CODEX_HOME/config.toml`, env vars) that points codex at it and keeps it offline.
 * Wire format and codex behaviour: /work/shared/reference/real-clients.md "Codex → stub of the Responses API".
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServerResponse } from 'node:http';
import { execa, type Result } from 'execa';
import { egressTrapEnv, sendJson, startLoopbackServer, writeSse, type LoopbackServer, type RecordedRequest } from './loopback-server.js';
import { CODEX_BIN } from './real-binaries.js';
import { strictSchemaViolation } from './strict-schema-rules.js';

/**
 * What the stub answers to one `POST /v1/responses`: `{text}` streams an assistant message whose output_text is
 * `text` (for `--output-schema` runs, the JSON verdict as a string); `{status, body}` answers that HTTP status
 * with `body` as JSON (codex retries 5xx and 429, not 400).
 */
export type ResponsesReply = { text: string } | { status: number; body?: unknown; headers?: Record<string, string> };

/** Picks the reply for a request body (`index` = 0-based count of `/v1/responses` requests so far). */
export type ResponsesScript = (body: any, index: number) => ResponsesReply | Promise<ResponsesReply>;

/** A running Responses stub. Queued replies are used first, then `script`; with neither it answers 400. */
export interface ResponsesStub extends LoopbackServer {
  /** `http://127.0.0.1:PORT/v1`, the provider's `base_url`. */
  baseUrl: string;
  /** Bodies of every `POST /v1/responses`, in order (including the ones rejected with 400). */
  responseBodies(): any[];
  enqueue(...replies: ResponsesReply[]): void;
  script: ResponsesScript | undefined;
}

/** Starts the stub on an OS-chosen loopback port. Close it with `close()` (afterAll). */
export async function startResponsesStub(script?: ResponsesScript): Promise<ResponsesStub> {
  const queue: ResponsesReply[] = [];
  let index = 0;
  const stub = {} as ResponsesStub;
  const server = await startLoopbackServer(async (request, res) => {
    if (request.method !== 'POST' || !request.path.startsWith('/v1/responses')) {
      sendJson(res, 404, { error: { message: `responses stub: no route ${request.method} ${request.path}` } });
      return;
    }
    const body = request.body;
    const format = body?.text?.format;
    const violation = format?.type === 'json_schema' ? strictSchemaViolation(format.schema, String(format.name)) : undefined;
    if (violation !== undefined) {
      // The real API rejects non-strict schemas before the model runs; codex does not retry a 400.
      sendJson(res, 400, { error: { message: violation, type: 'invalid_request_error', param: 'text.format.schema', code: 'invalid_json_schema' } });
      return;
    }
    const reply = queue.shift() ?? (await stub.script?.(body, index));
    index += 1;
    if (reply === undefined) {
      sendJson(res, 400, { error: { message: 'responses stub: no scripted reply left', type: 'invalid_request_error' } });
    } else if ('text' in reply) {
      streamMessage(res, reply.text, index);
    } else {
      sendJson(res, reply.status, reply.body ?? { error: { message: `stub status ${reply.status}`, type: 'server_error' } }, reply.headers);
    }
  });
  return Object.assign(stub, server, {
    baseUrl: `${server.origin}/v1`,
    responseBodies: () => server.requests.filter(isResponsesPost).map((r) => r.body),
    enqueue: (...replies: ResponsesReply[]) => void queue.push(...replies),
    script,
  });
}

/** All `input_text` of the request's user messages, joined by newlines (the prompt codex got on stdin is the last). */
export function userPromptText(body: any): string {
  const items: any[] = Array.isArray(body?.input) ? body.input : [];
  return items
    .filter((item) => item?.role === 'user' && Array.isArray(item.content))
    .flatMap((item) => item.content.filter((c: any) => c?.type === 'input_text').map((c: any) => String(c.text)))
    .join('\n');
}

/** Options of {@link codexEnv}. Retry counts are codex provider settings (defaults 4 and 5 make a 500 take ~26 s). */
export interface CodexEnvOptions {
  /** Temp folder used as CODEX_HOME; `config.toml` is written into it. */
  codexHome: string;
  /** HOME for the child (default: `codexHome`), so no user dotfile is read. */
  home?: string;
  /** `request_max_retries` (default 0). */
  requestMaxRetries?: number;
  /** `stream_max_retries` (default 1: a 500 gives one "Reconnecting... 1/1", then `turn.failed`). */
  streamMaxRetries?: number;
}

/**
 * Writes `<codexHome>/config.toml` (provider `stub` → this stub, offline switches) and returns the child's
 * complete environment: spawn codex (or cccc, which spawns codex) with it and `extendEnv: false`.
 * Offline switches, each observed to remove a connection on codex 0.169.0: `features.plugins = false`
 * (github.com, api.github.com, chatgpt.com), `analytics.enabled = false` and `otel.metrics_exporter = "none"`
 * (ab.chatgpt.com/otlp/v1/metrics). Anything else is caught by the egress trap (proxy vars → `stub.egress`).
 */
export function codexEnv(stub: Pick<ResponsesStub, 'baseUrl' | 'origin'>, options: CodexEnvOptions): Record<string, string> {
  const config = [
    'model_provider = "stub"',
    'check_for_update_on_startup = false',
    '',
    '[features]',
    'plugins = false',
    '',
    '[analytics]',
    'enabled = false',
    '',
    '[otel]',
    'metrics_exporter = "none"',
    '',
    '[model_providers.stub]',
    'name = "stub"',
    `base_url = "${stub.baseUrl}"`,
    'wire_api = "responses"',
    'env_key = "STUB_KEY"',
    `request_max_retries = ${options.requestMaxRetries ?? 0}`,
    `stream_max_retries = ${options.streamMaxRetries ?? 1}`,
    '',
  ].join('\n');
  writeFileSync(join(options.codexHome, 'config.toml'), config);
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: options.home ?? options.codexHome,
    CODEX_HOME: options.codexHome,
    STUB_KEY: 'stub-key',
    ...egressTrapEnv(stub),
  };
}

/**
 * Runs the real codex with `args`; `input` is written to stdin, which is then closed (codex waits forever on an
 * open stdin). Never rejects: inspect `exitCode`, `stdout` (JSONL with --json), `stderr`. `timeoutMs` kills it.
 */
export function runCodex(args: string[], options: { cwd: string; env: Record<string, string>; input: string; timeoutMs?: number }): Promise<Result> {
  return execa(CODEX_BIN, args, {
    cwd: options.cwd,
    env: options.env,
    extendEnv: false,
    input: options.input,
    timeout: options.timeoutMs ?? 60_000,
    reject: false,
  });
}

function isResponsesPost(request: RecordedRequest): boolean {
  return request.method === 'POST' && request.path.startsWith('/v1/responses');
}

function streamMessage(res: ServerResponse, text: string, n: number): void {
  const id = `resp_${n}`;
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  writeSse(res, 'response.created', { type: 'response.created', response: { id } });
  writeSse(res, 'response.output_item.done', {
    type: 'response.output_item.done',
    item: { type: 'message', role: 'assistant', id: `msg_${n}`, content: [{ type: 'output_text', text }] },
  });
  writeSse(res, 'response.completed', {
    type: 'response.completed',
    response: {
      id,
      usage: {
        input_tokens: 10,
        input_tokens_details: { cached_tokens: 0 },
        output_tokens: 5,
        output_tokens_details: { reasoning_tokens: 0 },
        total_tokens: 15,
      },
    },
  });
  res.end();
}

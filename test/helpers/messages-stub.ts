/**
 * A stub of the Anthropic Messages API on 127.0.0.1 that the real `claude -p` talks to. A scripted "player"
 * stands in for the model in the main conversation; the env helper keeps Claude Code isolated and offline.
 * Wire format and Claude Code behaviour: /work/shared/reference/real-clients.md "Claude Code → stub".
 */
import type { ServerResponse } from 'node:http';
import { execa, type Result } from 'execa';
import { egressTrapEnv, sendJson, startLoopbackServer, writeSse, type LoopbackServer } from './loopback-server.js';
import { CLAUDE_BIN } from './real-binaries.js';

/**
 * The player's move for one main-conversation request: `{text}` ends the turn (stop_reason end_turn);
 * `{bash, description}` calls the Bash tool (stop_reason tool_use; the next request carries its tool_result);
 * `{status, body}` answers that HTTP error instead (Claude Code retries 5xx/429, see CLAUDE_CODE_MAX_RETRIES).
 */
export type PlayerMove = { text: string } | { bash: string; description?: string } | { status: number; body?: unknown };

/** Chooses a move from the full request body; `turn` = 0-based count of main-conversation requests so far. */
export type Player = (body: any, turn: number) => PlayerMove | Promise<PlayerMove>;

/** A running Messages stub. Requests with a non-empty `tools` list go to `player`; others get `sideText`. */
export interface MessagesStub extends LoopbackServer {
  player: Player;
  /** Bodies of the main-conversation `POST /v1/messages` requests (those with tools), in order. */
  mainBodies(): any[];
  /** Errors thrown by the player (each answered with HTTP 400 so Claude Code stops instead of retrying). */
  playerErrors: string[];
}

/** Starts the stub on an OS-chosen loopback port; default player answers the text `ok`. Close it in afterAll. */
export async function startMessagesStub(options: { player?: Player; sideText?: string } = {}): Promise<MessagesStub> {
  let turn = 0;
  let messageCount = 0;
  const playerErrors: string[] = [];
  const stub = {} as MessagesStub;
  const server = await startLoopbackServer(async (request, res) => {
    if (request.method === 'HEAD') {
      res.writeHead(200).end();
      return;
    }
    if (request.method === 'POST' && request.path.startsWith('/v1/messages/count_tokens')) {
      sendJson(res, 200, { input_tokens: 10 });
      return;
    }
    if (request.method !== 'POST' || !request.path.startsWith('/v1/messages')) {
      sendJson(res, 404, { type: 'error', error: { type: 'not_found_error', message: `messages stub: no route ${request.method} ${request.path}` } });
      return;
    }
    const body = request.body;
    let move: PlayerMove = { text: options.sideText ?? 'ok' };
    if (isMainConversation(body)) {
      try {
        move = await stub.player(body, turn++);
      } catch (error) {
        playerErrors.push(String(error));
        sendJson(res, 400, { type: 'error', error: { type: 'invalid_request_error', message: `messages stub player failed: ${String(error)}` } });
        return;
      }
    }
    messageCount += 1;
    if ('status' in move) sendJson(res, move.status, move.body ?? { type: 'error', error: { type: 'api_error', message: `stub status ${move.status}` } });
    else if (body?.stream === true) streamMove(res, move, messageCount, String(body?.model ?? 'claude-stub'));
    else sendJson(res, 200, wholeMessage(move, messageCount, String(body?.model ?? 'claude-stub')));
  });
  return Object.assign(stub, server, {
    player: options.player ?? (() => ({ text: 'ok' })),
    mainBodies: () => server.requests.filter((r) => r.method === 'POST' && /^\/v1\/messages(\?|$)/.test(r.path) && isMainConversation(r.body)).map((r) => r.body),
    playerErrors,
  });
}

/** A tool result Claude Code sent back, with `content` flattened to text. */
export interface ToolResult {
  toolUseId: string;
  content: string;
  isError: boolean;
}

/**
 * The last `role: "user"` message of a request, as plain text (text blocks joined by newlines) and tool
 * results. Not simply the last message: Claude Code 2.1.197 may append `role: "system"` messages after it.
 * After a Stop-hook block its text is `Stop hook feedback:\n<reason>`.
 */
export function lastUserTurn(body: any): { text: string; toolResults: ToolResult[] } {
  const messages: any[] = Array.isArray(body?.messages) ? body.messages : [];
  const last = [...messages].reverse().find((m) => m?.role === 'user');
  const blocks: any[] = typeof last?.content === 'string' ? [{ type: 'text', text: last.content }] : Array.isArray(last?.content) ? last.content : [];
  return {
    text: blocks.filter((b) => b?.type === 'text').map((b) => String(b.text)).join('\n'),
    toolResults: blocks
      .filter((b) => b?.type === 'tool_result')
      .map((b) => ({ toolUseId: String(b.tool_use_id), content: flattenText(b.content), isError: b.is_error === true })),
  };
}

/**
 * The child's complete environment for `claude` (spawn with `extendEnv: false`): isolated HOME, the stub as
 * ANTHROPIC_BASE_URL with a dummy key, Claude Code's offline switches, and proxy variables pointing at the
 * stub's egress trap. Observed on 2.1.197: without DISABLE_TELEMETRY / CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC
 * it connects to api.anthropic.com:443.
 */
export function claudeEnv(stub: Pick<MessagesStub, 'origin'>, home: string): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    ANTHROPIC_BASE_URL: stub.origin,
    ANTHROPIC_API_KEY: 'sk-ant-stub-key',
    DISABLE_TELEMETRY: '1',
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    DISABLE_AUTOUPDATER: '1',
    DISABLE_ERROR_REPORTING: '1',
    CLAUDE_CODE_DISABLE_OFFICIAL_MARKETPLACE_AUTOINSTALL: '1',
    ...egressTrapEnv(stub),
  };
}

/**
 * Runs the real claude with `args` (e.g. `['-p', 'hello', '--output-format', 'json', '--allowedTools', 'Bash']`)
 * from `cwd`, stdin ignored. Never rejects: inspect `exitCode` and `stdout`. `timeoutMs` (default 90 s) kills it.
 */
export function runClaude(args: string[], options: { cwd: string; env: Record<string, string>; timeoutMs?: number }): Promise<Result> {
  return execa(CLAUDE_BIN, args, {
    cwd: options.cwd,
    env: options.env,
    extendEnv: false,
    stdin: 'ignore',
    timeout: options.timeoutMs ?? 90_000,
    reject: false,
  });
}

function isMainConversation(body: any): boolean {
  return Array.isArray(body?.tools) && body.tools.length > 0;
}

function flattenText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content.filter((c) => c?.type === 'text').map((c) => String(c.text)).join('\n');
}

type ContentMove = Exclude<PlayerMove, { status: number }>;

function contentBlock(move: ContentMove, n: number): { start: object; delta: object; final: object; stopReason: string } {
  if ('text' in move) {
    return {
      start: { type: 'text', text: '' },
      delta: { type: 'text_delta', text: move.text },
      final: { type: 'text', text: move.text },
      stopReason: 'end_turn',
    };
  }
  const input = { command: move.bash, description: move.description ?? move.bash };
  const id = `toolu_stub_${n}`;
  return {
    start: { type: 'tool_use', id, name: 'Bash', input: {} },
    delta: { type: 'input_json_delta', partial_json: JSON.stringify(input) },
    final: { type: 'tool_use', id, name: 'Bash', input },
    stopReason: 'tool_use',
  };
}

function streamMove(res: ServerResponse, move: ContentMove, n: number, model: string): void {
  const block = contentBlock(move, n);
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const message = { id: `msg_stub_${n}`, type: 'message', role: 'assistant', model, content: [], stop_reason: null, stop_sequence: null, usage: usage(1) };
  writeSse(res, 'message_start', { type: 'message_start', message });
  writeSse(res, 'content_block_start', { type: 'content_block_start', index: 0, content_block: block.start });
  writeSse(res, 'content_block_delta', { type: 'content_block_delta', index: 0, delta: block.delta });
  writeSse(res, 'content_block_stop', { type: 'content_block_stop', index: 0 });
  writeSse(res, 'message_delta', { type: 'message_delta', delta: { stop_reason: block.stopReason, stop_sequence: null }, usage: { output_tokens: 5 } });
  writeSse(res, 'message_stop', { type: 'message_stop' });
  res.end();
}

function wholeMessage(move: ContentMove, n: number, model: string): object {
  const block = contentBlock(move, n);
  return { id: `msg_stub_${n}`, type: 'message', role: 'assistant', model, content: [block.final], stop_reason: block.stopReason, stop_sequence: null, usage: usage(5) };
}

function usage(outputTokens: number): object {
  return { input_tokens: 10, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: outputTokens };
}

/**
 * A tiny HTTP server on 127.0.0.1 (OS-chosen port) shared by the model stubs, which doubles as an egress trap:
 * the stubs' env helpers point HTTP_PROXY/HTTPS_PROXY/ALL_PROXY at this same port with NO_PROXY=127.0.0.1, so a
 * client that tries to reach any other host (update checks, telemetry, plugin sync…) ends up here, is refused
 * with 502 and is recorded in `egress`. Tests assert `egress` is empty. Rule: no network except 127.0.0.1
 * (cccc-contract.md, "Repo facts").
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';

/** One request that reached the stub directly. `body` is the parsed JSON, or undefined when empty/not JSON. */
export interface RecordedRequest {
  method: string;
  /** Path with query string, e.g. `/v1/messages?beta=true`. */
  path: string;
  headers: IncomingHttpHeaders;
  body: any;
  /** Raw request body as text (after content-encoding is undone). */
  rawBody: string;
}

/** A request a client tried to send to some other host through the proxy variables: `CONNECT host:port` or an absolute URL. */
export interface EgressAttempt {
  method: string;
  target: string;
}

/** Handles one direct request; it must end `res`. */
export type StubRoute = (request: RecordedRequest, res: ServerResponse) => void | Promise<void>;

/** A started loopback server. `close()` also drops kept-alive connections. */
export interface LoopbackServer {
  port: number;
  /** `http://127.0.0.1:PORT` (no trailing slash). */
  origin: string;
  requests: RecordedRequest[];
  egress: EgressAttempt[];
  close(): Promise<void>;
}

/**
 * Starts the server; every direct request is recorded, then passed to `route`. A route that throws answers 500.
 * Resolves once listening.
 */
export async function startLoopbackServer(route: StubRoute): Promise<LoopbackServer> {
  const requests: RecordedRequest[] = [];
  const egress: EgressAttempt[] = [];
  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: `stub error: ${String(error)}` } }));
    });
  });
  let origin = '';

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const rawBody = decodeBody(await readAll(req), req.headers['content-encoding']);
    const url = req.url ?? '/';
    if (/^[a-z]+:\/\//i.test(url) && !url.startsWith(`${origin}/`)) {
      egress.push({ method: req.method ?? '?', target: url });
      res.writeHead(502).end();
      return;
    }
    const path = url.startsWith(origin) ? url.slice(origin.length) : url;
    const request: RecordedRequest = { method: req.method ?? '?', path, headers: req.headers, body: parseJson(rawBody), rawBody };
    requests.push(request);
    await route(request, res);
  }

  server.on('connect', (req, socket) => {
    egress.push({ method: 'CONNECT', target: req.url ?? '?' });
    socket.on('error', () => {}); // clients reset refused tunnels; that must not crash the test process
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  server.on('clientError', (_error, socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  return {
    port,
    origin,
    requests,
    egress,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Proxy variables (upper and lower case) that send every non-loopback request to `server`'s egress trap.
 * NO_PROXY keeps 127.0.0.1/localhost direct.
 */
export function egressTrapEnv(server: Pick<LoopbackServer, 'origin'>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of ['HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY']) {
    env[name] = server.origin;
    env[name.toLowerCase()] = server.origin;
  }
  env.NO_PROXY = env.no_proxy = '127.0.0.1,localhost';
  return env;
}

/** Writes one server-sent event: `event: <type>\ndata: <json>\n\n`. */
export function writeSse(res: ServerResponse, type: string, data: object): void {
  res.write(`event: ${type}\ndata: ${JSON.stringify(data)}\n\n`);
}

/** Sends a JSON response with `status`. */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

async function readAll(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function decodeBody(raw: Buffer, encoding: string | undefined): string {
  switch ((encoding ?? 'identity').toLowerCase()) {
    case 'gzip':
      return gunzipSync(raw).toString('utf8');
    case 'deflate':
      return inflateSync(raw).toString('utf8');
    case 'br':
      return brotliDecompressSync(raw).toString('utf8');
    case 'identity':
      return raw.toString('utf8');
    default:
      throw new Error(`unsupported content-encoding ${encoding}`);
  }
}

function parseJson(text: string): any {
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

import { createServer, type IncomingMessage } from 'node:http';
import { request } from 'undici';
import type { Dispatcher } from 'undici';
import type { AppsEnvironment } from '../../../src/model/apps/index.js';
import { listenForTest } from '../../helpers/listen.js';
import { serveApps } from '../../helpers/serve.js';

/** A request as the front server saw it. */
export interface Seen {
  method: string;
  /** The path and query, as sent. */
  url: string;
  path: string;
  headers: Record<string, string>;
  body: Buffer;
}

/** An answer on its way back to the runner. */
export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** Sends a request of the bug's own to the real mock (framing headers are recomputed). */
export type Forward = (method: string, url: string, headers: Record<string, string>, body?: Buffer) => Promise<Answer>;

/** One planted bug: it may answer instead of the mock (asking the mock what it likes first), or rewrite the mock's answer. */
export interface Bug {
  /** Answer directly (undefined: forward as sent); 'hang' never answers, 'reset' drops the connection. */
  before?(seen: Seen, forward: Forward): Answer | 'hang' | 'reset' | undefined | Promise<Answer | 'hang' | 'reset' | undefined>;
  after?(seen: Seen, answer: Answer): Answer;
}

// Framing and connection headers belong to each hop, never forwarded.
const HOP_HEADERS = ['host', 'connection', 'keep-alive', 'content-length', 'transfer-encoding'];

/** How the front forwards: as a gateway the mock was told about (`--base-url`), or as a plain forwarding proxy. */
export interface FrontOptions {
  /**
   * Forward the client's Host unchanged (as nginx's `proxy_set_header Host $host` does) and start
   * the mock without --base-url, so it builds its links from the request alone.
   */
  plainProxy?: boolean;
}

/** The real stateful Apps mock behind a front server on 127.0.0.1:0 that plants one bug; both close when the test ends. */
export async function serveWithBug(
  bug: Bug,
  env: Partial<AppsEnvironment> = {},
  options: FrontOptions = {},
): Promise<{ url: string; mockUrl: string }> {
  // The mock builds self_url on the front's address: told so (--base-url), as a deployment behind a
  // gateway would, or read from the Host a plain proxy passes on.
  return serveFront(
    bug,
    async (url) => (options.plainProxy ? await serveApps(env) : await serveApps({ baseUrl: url, ...env }, { baseUrl: url })).url,
    options,
  );
}

/** Any mock (`start` is handed the front's URL and returns the mock's) behind a front server that plants one bug. */
export async function serveFront(
  bug: Bug,
  start: (frontUrl: string) => Promise<string>,
  options: FrontOptions = {},
): Promise<{ url: string; mockUrl: string }> {
  let mockUrl = '';
  const forward: Forward = async (method, url, headers, body) => {
    const forwarded = await request(mockUrl + url, {
      method: method as Dispatcher.HttpMethod,
      headers: { ...withoutHop(headers), ...(options.plainProxy && headers.host ? { host: headers.host } : {}) },
      body: body && body.length > 0 ? body : null,
    });
    const responseHeaders: Record<string, string> = {};
    for (const [name, value] of Object.entries(forwarded.headers)) if (typeof value === 'string') responseHeaders[name] = value;
    return { status: forwarded.statusCode, headers: withoutHop(responseHeaders), body: Buffer.from(await forwarded.body.arrayBuffer()) };
  };
  const server = createServer(async (req, res) => {
    const seen = await read(req);
    const early = await bug.before?.(seen, forward);
    if (early === 'hang') return;
    if (early === 'reset') return void req.socket.destroy();
    let answer = early;
    if (!answer) {
      const plain = await forward(seen.method, seen.url, seen.headers, seen.body);
      answer = bug.after ? bug.after(seen, plain) : plain;
    }
    res.writeHead(answer.status, { ...withoutHop(answer.headers), 'content-length': String(answer.body.length) });
    res.end(answer.body);
  });
  const url = await listenForTest(server);
  mockUrl = await start(url);
  return { url, mockUrl };
}

function withoutHop(headers: Record<string, string>): Record<string, string> {
  const out = { ...headers };
  for (const name of HOP_HEADERS) delete out[name];
  return out;
}

async function read(req: IncomingMessage): Promise<Seen> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers[name] = value;
  const url = req.url ?? '/';
  return { method: req.method ?? 'GET', url, path: url.split('?')[0]!, headers, body: Buffer.concat(chunks) };
}

/** The body of an answer or a request as a JSON object, or undefined when it is not one. */
export function jsonObject(body: Buffer): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(body.toString('utf8')) as unknown;
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Rewrites a JSON answer's body (answers that are not JSON pass unchanged). */
export function editJson(answer: Answer, edit: (value: unknown) => unknown): Answer {
  if (!/json/.test(answer.headers['content-type'] ?? '') || answer.body.length === 0) return answer;
  const value = edit(JSON.parse(answer.body.toString('utf8')));
  return { ...answer, body: Buffer.from(JSON.stringify(value)) };
}

/** A JSON answer. */
export function json(status: number, value: unknown, contentType = 'application/json'): Answer {
  return { status, headers: { 'content-type': contentType }, body: Buffer.from(JSON.stringify(value)) };
}

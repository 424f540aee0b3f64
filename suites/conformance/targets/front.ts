import { createServer, type IncomingMessage } from 'node:http';
import { request } from 'undici';
import type { Dispatcher } from 'undici';
import type { AppsEnvironment } from '../../../src/model/apps/index.js';
import { listenForTest } from '../../helpers/listen.js';
import { serveApps } from '../../helpers/serve.js';

/** A request as the front server saw it. */
export interface Seen {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: Buffer;
}

/** An answer on its way back to the runner; `json` is the parsed body when it was JSON. */
export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** One planted bug: it may answer instead of the mock, or rewrite the mock's answer. */
export interface Bug {
  /** Answer directly (undefined: forward); 'hang' never answers, 'reset' drops the connection. */
  before?(seen: Seen): Answer | 'hang' | 'reset' | undefined;
  after?(seen: Seen, answer: Answer): Answer;
}

/** The real stateful Apps mock behind a front server on 127.0.0.1:0 that plants one bug; both close when the test ends. */
export async function serveWithBug(bug: Bug, env: Partial<AppsEnvironment> = {}): Promise<{ url: string; mockUrl: string }> {
  let mockUrl = '';
  const server = createServer(async (req, res) => {
    const seen = await read(req);
    const early = bug.before?.(seen);
    if (early === 'hang') return;
    if (early === 'reset') return void req.socket.destroy();
    let answer = early;
    if (!answer) {
      const headers = { ...seen.headers };
      delete headers.host;
      delete headers.connection;
      const forwarded = await request(mockUrl + (req.url ?? '/'), {
        method: seen.method as Dispatcher.HttpMethod,
        headers,
        body: seen.body.length > 0 ? seen.body : null,
      });
      const body = Buffer.from(await forwarded.body.arrayBuffer());
      const responseHeaders: Record<string, string> = {};
      for (const [name, value] of Object.entries(forwarded.headers)) if (typeof value === 'string') responseHeaders[name] = value;
      delete responseHeaders['content-length'];
      delete responseHeaders['transfer-encoding'];
      delete responseHeaders.connection;
      const plain = { status: forwarded.statusCode, headers: responseHeaders, body };
      answer = bug.after ? bug.after(seen, plain) : plain;
    }
    res.writeHead(answer.status, { ...answer.headers, 'content-length': String(answer.body.length) });
    res.end(answer.body);
  });
  const url = await listenForTest(server);
  // The mock builds self_url on the front's address (--base-url), as a deployment behind a proxy would.
  mockUrl = (await serveApps({ baseUrl: url, ...env }, { baseUrl: url })).url;
  return { url, mockUrl };
}

async function read(req: IncomingMessage): Promise<Seen> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers[name] = value;
  return { method: req.method ?? 'GET', path: (req.url ?? '/').split('?')[0]!, headers, body: Buffer.concat(chunks) };
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

/**
 * A catalogue of small front servers, each forwarding to a real Apps mock with one planted bug,
 * so the stateful checks can be shown to catch exactly that bug.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';

/** The planted bugs. */
export type Bug = 'patch-not-stored' | 'publish-noop' | 'runs-vanish' | 'webhook-ignores-token' | 'session-never-reused';

interface Upstream {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

const APP = /^\/v1\/apps\/(app_[0-9a-f]{32})$/;
const PUBLISH = /^\/v1\/apps\/(app_[0-9a-f]{32})\/publish$/;
const RUNS = /^\/v1\/apps\/app_[0-9a-f]{32}\/runs$/;
const CHANNEL = /^\/v1\/apps\/app_[0-9a-f]{32}\/channels\/(appchan_[0-9a-f]{32})$/;
const WEBHOOK = /^\/v1\/apps\/app_[0-9a-f]{32}\/webhooks\/(appchan_[0-9a-f]{32})$/;

/** Starts a front server on an ephemeral port forwarding to `upstream` with `bug` planted. */
export async function serveBuggy(upstream: string, bug: Bug): Promise<{ url: string; close(): Promise<void> }> {
  const tokens = new Map<string, string>();
  const forward = async (method: string, url: string, headers: Record<string, string>, body?: Buffer): Promise<Upstream> => {
    const response = await request(upstream + url, { method: method as 'GET', headers, body: body && body.length > 0 ? body : null });
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(response.headers)) if (typeof value === 'string') out[name] = value;
    return { status: response.statusCode, headers: out, body: Buffer.from(await response.body.arrayBuffer()) };
  };
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';
    const path = url.split('?')[0]!;
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === 'string' && !['host', 'connection', 'content-length', 'transfer-encoding'].includes(name)) headers[name] = value;
    }
    const json = (status: number, value: unknown) => reply(res, { status, headers: { 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify(value)) });
    const parse = (buffer: Buffer): Record<string, unknown> | undefined => {
      try {
        const value = JSON.parse(buffer.toString('utf8'));
        return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
      } catch {
        return undefined;
      }
    };

    if (bug === 'patch-not-stored' && method === 'PATCH' && APP.test(path)) {
      const patch = parse(body);
      const valid = patch && (patch['status'] === undefined || patch['status'] === null) && patch['name'] !== '';
      if (valid) {
        // The target checks the app and bumps updated_at, then answers as if it stored the patch.
        const answer = await forward('PATCH', url, headers, Buffer.from('{}'));
        const app = parse(answer.body);
        if (answer.status !== 200 || !app) return reply(res, answer);
        for (const [key, value] of Object.entries(patch)) if (value !== null) app[key] = value;
        return json(200, app);
      }
    }
    if (bug === 'publish-noop' && method === 'POST' && PUBLISH.test(path)) {
      const current = await forward('GET', path.replace(/\/publish$/, ''), headers);
      const app = parse(current.body);
      const channels = app && Array.isArray(app['channels']) ? app['channels'] : [];
      if (current.status === 200 && app?.['status'] === 'draft' && channels.length > 0) return json(200, app);
    }
    if (bug === 'webhook-ignores-token' && method === 'POST' && WEBHOOK.test(path)) {
      const token = tokens.get(WEBHOOK.exec(path)![1]!);
      if (token !== undefined) {
        delete headers['authorization'];
        headers['x-everruns-webhook-token'] = token;
      }
    }
    const answer = await forward(method, url, headers, body);
    if (bug === 'runs-vanish' && method === 'GET' && RUNS.test(path) && answer.status === 200) {
      const list = parse(answer.body) ?? {};
      return json(200, { ...list, data: [], ...(list['buckets'] ? { buckets: [] } : {}) });
    }
    if (bug === 'webhook-ignores-token') learnTokens(tokens, method, path, parse(body), answer.status, parse(answer.body));
    if (bug === 'session-never-reused' && method === 'POST' && WEBHOOK.test(path) && answer.status === 202) {
      const invocation = parse(answer.body) ?? {};
      return json(202, { ...invocation, created_session: true, session_id: `session_${randomBytes(16).toString('hex')}` });
    }
    return reply(res, answer);
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.statusCode = 502;
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// The front remembers every channel's token as it passes by, so it can "forget" to check it.
function learnTokens(tokens: Map<string, string>, method: string, path: string, sent: Record<string, unknown> | undefined, status: number, body: Record<string, unknown> | undefined): void {
  const config = sent?.['channel_config'] as Record<string, unknown> | undefined;
  const token = typeof config?.['token'] === 'string' ? (config['token'] as string) : undefined;
  if (!token || status >= 300 || !body) return;
  if (method === 'POST' && path === '/v1/apps') {
    const first = Array.isArray(body['channels']) ? (body['channels'][0] as Record<string, unknown> | undefined) : undefined;
    if (typeof first?.['id'] === 'string') tokens.set(first['id'], token);
  } else if (method === 'POST' && path.endsWith('/channels') && typeof body['id'] === 'string') {
    tokens.set(body['id'], token);
  } else if (method === 'PATCH' && CHANNEL.test(path)) {
    tokens.set(CHANNEL.exec(path)![1]!, token);
  }
}

function reply(res: ServerResponse, answer: Upstream): void {
  const headers = { ...answer.headers };
  delete headers['content-length'];
  delete headers['transfer-encoding'];
  delete headers['connection'];
  delete headers['keep-alive'];
  res.writeHead(answer.status, headers);
  res.end(answer.body);
}

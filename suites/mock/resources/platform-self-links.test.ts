/**
 * The answers of the platform's document that no stored item backs (stateless ones, read-only
 * collections) and those of routes beside a collection name their resource on the origin the
 * client reached, and a client can follow them. The operations are the ones `conform` once found
 * linking to generated hosts.
 */
import { describe, expect, it } from 'vitest';
import { PLATFORM_DOCUMENT, serveDocument } from '../../helpers/serve.js';
import { call, loadDocument } from './serve.js';

const FORWARDED = { 'x-forwarded-host': 'edge.example.test', 'x-forwarded-proto': 'https' };

interface Linked {
  status: number;
  self: URL;
  id: unknown;
}

describe("self links of the platform's document", () => {
  it('point at the resource on the request origin, directly and through a forwarding host, and resolve', async () => {
    const server = await serveDocument(await loadDocument(PLATFORM_DOCUMENT));
    const origin = new URL(server.url).origin;
    const send = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Linked> => {
      const answer = await call(server.url, method, path, body, headers);
      expect(answer.status, `${method} ${path}: ${answer.text.slice(0, 300)}`).toBeLessThan(300);
      return { status: answer.status, self: new URL(answer.body.self_url), id: answer.body.id };
    };
    const follows = async (linked: Linked) => {
      const read = await call(server.url, 'GET', linked.self.pathname);
      expect(read.status, linked.self.href).toBe(200);
      expect(read.body.id, linked.self.href).toBe(linked.id);
    };
    const text = { 'content-type': 'text/plain' };
    const created = {
      import_agent: await send('POST', '/v1/agents/import', 'You are a helpful agent.', text),
      create_declarative_capability: await send('POST', '/v1/capabilities', { definition: { name: 'research_pack' } }),
      import_harness: await send('POST', '/v1/harnesses/import?from-example=data-analyst'),
      get_or_create_chat_session: await send('POST', '/v1/sessions/chat'),
      upload_skill: await send('POST', '/v1/skills/upload'),
    };
    const itemOf: Record<keyof typeof created, string> = {
      import_agent: '/v1/agents/',
      create_declarative_capability: '/v1/capabilities/declarative/',
      import_harness: '/v1/harnesses/',
      get_or_create_chat_session: '/v1/sessions/',
      upload_skill: '/v1/skills/',
    };
    for (const [operation, linked] of Object.entries(created) as Array<[keyof typeof created, Linked]>) {
      expect(linked.self.origin, operation).toBe(origin);
      expect(linked.self.pathname.startsWith(itemOf[operation]), `${operation}: ${linked.self.href}`).toBe(true);
      await follows(linked);
    }
    // The get-or-create hands out its one session again.
    expect((await send('POST', '/v1/sessions/chat')).id).toBe(created.get_or_create_chat_session.id);

    const declarative = created.create_declarative_capability.self.pathname;
    const onItems = [
      ['GET', declarative, undefined],
      ['PATCH', declarative, {}],
      ['GET', '/v1/models/model_01933b5a00007000800000000000001', undefined],
      ['PATCH', '/v1/models/model_01933b5a00007000800000000000001', {}],
    ] as const;
    for (const [method, path, body] of onItems) {
      const linked = await send(method, path, body);
      expect(linked.self.href, `${method} ${path}`).toBe(origin + path);
      await follows(linked);
      const forwarded = await send(method, path, body, FORWARDED);
      expect(forwarded.self.href, `${method} ${path} forwarded`).toBe(`https://edge.example.test${path}`);
    }
    const imported = await send('POST', '/v1/agents/import', 'Another agent.', { ...text, ...FORWARDED });
    expect(imported.self.href).toBe(`https://edge.example.test/v1/agents/${imported.id}`);
  }, 60_000);
});

import { describe, expect, it } from 'vitest';
import type { HttpClient } from '../../../../src/transport/index.js';
import { CreatedResources } from '../../../../src/conformance/run/created-resources.js';
import { apps } from '../fixture.js';

/** A client that answers DELETEs with the statuses given, in order, and records what it was sent. */
function client(statuses: number[]): HttpClient & { sent: string[] } {
  const sent: string[] = [];
  return {
    sent,
    send: async (request) => {
      sent.push(`${request.method} ${request.url} ${request.headers.authorization ?? ''}`.trim());
      return { status: statuses.shift() ?? 204, headers: {}, body: Buffer.alloc(0), elapsedMs: 0, retries: 0 };
    },
    close: async () => {},
  } as HttpClient & { sent: string[] };
}

describe('CreatedResources', () => {
  it('notes creates (a 2xx POST to a collection with an item DELETE) and paths, and DELETEs them newest first, once each', async () => {
    const { spec, op } = await apps();
    const created = new CreatedResources();
    const id = (n: number) => `app_0193a3b5c0de700080000000000000${String(n).padStart(2, '0')}`;
    created.noteAnswer(spec, op('create_app'), 201, { id: id(1) }, {});
    created.noteAnswer(spec, op('create_app'), 400, { id: id(2) }, {});
    created.noteAnswer(spec, op('get_app'), 200, { id: id(3) }, {});
    created.notePath(`/v1/apps/${id(4)}`);
    created.notePath(`/v1/apps/${id(1)}`);
    const http = client([204, 500]);
    const result = await created.archiveAll({ baseUrl: 'http://t', client: http, credentials: { authorization: 'Bearer k' } });
    expect(http.sent).toEqual([`DELETE http://t/v1/apps/${id(1)} Bearer k`, `DELETE http://t/v1/apps/${id(4)} Bearer k`]);
    expect(result).toEqual({ archived: 1, failed: 1 });
  });

  it('counts what is already gone (404, 410) as cleaned up, other refusals and transport failures as failed', async () => {
    const created = new CreatedResources();
    for (const n of [1, 2, 3, 4]) created.notePath(`/v1/agents/agent_${n}`);
    const http = client([404, 410, 409, 204]);
    expect(await created.archiveAll({ baseUrl: 'http://t', client: http, credentials: {} })).toEqual({ archived: 3, failed: 1 });
    expect(http.sent).toEqual(['DELETE http://t/v1/agents/agent_4', 'DELETE http://t/v1/agents/agent_3', 'DELETE http://t/v1/agents/agent_2', 'DELETE http://t/v1/agents/agent_1']);
  });
});

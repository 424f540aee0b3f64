import { describe, expect, it } from 'vitest';
import { json, platformSpec, specOf } from './documents.js';
import { bodyOf, harness, ORIGIN } from './fake-env.js';

function agents(count: number) {
  const h = harness(platformSpec());
  const ids: string[] = [];
  for (let index = 0; index < count; index++) {
    ids.push(bodyOf(h.call('create_agent', { body: { name: `agent ${index}`, status: index % 2 === 0 ? 'active' : 'archived', description: index === 3 ? 'The Needle' : 'hay' } })).id);
  }
  return { ...h, ids };
}

const names = (body: any, member = 'data') => body[member].map((item: any) => item.name);

describe('lists: offset pagination', () => {
  it('pages oldest first, with the declared default and maximum size, and links to its neighbours', () => {
    const { call } = agents(5);
    const first = bodyOf(call('list_agents'));
    expect(first).toMatchObject({ total: 5, offset: 0, limit: 2, next_url: `${ORIGIN}/v1/agents?offset=2&limit=2` });
    expect(names(first)).toEqual(['agent 0', 'agent 1']);
    // A size above the declared maximum (3) is capped.
    const capped = bodyOf(call('list_agents', { query: new URLSearchParams('limit=50&offset=3') }));
    expect(names(capped)).toEqual(['agent 3', 'agent 4']);
    expect(capped).toMatchObject({ offset: 3, limit: 3, next_url: null });
    expect(names(bodyOf(call('list_agents', { query: { offset: '9' } })))).toEqual([]);
  });

  it('filters on an equal member and on a case-insensitive search before paging', () => {
    const { call } = agents(5);
    const active = bodyOf(call('list_agents', { query: { status: 'active', limit: '3' } }));
    expect(names(active)).toEqual(['agent 0', 'agent 2', 'agent 4']);
    expect(active.total).toBe(3);
    expect(names(bodyOf(call('list_agents', { query: new URLSearchParams('status=active&status=archived&limit=3') })))).toHaveLength(3);
    // A value outside the member's enum is no filter (GitHub's `state=all`).
    expect(bodyOf(call('list_agents', { query: { status: 'all' } })).total).toBe(5);
    expect(names(bodyOf(call('list_agents', { query: { search: 'needle' } })))).toEqual(['agent 3']);
    // A parameter that names no member (`include_archived`) filters nothing.
    expect(bodyOf(call('list_agents', { query: { include_archived: 'false' } })).total).toBe(5);
  });

  it('never lists a deleted item, nor an item of another parent', () => {
    const { call, ids } = agents(3);
    call('delete_agent', { params: { agent_id: ids[1]! } });
    expect(names(bodyOf(call('list_agents', { query: { limit: '3' } })))).toEqual(['agent 0', 'agent 2']);
  });
});

describe('lists: cursor pagination', () => {
  it('follows next_cursor to the end, unaffected by deletions, and gives a foreign cursor an empty page', () => {
    const { call } = harness(platformSpec());
    const session = bodyOf(call('create_session', { body: {} })).id;
    const params = { session_id: session };
    for (const text of ['a', 'b', 'c', 'd', 'e']) call('create_message', { params, body: { text } });
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page++) {
      const body = bodyOf(call('list_messages', { params, query: { limit: '2', ...(cursor ? { cursor } : {}) } }));
      seen.push(...body.items.map((item: any) => item.text));
      expect(body.has_more).toBe(body.next_cursor !== null);
      if (!body.has_more) break;
      cursor = body.next_cursor;
    }
    expect(seen).toEqual(['a', 'b', 'c', 'd', 'e']);
    const first = bodyOf(call('list_messages', { params, query: { limit: '2' } }));
    expect(bodyOf(call('list_messages', { params, query: { limit: '2', cursor: first.next_cursor } })).items.map((item: any) => item.text)).toEqual(['c', 'd']);
    expect(bodyOf(call('list_messages', { params, query: { cursor: 'not-ours' } }))).toEqual({ items: [], has_more: false, next_cursor: null });
  });
});

describe('lists: page pagination and bare arrays', () => {
  const item = { type: 'object', properties: { id: { type: 'integer' }, title: { type: 'string' } } };
  const spec = specOf({
    '/issues': {
      get: {
        operationId: 'list_issues',
        parameters: [
          { name: 'page', in: 'query', schema: { type: 'integer', default: 1 } },
          { name: 'per_page', in: 'query', schema: { type: 'integer', default: 2, maximum: 100 } },
        ],
        responses: { '200': json({ type: 'array', items: item }) },
      },
      post: { operationId: 'create_issue', responses: { '201': json(item) } },
    },
    '/issues/{issue_number}': { get: { responses: { '200': json(item) } } },
  });

  it('numbers pages from 1 and answers a bare array', () => {
    const { call } = harness(spec);
    for (const title of ['one', 'two', 'three']) call('create_issue', { body: { title } });
    const titles = (query: Record<string, string>) => bodyOf(call('list_issues', { query })).map((issue: any) => issue.title);
    expect(titles({})).toEqual(['one', 'two']);
    expect(titles({ page: '2' })).toEqual(['three']);
    expect(titles({ page: '0' })).toEqual(['one', 'two']);
    expect(titles({ per_page: '3' })).toEqual(['one', 'two', 'three']);
    expect(titles({ page: '5' })).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { linksResolve } from '../../../../src/conformance/checks/links-resolve.js';
import { DeletedPaths } from '../../../../src/conformance/run/deleted-paths.js';
import { app, apps, context, exchange } from '../fixture.js';

describe('DeletedPaths', () => {
  it('covers the paths the run sent a DELETE to and everything below them, nothing else', () => {
    const deleted = new DeletedPaths();
    deleted.note('/v1/agents/agent_1/');
    expect(deleted.covers('/v1/agents/agent_1')).toBe(true);
    expect(deleted.covers('/v1/agents/agent_1/versions/v_2')).toBe(true);
    expect(deleted.covers('/v1/agents/agent_10')).toBe(false);
    expect(deleted.covers('/v1/agents')).toBe(false);
    expect(new DeletedPaths().covers('/v1/agents/agent_1')).toBe(false);
  });
});

describe('links_resolve while the run deletes concurrently', () => {
  it('blames no one for a self_url the run itself deleted, and still reports one it did not', async () => {
    const { op } = await apps();
    const deleted = new DeletedPaths();
    const base = await context();
    const ctx = { ...base, deletedByRun: (path: string) => deleted.covers(path) };
    const body = app();
    expect(await linksResolve.run(exchange(op('get_app'), { status: 200, json: body }), ctx)).toHaveLength(1);
    deleted.note(new URL(String(body.self_url)).pathname);
    expect(await linksResolve.run(exchange(op('get_app'), { status: 200, json: body }), ctx)).toEqual([]);
  });
});

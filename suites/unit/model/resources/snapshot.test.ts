import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../../src/core/index.js';
import { createResourceModel, type ResourceSnapshot } from '../../../../src/model/resources/index.js';
import { platformSpec } from './documents.js';
import { bodyOf, caller, fakeEnv, harness } from './fake-env.js';

function populated() {
  const h = harness(platformSpec());
  const agent = bodyOf(h.call('create_agent', { body: { name: 'a', secret: 'x' } }));
  h.call('create_agent', { body: { name: 'b' } });
  const session = bodyOf(h.call('create_session', { body: { title: 's' } }));
  const message = bodyOf(h.call('create_message', { params: { session_id: session.id }, body: { text: 'hi' } }));
  return { ...h, agent, session, message };
}

describe('resource snapshots', () => {
  it('round-trips through JSON into a model that answers exactly as the original', () => {
    const { model, map, agent, session } = populated();
    const snapshot = JSON.parse(JSON.stringify(model.exportSnapshot())) as ResourceSnapshot;
    expect(snapshot.version).toBe(1);
    expect(snapshot.records.map((record) => [record.collection, record.seq])).toEqual([
      ['agents', 1],
      ['agents', 2],
      ['sessions', 3],
      ['messages', 4],
    ]);
    const spec = platformSpec();
    const restored = caller(spec, createResourceModel(map, fakeEnv(), snapshot));
    const original = caller(spec, model);
    for (const [operationId, params] of [
      ['list_agents', {}],
      ['get_agent', { agent_id: agent.id }],
      ['list_messages', { session_id: session.id }],
    ] as const) {
      expect(restored(operationId, { params })).toEqual(original(operationId, { params }));
    }
    // New items continue after the restored ones, in order.
    bodyOf(restored('create_agent', { body: { name: 'c' } }));
    expect(bodyOf(restored('list_agents', { query: { limit: '3' } })).data.map((item: any) => item.name)).toEqual(['a', 'b', 'c']);
    expect(createResourceModel(map, fakeEnv(), snapshot).exportSnapshot()).toEqual(snapshot);
  });

  it('exports a copy, and copies the snapshot it restores', () => {
    const { model, map, agent } = populated();
    const snapshot = model.exportSnapshot();
    (snapshot.records[0]!.representation as any).name = 'tampered';
    expect(model.find('agents', agent.id)!.representation).toMatchObject({ name: 'a' });
    const fresh = model.exportSnapshot();
    const restored = createResourceModel(map, fakeEnv(), fresh);
    (fresh.records[0]!.representation as any).name = 'tampered';
    expect(restored.find('agents', agent.id)!.representation).toMatchObject({ name: 'a' });
    expect(model.find('agents', 'missing')).toBeUndefined();
    expect(model.find('nope', agent.id)).toBeUndefined();
  });

  const cases: Array<[string, (snapshot: any) => void, RegExp]> = [
    ['a wrong version', (s) => (s.version = 2), /version 1 and a records array/],
    ['records that are not a list', (s) => (s.records = {}), /records array/],
    ['a record that is not an object', (s) => (s.records[0] = 'x'), /record 0 is not an object/],
    ['an unknown collection', (s) => (s.records[1].collection = 'robots'), /record 1 \(robots "agent_[0-9a-f]+"\) names no collection of the map \("robots"\)/],
    ['an empty id', (s) => (s.records[0].id = ''), /record 0 \(agents ""\) has no id/],
    ['wrong parents', (s) => (s.records[3].parents = {}), /record 3 \(messages "[^"]+"\) must have string parents for exactly session_id/],
    ['a parent id that is not a string', (s) => (s.records[3].parents = { session_id: 7 }), /must have string parents/],
    ['no written fields', (s) => delete s.records[0].written, /record 0 \(agents "agent_[0-9a-f]+"\) has no written object/],
    ['no representation', (s) => delete s.records[0].representation, /has no representation/],
    ['a bad timestamp', (s) => (s.records[0].updated_at = 'yesterday'), /has no valid updated_at/],
    ['a bad seq', (s) => (s.records[0].seq = 0), /has no seq/],
    ['a repeated seq', (s) => (s.records[1].seq = 1), /record 1 .* repeats the seq 1 of record 0/],
    ['a repeated record', (s) => (s.records[1].id = s.records[0].id), /record 1 .* repeats record 0/],
    ['an orphan', (s) => s.records.splice(2, 1), /record 2 \(messages .*\) its parent sessions "[^"]+" is not in the snapshot/],
  ];

  it.each(cases)('refuses %s with a UsageError naming the record', (_, breakIt, message) => {
    const { model, map } = populated();
    const snapshot = model.exportSnapshot();
    breakIt(snapshot);
    expect(() => createResourceModel(map, fakeEnv(), snapshot)).toThrow(UsageError);
    expect(() => createResourceModel(map, fakeEnv(), snapshot)).toThrow(message);
  });

  it('refuses a record of a read-only collection, and an integer id written another way', () => {
    const { map } = populated();
    const readOnly = { ...map, collections: map.collections.map((entry) => (entry.name === 'agents' ? { ...entry, writable: false } : entry)) };
    const record = { collection: 'agents', id: 'a', parents: {}, written: {}, representation: {}, created_at: '2025-01-01T00:00:00Z', updated_at: '2025-01-01T00:00:00Z', seq: 1 };
    expect(() => createResourceModel(readOnly, fakeEnv(), { version: 1, records: [record] })).toThrow(/read-only and holds no records/);
    const integer = { ...map, collections: map.collections.map((entry) => (entry.name === 'agents' ? { ...entry, id: { ...entry.id, format: { kind: 'integer' as const, minimum: 1, maximum: 9 } } } : entry)) };
    expect(() => createResourceModel(integer, fakeEnv(), { version: 1, records: [{ ...record, id: '007' }] })).toThrow(/must write its integer id as 7/);
  });
});

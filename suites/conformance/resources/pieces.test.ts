/** The pure pieces of the generic sequences: reading a list page, holding a body to what was written, the registry. */
import { describe, expect, it } from 'vitest';
import { APPS_STATEFUL_CHECKS } from '../../../src/conformance/apps/index.js';
import { firstPageQuery, readListPage } from '../../../src/conformance/resources/list-page.js';
import { writtenMismatches } from '../../../src/conformance/resources/written-fields.js';
import { STATEFUL_CHECKS, statefulCheck } from '../../../src/conformance/stateful/index.js';
import { inferResources, type ResourceCollection } from '../../../src/model/resources/index.js';
import { SpecValidator } from '../../../src/validation/index.js';
import { inlineSpec } from '../../helpers/inline-spec.js';
import { WIDGETS_DOCUMENT } from './widgets.js';

async function widgets() {
  const spec = await inlineSpec(WIDGETS_DOCUMENT);
  const map = inferResources(spec);
  const byName = (name: string) => map.collections.find((collection) => collection.name === name)!;
  return { spec, validator: new SpecValidator(spec), widgets: byName('widgets'), parts: byName('parts') };
}

const page = (ids: string[]) => ({ data: ids.map((id) => ({ id })), total: 9 });

describe('a list walk, page by page', () => {
  it('asks for the largest page the document allows and follows offsets until a short page', async () => {
    const { widgets: collection } = await widgets();
    const first = firstPageQuery(collection.list);
    expect(first.toString()).toBe('limit=5');
    const one = readListPage(collection, first, page(['a', 'b', 'c', 'd', 'e']));
    expect(one).toMatchObject({ ids: ['a', 'b', 'c', 'd', 'e'], first: true });
    expect(one.next?.toString()).toBe('limit=5&offset=5');
    const two = readListPage(collection, one.next!, page(['f']));
    expect(two).toMatchObject({ ids: ['f'], first: false, next: undefined });
    expect(readListPage(collection, first, page([])).next).toBeUndefined();
  });

  it('reads a bare array as one page, and holds nothing to a body without a list of ids', async () => {
    const { parts } = await widgets();
    expect(readListPage(parts, new URLSearchParams(), [{ id: 'p1' }, { id: 2 }])).toMatchObject({ ids: ['p1', '2'], first: true, next: undefined });
    expect(readListPage(parts, new URLSearchParams(), { not: 'a list' }).ids).toBeUndefined();
  });
});

describe('what was written, read back', () => {
  const hold = async (written: Record<string, unknown>, received: Record<string, unknown>, writer: 'create' | 'update' = 'create') => {
    const { widgets: collection, validator } = await widgets();
    const schemaPointer = collection.roles.read!.schemaPointer;
    return writtenMismatches({ collection: collection as ResourceCollection, id: 'w1', written, writer: () => writer, schemaPointer }, received, validator, 'get_widget');
  };

  it('names the field that does not read back, under the check of whoever wrote it last', async () => {
    expect(await hold({ name: 'A', size: 3 }, { id: 'w1', name: 'A', size: 4 })).toEqual([
      expect.objectContaining({ check: 'read_your_writes', key: 'field:size', expected: '3', received: '4' }),
    ]);
    expect((await hold({ size: 3 }, { size: 5 }, 'update'))[0]).toMatchObject({ check: 'update_visible', key: 'field:size' });
  });

  it('leaves alone server-owned and undeclared fields, and what the answer schema could not hold as written', async () => {
    expect(await hold({ id: 'forged', created_at: 'then', extra: 1, name: 'A' }, { id: 'w1', created_at: 'now', name: 'A' })).toEqual([]);
    // `color` must be one of the enum's values: a written value the schema refuses is no broken read.
    expect(await hold({ color: 'purple' }, { color: 'red' })).toEqual([]);
  });

  it('reads an object back when every member written does, secrets aside at any depth', async () => {
    const { validator } = await widgets();
    const collection = { ...(await widgets()).widgets, item: { ...(await widgets()).widgets.item, fields: ['config'] } } as ResourceCollection;
    const mismatches = (written: unknown, received: unknown) =>
      writtenMismatches({ collection, id: 'w1', written: { config: written }, writer: () => 'create', schemaPointer: undefined }, { config: received }, validator, 'x');
    expect(mismatches({ a: 1, token: 'written-secret' }, { a: 1, b: 2, token: 'other' })).toEqual([]);
    expect(mismatches({ a: 1 }, { a: 2 })).toHaveLength(1);
    expect(mismatches([1, 2], [1, 2, 3])).toHaveLength(1);
  });
});

describe('the registry of stateful checks', () => {
  it('names every generic check once, with a description, and the Apps sequences share read_your_writes', () => {
    const names = STATEFUL_CHECKS.map((check) => check.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(['ensure_resource_availability', 'read_your_writes', 'update_visible', 'use_after_free', 'list_consistent', 'ids_stable', 'no_orphans']);
    for (const check of STATEFUL_CHECKS) expect(check.description.length).toBeGreaterThan(20);
    expect(APPS_STATEFUL_CHECKS[0]).toBe(statefulCheck('read_your_writes'));
    expect(APPS_STATEFUL_CHECKS.filter((check) => names.includes(check.name as never)).map((check) => check.name)).toEqual(['read_your_writes']);
  });
});

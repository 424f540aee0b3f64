import { UsageError } from '../../core/index.js';
import { isObject } from './merge-patch.js';
import type { ResourceRecord, ResourceSnapshot } from './model-types.js';
import { normaliseId } from './scope.js';
import { recordKey, ResourceStore } from './store.js';
import type { ResourceCollection, ResourceMap } from './types.js';

/**
 * Rebuilds a store from a snapshot after checking every record, so a bad one is refused at load
 * with its position and name rather than turning into a 500 later. Only writable collections hold
 * records, every parent must be in the snapshot too, and keys and `seq`s must be unique.
 */
export function restoreStore(collections: ReadonlyMap<string, ResourceCollection>, snapshot: ResourceSnapshot): ResourceStore {
  if (!isObject(snapshot) || snapshot.version !== 1 || !Array.isArray(snapshot.records)) {
    throw new UsageError('A resource snapshot must be an object with version 1 and a records array.');
  }
  const records = structuredClone(snapshot.records as unknown[]).map((raw, index) => checkRecord(collections, raw, index));
  const keys = new Map<string, number>();
  const seqs = new Map<number, number>();
  records.forEach((record, index) => {
    const collection = collections.get(record.collection)!;
    const key = keyOf(collection, record);
    if (keys.has(key)) fail(index, record, `repeats record ${keys.get(key)} (same collection, parents and id)`);
    if (seqs.has(record.seq)) fail(index, record, `repeats the seq ${record.seq} of record ${seqs.get(record.seq)}`);
    keys.set(key, index);
    seqs.set(record.seq, index);
  });
  records.forEach((record, index) => {
    const collection = collections.get(record.collection)!;
    const values = collection.scope.map((name) => record.parents[name]!);
    for (const link of collection.ancestors) {
      const ancestor = collections.get(link.collection);
      if (!ancestor?.writable) continue;
      const key = recordKey(ancestor.name, values.slice(0, ancestor.scope.length), values[ancestor.scope.length] ?? '');
      if (!keys.has(key))
        fail(index, record, `its parent ${ancestor.name} ${JSON.stringify(values[ancestor.scope.length])} is not in the snapshot`);
    }
  });
  return ResourceStore.fromRecords(records, (record) => keyOf(collections.get(record.collection)!, record));
}

function keyOf(collection: ResourceCollection, record: ResourceRecord): string {
  return recordKey(
    collection.name,
    collection.scope.map((name) => record.parents[name]!),
    record.id,
  );
}

function checkRecord(collections: ReadonlyMap<string, ResourceCollection>, raw: unknown, index: number): ResourceRecord {
  if (!isObject(raw)) throw new UsageError(`Resource snapshot record ${index} is not an object.`);
  const record = raw as unknown as ResourceRecord;
  const collection = typeof record.collection === 'string' ? collections.get(record.collection) : undefined;
  if (!collection) fail(index, record, `names no collection of the map (${JSON.stringify(record.collection)})`);
  if (!collection.writable) fail(index, record, `belongs to ${collection.name}, which is read-only and holds no records`);
  if (typeof record.id !== 'string' || record.id === '') fail(index, record, 'has no id (a non-empty string)');
  if (normaliseId(collection, record.id) !== record.id)
    fail(index, record, `must write its integer id as ${normaliseId(collection, record.id)}`);
  if (!isObject(record.parents)) fail(index, record, 'has no parents object');
  const expected = [...collection.scope].sort().join(',');
  const actual = Object.keys(record.parents).sort().join(',');
  if (expected !== actual || Object.values(record.parents).some((value) => typeof value !== 'string')) {
    fail(
      index,
      record,
      `must have string parents for exactly ${collection.scope.length === 0 ? 'no parameters' : collection.scope.join(', ')}`,
    );
  }
  if (!isObject(record.written)) fail(index, record, 'has no written object');
  if (!('representation' in record)) fail(index, record, 'has no representation');
  for (const field of ['created_at', 'updated_at'] as const) {
    if (typeof record[field] !== 'string' || Number.isNaN(Date.parse(record[field])))
      fail(index, record, `has no valid ${field} (an ISO 8601 instant)`);
  }
  if (!Number.isSafeInteger(record.seq) || record.seq < 1) fail(index, record, 'has no seq (a positive integer)');
  if (record.madeBy !== undefined && (typeof record.madeBy !== 'string' || record.madeBy === '')) fail(index, record, 'has a madeBy that is no route ("POST /path")');
  return record;
}

function fail(index: number, record: Partial<ResourceRecord>, detail: string): never {
  const name =
    typeof record.collection === 'string' && typeof record.id === 'string' ? ` (${record.collection} ${JSON.stringify(record.id)})` : '';
  throw new UsageError(`Resource snapshot record ${index}${name} ${detail}.`);
}

/**
 * The records of a snapshot that still fit a map (a reloaded document's): those of a writable
 * collection it still has, under the same item path, whose parents are kept too. Records are
 * oldest first, so a parent comes before its children.
 */
export function recordsThatFit(map: ResourceMap, snapshot: ResourceSnapshot, previousMap: ResourceMap): ResourceSnapshot {
  const collections = new Map(map.collections.map((collection) => [collection.name, collection]));
  const previous = new Map(previousMap.collections.map((collection) => [collection.name, collection]));
  const kept = new Set<string>();
  const records: ResourceRecord[] = [];
  for (const record of snapshot.records) {
    const collection = collections.get(record.collection);
    if (!collection?.writable || collection.itemPath !== previous.get(record.collection)?.itemPath) continue;
    const values = collection.scope.map((name) => record.parents[name] ?? '');
    const orphan = collection.ancestors.some((link) => {
      const ancestor = collections.get(link.collection);
      if (!ancestor?.writable) return false;
      return !kept.has(recordKey(ancestor.name, values.slice(0, ancestor.scope.length), values[ancestor.scope.length] ?? ''));
    });
    if (orphan) continue;
    kept.add(keyOf(collection, record));
    records.push(record);
  }
  return { version: 1, records };
}

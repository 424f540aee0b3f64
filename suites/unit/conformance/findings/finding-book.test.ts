import { describe, expect, it } from 'vitest';
import { FindingBook, findingKey } from '../../../../src/conformance/findings/finding-book.js';
import type { Finding, ReportedFinding } from '../../../../src/conformance/findings/finding.js';

const finding = (key: string): Finding => ({
  check: 'c',
  severity: 'error',
  operation: 'op',
  title: 't',
  expected: 'e',
  received: 'r',
  key,
  evidence: [],
});

describe('FindingBook', () => {
  it('keeps the first finding of a cause, announces it once and counts the rest', () => {
    const announced: ReportedFinding[] = [];
    const book = new FindingBook((entry) => announced.push(entry));
    expect(book.record(finding('a'), { seed: 1, path: 'p' })).toMatchObject({ key: 'a', count: 1, replay: { seed: 1, path: 'p' } });
    expect(book.record(finding('a'))).toBeUndefined();
    book.bump(finding('a'));
    book.recordAll([finding('b')]);
    expect(book.all().map((f) => [f.key, f.count])).toEqual([
      ['a', 3],
      ['b', 1],
    ]);
    expect(announced.map((f) => f.key)).toEqual(['a', 'b']);
    expect(findingKey(finding('a'))).not.toBe(findingKey(finding('b')));
  });

  it('holds deferred findings back, then records those not met since, once', () => {
    const book = new FindingBook();
    book.defer([finding('met'), finding('unmet'), finding('unmet')]);
    expect(book.all()).toEqual([]);
    book.record(finding('met'), { seed: 2, path: 'shrunk' });
    book.flushDeferred();
    // The set-up's sighting of a cause generation met too is counted; the shrunk replay stays.
    expect(book.all().map((f) => [f.key, f.count, f.replay?.path])).toEqual([
      ['met', 2, 'shrunk'],
      ['unmet', 2, undefined],
    ]);
    book.flushDeferred();
    expect(book.all()).toHaveLength(2);
  });

  it('keeps the replay a deferred finding was seen with', () => {
    const book = new FindingBook();
    book.defer([finding('probe')], { seed: 3, path: 'get_app:auth:0:0' });
    book.flushDeferred();
    expect(book.all()[0]!.replay).toEqual({ seed: 3, path: 'get_app:auth:0:0' });
  });

  it('groups an api-wide cause across operations: one finding, its count, its operations, a few examples', () => {
    const announced: ReportedFinding[] = [];
    const book = new FindingBook((entry) => announced.push(entry));
    const on = (operation: string): Finding => ({ ...finding('media'), scope: 'api', operation, evidence: [] });
    const withEvidence = (operation: string): Finding => ({ ...on(operation), evidence: [{} as Finding['evidence'][number]] });
    book.record(withEvidence('get_app'), { seed: 1, path: 'get_app:negative:0:1' });
    for (const operation of ['list_apps', 'create_app', 'update_app', 'publish_app', 'delete_app']) {
      book.bump(withEvidence(operation), { seed: 1, path: `${operation}:negative:0:4` });
    }
    book.record(on('get_app'));
    book.record({ ...finding('media'), operation: 'get_app' });
    const [grouped, perOperation] = book.all();
    expect(announced).toHaveLength(2);
    expect(grouped).toMatchObject({
      count: 7,
      operations: ['get_app', 'list_apps', 'create_app', 'update_app', 'publish_app', 'delete_app'],
    });
    expect(grouped!.occurrences.map((o) => [o.operation, o.replay?.path])).toEqual([
      ['list_apps', 'list_apps:negative:0:4'],
      ['create_app', 'create_app:negative:0:4'],
      ['update_app', 'update_app:negative:0:4'],
    ]);
    // The same key without the api scope is a cause of its own operation.
    expect(perOperation).toMatchObject({ operation: 'get_app', count: 1, operations: ['get_app'] });
    expect(findingKey(on('a'))).toBe(findingKey(on('b')));
    expect(findingKey(finding('x'))).not.toBe(findingKey({ ...finding('x'), operation: 'other' }));
  });
});

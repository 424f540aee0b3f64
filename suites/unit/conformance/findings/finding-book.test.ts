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
    expect(book.all().map((f) => [f.key, f.count, f.replay?.path])).toEqual([
      ['met', 1, 'shrunk'],
      ['unmet', 2, undefined],
    ]);
    book.flushDeferred();
    expect(book.all()).toHaveLength(2);
  });
});

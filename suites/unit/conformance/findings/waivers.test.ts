import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import type { ReportedFinding } from '../../../../src/conformance/findings/finding.js';
import { applyWaivers, checkWaiverNames, readWaivers } from '../../../../src/conformance/findings/waivers.js';
import { UsageError } from '../../../../src/core/index.js';

const finding = (check: string, key: string, operations: string[]): ReportedFinding => ({
  check,
  severity: 'error',
  operation: operations[0]!,
  operations,
  occurrences: [],
  title: 't',
  expected: 'e',
  received: 'r',
  key,
  count: 1,
  evidence: [],
});

describe('readWaivers', () => {
  it('reads a list or { waivers }, from JSON or YAML, an unquoted YAML date included', () => {
    const yaml = load(
      'waivers:\n  - check: links_resolve\n    operation: "*"\n    reason: gateway rewrites links\n    expires: 2027-03-01\n',
    );
    expect(readWaivers(yaml, 'w.yaml')).toEqual([{ check: 'links_resolve', reason: 'gateway rewrites links', expires: '2027-03-01' }]);
    const json = [{ check: 'ignored_auth', operation: 'get_app', key: 'a missing API key', reason: 'public read', expires: '2027-01-01' }];
    expect(readWaivers(json, 'w.json')).toEqual(json);
  });

  it('refuses, naming the entry and field, whatever would waive nothing or forever', () => {
    const cases: Array<[unknown, RegExp]> = [
      [{ nope: [] }, /expected a list of waivers/],
      [[7], /waiver 1 is not an object/],
      [[{ check: 'c', reason: 'r' }], /waiver 1 needs "expires" as a date/],
      [[{ check: 'c', reason: 'r', expires: '2027-02-30' }], /needs "expires" as a date/],
      [[{ check: 'c', reason: '  ', expires: '2027-02-01' }], /needs a non-empty "reason"/],
      [[{ check: 'c', reason: 'r', expires: '2027-02-01', until: 'x' }], /unknown field until/],
    ];
    for (const [value, message] of cases) {
      expect(() => readWaivers(value, 'w.yaml')).toThrow(UsageError);
      expect(() => readWaivers(value, 'w.yaml')).toThrow(message);
    }
    expect(() => checkWaiverNames([{ check: 'nope', reason: 'r', expires: '2027-01-01' }], ['links_resolve'])).toThrow(
      /unknown check nope; valid checks: links_resolve/,
    );
  });
});

describe('applyWaivers', () => {
  it('waives by check, operation (any it was seen on) and key, through the day it expires', () => {
    const findings = [
      finding('links_resolve', 'foreign-origin', ['list_apps', 'get_app']),
      finding('ignored_auth', 'x', ['get_app']),
      finding('links_resolve', 'id', ['get_app']),
    ];
    const statuses = applyWaivers(
      findings,
      [
        { check: 'links_resolve', operation: 'get_app', key: 'foreign-origin', reason: 'gateway', expires: '2027-01-31' },
        { check: 'ignored_auth', reason: 'old', expires: '2027-01-30' },
        { check: 'status_code_conformance', reason: 'gone', expires: '2027-12-31' },
      ],
      '2027-01-31',
    );
    expect(findings.map((f) => f.waived?.reason)).toEqual(['gateway', undefined, undefined]);
    expect(statuses.map((s) => [s.check, s.state, s.matched])).toEqual([
      ['links_resolve', 'active', 1],
      ['ignored_auth', 'expired', 0],
      ['status_code_conformance', 'active', 0],
    ]);
  });
});

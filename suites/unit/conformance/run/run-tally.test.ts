import { describe, expect, it } from 'vitest';
import { RunTally } from '../../../../src/conformance/run/run-tally.js';

describe('RunTally', () => {
  it('counts requests and each check’s passed and failed exchanges, in the order the checks were named', () => {
    const tally = new RunTally(['a', 'b']);
    tally.countRequests();
    tally.countRequests(4);
    tally.count('b', true);
    tally.count('a', false);
    tally.count('c', false);
    tally.set({ check: 'd', passed: 1, failed: 0 });
    expect(tally.requests).toBe(5);
    expect(tally.all()).toEqual([
      { check: 'a', passed: 1, failed: 0 },
      { check: 'b', passed: 0, failed: 1 },
      { check: 'c', passed: 1, failed: 0 },
      { check: 'd', passed: 1, failed: 0 },
    ]);
  });

  it('hands out copies, so a reader cannot change the counts', () => {
    const tally = new RunTally(['a']);
    tally.of('a')!.passed = 99;
    tally.all()[0]!.failed = 99;
    expect(tally.of('a')).toEqual({ check: 'a', passed: 0, failed: 0 });
  });

  it('counts an exchange with only document warnings as warned, neither passed nor failed', () => {
    const tally = new RunTally(['a']);
    tally.count('a', false, true);
    tally.count('a', true, true);
    tally.count('a', false);
    expect(tally.of('a')).toEqual({ check: 'a', passed: 1, failed: 1, warned: 1 });
  });
});

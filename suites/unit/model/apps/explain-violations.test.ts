import { describe, expect, it } from 'vitest';
import { explainViolations } from '../../../../src/model/apps/explain-violations.js';

describe('explainViolations', () => {
  it('replaces a pattern message on a body id with what is wrong, and ranks it first', () => {
    const violations = [
      { pointer: '#/body/name', detail: 'name must be string' },
      { pointer: '#/body/harness_id', detail: 'harness_id must match pattern "^harness_[0-9a-f]{32}$"' },
    ];
    const explained = explainViolations(violations, { name: 1, harness_id: 'harness_01933b5a00007000800000000000001' });
    expect(explained[0]!.pointer).toBe('#/body/harness_id');
    expect(explained[0]!.detail).toMatch(/32 lowercase hex digits; got 31/);
    expect(explained[1]).toEqual(violations[0]);
  });

  it('leaves violations of other fields and of non-object bodies alone', () => {
    const violations = [{ pointer: '#/body/agent_id', detail: 'agent_id must be string,null' }];
    expect(explainViolations(violations, [1, 2])).toEqual(violations);
    expect(explainViolations(violations, { agent_id: 'agent_0193a3b5c0de7000800000000000abcd' })).toEqual(violations);
  });
});

import { describe, expect, it } from 'vitest';
import { APPS_PROBLEM_RULES } from '../../../../src/conformance/apps/problem-rules.js';

const issues = (problem: Record<string, unknown>, status: number, headers: Record<string, string> = {}) =>
  APPS_PROBLEM_RULES.flatMap((rule) => rule(problem, { status, headers, body: Buffer.alloc(0) })).map((issue) => issue.key);

describe('the Apps problem rules', () => {
  it('hold allowed_actions rels to the closed vocabulary', () => {
    expect(issues({ allowed_actions: [{ rel: 'retry' }, { rel: 'get-existing' }] }, 404)).toEqual([]);
    expect(issues({ allowed_actions: [{ rel: 'retry' }, { rel: 'teleport' }, {}] }, 404)).toEqual(['rel:teleport', 'rel:undefined']);
  });

  it('allow retry_after_seconds only on 429 and 503, with a matching Retry-After', () => {
    expect(issues({ retry_after_seconds: 5 }, 400)).toEqual(['retry-after-status']);
    expect(issues({ retry_after_seconds: 5 }, 503)).toEqual(['retry-after-header']);
    expect(issues({ retry_after_seconds: 5 }, 429, { 'retry-after': '7' })).toEqual(['retry-after-header']);
    expect(issues({ retry_after_seconds: 5 }, 503, { 'retry-after': ' 5' })).toEqual([]);
    expect(issues({ retry_after_seconds: null }, 400)).toEqual([]);
  });
});

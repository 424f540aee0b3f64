import { describe, expect, it } from 'vitest';
import { describeMiss, similarity } from '../../../src/recording/index.js';

const shape = (method: string, path: string, query = '') => ({ method, path, query });

describe('similarity', () => {
  it('is 1 for the same request and ranks method, path and query in that order of weight', () => {
    const wanted = shape('GET', '/v1/apps/app_1/runs', 'window=1h');
    expect(similarity(wanted, wanted)).toBeCloseTo(1);
    const otherId = similarity(wanted, shape('GET', '/v1/apps/app_2/runs', 'window=1h'));
    const otherMethod = similarity(wanted, shape('POST', '/v1/apps/app_1/runs', 'window=1h'));
    const otherQuery = similarity(wanted, shape('GET', '/v1/apps/app_1/runs', 'groupBy=hour'));
    const unrelated = similarity(wanted, shape('DELETE', '/health'));
    expect(otherId).toBeGreaterThan(otherMethod);
    expect(otherQuery).toBeGreaterThan(otherMethod);
    expect(Math.min(otherId, otherMethod, otherQuery)).toBeGreaterThan(unrelated);
  });

  it('formats a miss with the suggestions and their scores', () => {
    expect(describeMiss(shape('get', '/x'), [{ method: 'GET', url: '/y', score: 0.5 }])).toBe('no recording matches GET /x; closest: GET /y (0.50)');
  });
});

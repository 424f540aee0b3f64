import { describe, expect, it } from 'vitest';
import { maxResponseTime } from '../../../../src/conformance/checks/max-response-time.js';
import { apps, context, exchange } from '../fixture.js';

describe('max_response_time', () => {
  it('flags an answer slower than the limit, once per operation, and passes one at the limit', async () => {
    const { op } = await apps();
    const limited = { ...(await context()), maxResponseTimeMs: 200 };
    const slow = { ...exchange(op('get_app'), { status: 200, json: {} }), elapsedMs: 250 };
    const [finding] = await maxResponseTime.run(slow, limited);
    expect(finding).toMatchObject({
      check: 'max_response_time',
      key: 'slow',
      title: 'Answered in 250 ms',
      expected: 'an answer within 200 ms',
      received: '200 after 250 ms',
    });
    expect(await maxResponseTime.run({ ...slow, elapsedMs: 200 }, limited)).toEqual([]);
  });

  it('finds nothing without a limit, and says it needs one', async () => {
    const { op } = await apps();
    expect(await maxResponseTime.run({ ...exchange(op('get_app'), { status: 200, json: {} }), elapsedMs: 10_000 }, await context())).toEqual(
      [],
    );
    expect(maxResponseTime.needs).toBe('maxResponseTimeMs');
  });
});

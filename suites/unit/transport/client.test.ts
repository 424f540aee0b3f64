import { MockAgent } from 'undici';
import { describe, expect, it, onTestFinished } from 'vitest';
import {
  createConcurrencyGate,
  createHttpClient,
  createRateLimiter,
  isTransportFailure,
  parseRetryAfter,
} from '../../../src/transport/index.js';

function mockAgent() {
  const agent = new MockAgent();
  agent.disableNetConnect();
  onTestFinished(() => agent.close());
  return agent;
}

describe('parseRetryAfter', () => {
  it('reads delay-seconds and HTTP dates, and nothing else', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(10_000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
  });
});

describe('createConcurrencyGate', () => {
  it('never runs more than the limit at once', async () => {
    const gate = createConcurrencyGate(2);
    let running = 0;
    let peak = 0;
    const task = () =>
      gate.run(async () => {
        running += 1;
        peak = Math.max(peak, running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running -= 1;
      });
    await Promise.all(Array.from({ length: 10 }, task));
    expect(peak).toBe(2);
    expect(gate.active).toBe(0);
  });
});

describe('createRateLimiter', () => {
  it('spaces requests beyond the burst at the given rate', async () => {
    const limiter = createRateLimiter(50, 1);
    const started = performance.now();
    for (let i = 0; i < 6; i++) await limiter.acquire();
    // One token up front, five more at 20 ms each.
    expect(performance.now() - started).toBeGreaterThanOrEqual(90);
  });
});

describe('createHttpClient', () => {
  it('retries a 429 after Retry-After and returns the later answer with the retry count', async () => {
    const agent = mockAgent();
    const pool = agent.get('http://api.test');
    pool.intercept({ path: '/x', method: 'GET' }).reply(429, '', { headers: { 'retry-after': '0' } });
    pool.intercept({ path: '/x', method: 'GET' }).reply(200, 'ok');
    const client = createHttpClient({ dispatcher: agent, timeoutMs: 1000 });
    const result = await client.send({ method: 'GET', url: 'http://api.test/x', headers: {} });
    expect(!isTransportFailure(result) && [result.status, result.retries]).toEqual([200, 1]);
  });

  it('stops after the bounded number of retries and hands back the 503', async () => {
    const agent = mockAgent();
    const pool = agent.get('http://api.test');
    pool
      .intercept({ path: '/x', method: 'GET' })
      .reply(503, '', { headers: { 'retry-after': '0' } })
      .times(5);
    const client = createHttpClient({ dispatcher: agent, timeoutMs: 1000, maxRetries: 2 });
    const result = await client.send({ method: 'GET', url: 'http://api.test/x', headers: {} });
    expect(!isTransportFailure(result) && [result.status, result.retries]).toEqual([503, 2]);
  });

  it('does not wait for a Retry-After longer than the cap', async () => {
    const agent = mockAgent();
    agent
      .get('http://api.test')
      .intercept({ path: '/x', method: 'GET' })
      .reply(429, '', { headers: { 'retry-after': '3600' } });
    const client = createHttpClient({ dispatcher: agent, timeoutMs: 1000, maxRetryWaitMs: 100 });
    const started = Date.now();
    const result = await client.send({ method: 'GET', url: 'http://api.test/x', headers: {} });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(!isTransportFailure(result) && [result.status, result.retries]).toEqual([429, 0]);
  });
});

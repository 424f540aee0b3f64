import { describe, expect, it } from 'vitest';
import { loadAppsSpec } from '../../helpers/serve.js';
import { APPS_STATELESS, collect } from '../collect.js';
import { json, serveWithBug } from './front.js';

const LIST = (seen: { method: string; path: string }) => seen.method === 'GET' && seen.path === '/v1/apps';

describe('targets that misbehave on the wire', () => {
  it('reports garbage JSON under response_schema_conformance', async () => {
    const front = await serveWithBug({
      before: (seen) =>
        LIST(seen) ? { status: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from('{"data": [tru') } : undefined,
    });
    const { summary } = await collect({ plugins: [APPS_STATELESS], spec: await loadAppsSpec(), target: front.url, seed: 3, runs: 5, operations: ['list_apps'] });
    expect(summary.findings.map((f) => [f.check, f.key])).toContainEqual(['response_schema_conformance', '200:json']);
  });

  it('stops reading a 50 MB body at the 10 MiB cap and reports it', async () => {
    const big = Buffer.alloc(50 * 1024 * 1024, 32);
    const front = await serveWithBug({
      before: (seen) => (LIST(seen) ? { status: 200, headers: { 'content-type': 'application/json' }, body: big } : undefined),
    });
    const { summary } = await collect({
      plugins: [APPS_STATELESS],
      spec: await loadAppsSpec(),
      target: front.url,
      seed: 3,
      runs: 5,
      operations: ['list_apps'],
    });
    expect(summary.findings.map((f) => [f.check, f.key])).toContainEqual(['not_a_server_error', 'transport:body-too-large']);
  });

  it('reports a connection reset as a finding instead of crashing', async () => {
    const front = await serveWithBug({ before: (seen) => (LIST(seen) ? 'reset' : undefined) });
    const { summary } = await collect({ plugins: [APPS_STATELESS], spec: await loadAppsSpec(), target: front.url, seed: 3, runs: 5, operations: ['list_apps'] });
    expect(summary.findings.map((f) => [f.check, f.key])).toContainEqual(['not_a_server_error', 'transport:reset']);
  });

  it('reports a 429 that persists after the bounded Retry-After retries', async () => {
    const front = await serveWithBug({
      before: (seen) =>
        LIST(seen)
          ? {
              ...json(429, { title: 'Too Many Requests', status: 429, retry_after_seconds: 0 }, 'application/problem+json'),
              headers: { 'content-type': 'application/problem+json', 'retry-after': '0' },
            }
          : undefined,
    });
    const { summary } = await collect({
      plugins: [APPS_STATELESS],
      spec: await loadAppsSpec(),
      target: front.url,
      seed: 3,
      runs: 3,
      operations: ['list_apps'],
      maxRetries: 2,
    });
    expect(summary.findings.map((f) => [f.check, f.key])).toContainEqual(['not_a_server_error', 'retry-exhausted:429']);
  });
});

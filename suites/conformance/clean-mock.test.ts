import { describe, expect, it } from 'vitest';
import { loadAppsSpec, serveApps } from '../helpers/serve.js';
import { collect } from './collect.js';

describe('the clean mock', () => {
  it('reports nothing (seed 1)', async () => {
    const mock = await serveApps();
    const { summary, events } = await collect({ spec: await loadAppsSpec(), target: mock.url, runs: 30, seed: 1 });
    console.log(JSON.stringify(summary.findings.map((f) => [f.check, f.operation, f.title, f.received, f.evidence[0]?.request.url, f.evidence[0]?.request.body?.toString(), f.evidence[0]?.response.body.toString().slice(0, 300)]), null, 1));
    console.log(summary.requests, summary.durationMs, events.filter((e) => e.type === 'run-warned' || e.type === 'operation-finished'));
    expect(summary.findings).toEqual([]);
  });
});

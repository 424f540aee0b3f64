import { existsSync } from 'node:fs';
import { describe, expect, it, onTestFinished } from 'vitest';
import { BUNDLED_SPEC_PATH, runConformance, startMock, streamConformance } from '../../src/api/index.js';
import { UsageError } from '../../src/core/index.js';
import type { RunEvent } from '../../src/conformance/index.js';
import { HARNESS } from '../helpers/apps-ids.js';
import { runMain } from '../helpers/run-main.js';
import { tempDir } from '../helpers/temp-dir.js';

const PETSTORE = new URL('../../node_modules/@readme/oas-examples/3.0/json/petstore.json', import.meta.url).pathname;

describe('startMock()', () => {
  it('serves the bundled Apps API by default, statefully, on a free port', async () => {
    expect(existsSync(BUNDLED_SPEC_PATH)).toBe(true);
    const mock = await startMock();
    onTestFinished(() => mock.close());
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(mock.port).not.toBe(4010);
    expect(mock.spec.source).toBe(BUNDLED_SPEC_PATH);
    expect(mock.layer).toBe('Apps');
    const created = await fetch(`${mock.url}/v1/apps`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Lib', harness_id: HARNESS }),
    });
    expect(created.status).toBe(201);
    expect(mock.state()).toMatchObject({ version: 1, apps: [{ name: 'Lib' }] });
  });

  it('infers the resources of any other document, and holds what a client creates there', async () => {
    const mock = await startMock({ spec: PETSTORE, security: false, dashboard: false });
    onTestFinished(() => mock.close());
    expect(mock.layer).toBe('inferred resources');
    expect(mock.resources?.collections.map((collection) => collection.name)).toEqual(expect.arrayContaining(['pet', 'user']));
    expect((await fetch(`${mock.url}/pet/1`)).status).toBe(404);
    const created = await fetch(`${mock.url}/user`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'lib-user', email: 'lib@example.com' }),
    });
    expect(created.status).toBeLessThan(300);
    expect((await fetch(`${mock.url}/user/lib-user`)).status).toBe(200);
    expect(mock.state()).toMatchObject({ resources: { version: 1, records: [{ collection: 'user', id: 'lib-user' }] } });
  });

  it('serves a document statelessly with stateless: true, where state() and load() say there is no state', async () => {
    const mock = await startMock({ spec: PETSTORE, security: false, stateless: true });
    onTestFinished(() => mock.close());
    expect(mock.layer).toBe('stateless');
    expect((await fetch(`${mock.url}/pet/1`)).status).toBe(200);
    expect(() => mock.state()).toThrow(UsageError);
    expect(() => mock.load({ version: 1, apps: [] })).toThrow(/stateless/);
    mock.reset();
    expect(mock.requests()).toEqual([]);
  });

  it('generates every answer with dynamic: true, unless a request says Prefer: dynamic=false', async () => {
    const plain = await startMock({ spec: PETSTORE, security: false, dashboard: false, stateless: true });
    const dynamic = await startMock({ spec: PETSTORE, security: false, dashboard: false, stateless: true, dynamic: true });
    onTestFinished(() => Promise.all([plain.close(), dynamic.close()]).then(() => undefined));
    const pet = async (url: string, headers: Record<string, string> = {}) => (await fetch(`${url}/pet/1`, { headers })).text();
    expect(await pet(plain.url)).toBe(await pet(plain.url));
    const drawn = new Set([await pet(dynamic.url), await pet(dynamic.url), await pet(dynamic.url)]);
    expect(drawn.size).toBeGreaterThan(1);
    expect(await pet(dynamic.url, { prefer: 'dynamic=false' })).toBe(await pet(plain.url));
  });

  it.each([
    [{ strict: true }, /--strict goes with --fixtures/],
    [{ faultRate: 2 }, /fault rate must be between 0 and 1/],
    [{ spec: PETSTORE, stateless: true, state: { version: 1, apps: [] } }, /needs a stateful mock/],
    [{ stateless: true, stateFile: 'x.db' }, /needs a stateful mock/],
    [{ watch: true }, /--watch needs --spec FILE/],
    [{ state: { version: 2 } }, /the initial state is not a state snapshot/],
  ])('refuses %j with a UsageError before listening', async (options, message) => {
    await expect(startMock(options)).rejects.toThrow(message);
  });

  it('persists in a state file the next start reads back', async () => {
    const stateFile = `${tempDir()}/mock.db`;
    const first = await startMock({ stateFile });
    await fetch(`${first.url}/v1/apps`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Kept', harness_id: HARNESS }),
    });
    expect(first.stateFile).toBe(stateFile);
    await first.close();
    const second = await startMock({ stateFile });
    onTestFinished(() => second.close());
    expect(second.state()).toMatchObject({ apps: [{ name: 'Kept' }] });
  });
});

describe('runConformance()', () => {
  it('resolves to the summary and findings conform reports for the same run', async () => {
    const seededMock = async () => {
      const mock = await startMock({ seed: 5, runDurationMs: 0, dashboard: false });
      onTestFinished(() => mock.close());
      return mock;
    };
    const options = ['--runs', '5', '--seed', '3', '--checks', 'status_code_conformance,response_schema_conformance'];
    const cli = await seededMock();
    const json = `${tempDir()}/report.json`;
    const printed = await runMain(['conform', '--target', cli.url, ...options, '--json', json]);
    const library = await seededMock();
    const result = await runConformance({
      target: library.url,
      runs: 5,
      seed: 3,
      checks: ['status_code_conformance', 'response_schema_conformance'],
    });
    expect(printed.code).toBe(result.exitCode);
    expect(result).toMatchObject({ passed: true, exitCode: 0, findings: [] });
    const report = JSON.parse(await import('node:fs').then((fs) => fs.readFileSync(json, 'utf8'))) as { checks: unknown; requests: number };
    expect(result.summary.checks).toEqual(report.checks);
    expect(result.summary.requests).toBe(report.requests);
    expect(result.operations.length).toBe(12);
    expect(JSON.parse(result.json())).toMatchObject({ passed: true, checks: report.checks });
    expect(result.junit()).toMatch(/^<\?xml[\s\S]*<testsuite name="status_code_conformance"/);
  });

  it('rejects with the error conform prints for a target that cannot be reached', async () => {
    await expect(runConformance({ target: 'http://127.0.0.1:9', runs: 1 })).rejects.toThrow(/cannot reach http:\/\/127\.0\.0\.1:9/);
  });

  it('streams the same run as events, from run-started to run-finished', async () => {
    const mock = await startMock({ runDurationMs: 0, dashboard: false });
    onTestFinished(() => mock.close());
    const events: RunEvent['type'][] = [];
    for await (const event of streamConformance({ target: mock.url, runs: 2, seed: 1, filter: { includeOperationIds: ['list_apps'] } }))
      events.push(event.type);
    expect(events[0]).toBe('run-started');
    expect(events.at(-1)).toBe('run-finished');
    expect(events).toContain('operation-finished');
  });
});

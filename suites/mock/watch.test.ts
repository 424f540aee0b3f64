import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { startMock, type MockHandle, type ReloadEvent } from '../../src/api/index.js';
import { HARNESS } from '../helpers/apps-ids.js';
import { documentWith } from '../helpers/inline-spec.js';
import { expectOneLineFailure, runMain, startMain } from '../helpers/run-main.js';
import { tempDir } from '../helpers/temp-dir.js';

const APPS = new URL('../../spec/everruns-apps.openapi.yaml', import.meta.url).pathname;

/** A document with one GET per name, each answering `{"name": <name>}`. */
const pathsFor = (...names: string[]) =>
  documentWith(
    '3.1.0',
    Object.fromEntries(
      names.map((name) => [
        `/${name}`,
        { get: { operationId: name, responses: { '200': { description: 'ok', content: { 'application/json': { example: { name } } } } } } },
      ]),
    ),
  );

/** A watched mock of the file at `path`, and the next reload it reports. */
async function watched(path: string): Promise<{ mock: MockHandle; reloaded: () => Promise<ReloadEvent> }> {
  let waiting: ((event: ReloadEvent) => void) | undefined;
  const mock = await startMock({ spec: path, watch: true, runDurationMs: 0, dashboard: false, onReload: (event) => waiting?.(event) });
  onTestFinished(() => mock.close());
  return { mock, reloaded: () => new Promise((resolve) => (waiting = resolve)) };
}

describe('--watch: the document reloads when its file changes', () => {
  it('serves the new document from the next request on', async () => {
    const file = join(tempDir(), 'api.json');
    writeFileSync(file, JSON.stringify(pathsFor('a')));
    const { mock, reloaded } = await watched(file);
    expect((await fetch(`${mock.url}/b`)).status).toBe(404);
    const next = reloaded();
    writeFileSync(file, JSON.stringify(pathsFor('a', 'b')));
    expect(await next).toMatchObject({ ok: true, layer: 'stateless', state: 'none' });
    expect(await (await fetch(`${mock.url}/b`)).json()).toEqual({ name: 'b' });
    expect(mock.spec.operations.map((operation) => operation.id)).toEqual(['a', 'b']);
  });

  const createApp = (url: string, name: string) =>
    fetch(`${url}/v1/apps`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name, harness_id: HARNESS }),
    });

  it('keeps the Apps state across a change of the Apps document', async () => {
    const file = join(tempDir(), 'apps.yaml');
    copyFileSync(APPS, file);
    const { mock, reloaded } = await watched(file);
    await createApp(mock.url, 'Survivor');
    const next = reloaded();
    copyFileSync(APPS, file);
    expect(await next).toMatchObject({ ok: true, layer: 'Apps', state: 'kept' });
    const list = (await (await fetch(`${mock.url}/v1/apps`)).json()) as { data: Array<{ name: string }> };
    expect(list.data.map((app) => app.name)).toEqual(['Survivor']);
  });

  it('drops the state, and says why, when the new document has no place for it', async () => {
    const file = join(tempDir(), 'apps.yaml');
    copyFileSync(APPS, file);
    const { mock, reloaded } = await watched(file);
    await createApp(mock.url, 'Doomed');
    const next = reloaded();
    writeFileSync(file, JSON.stringify(pathsFor('a')));
    expect(await next).toMatchObject({
      ok: true,
      layer: 'stateless',
      state: 'dropped',
      detail: 'the Apps state has no place in this document',
    });
    expect(mock.layer).toBe('stateless');
    expect((await fetch(`${mock.url}/a`)).status).toBe(200);
  });

  it('keeps serving the old document when the new one cannot be read', async () => {
    const file = join(tempDir(), 'api.json');
    writeFileSync(file, JSON.stringify(pathsFor('a')));
    const { mock, reloaded } = await watched(file);
    const next = reloaded();
    writeFileSync(file, '{ "openapi": "3.1.0", ');
    const event = await next;
    expect(event.ok).toBe(false);
    expect(!event.ok && event.error.message).toMatch(/api\.json/);
    expect((await fetch(`${mock.url}/a`)).status).toBe(200);
  });

  it('prints each reload in the CLI', async () => {
    const file = join(tempDir(), 'api.json');
    writeFileSync(file, JSON.stringify(pathsFor('a')));
    const cli = startMain(['mock', '--spec', file, '--port', '0', '--quiet', '-w']);
    await cli.printed(/listening on/);
    expect(cli.stdout()).toMatch(/spec: .*api\.json \(OpenAPI 3\.1, 1 operations\), watched/);
    writeFileSync(file, JSON.stringify(pathsFor('a', 'b')));
    await cli.printed(/reloaded .*api\.json \(OpenAPI 3\.1, 2 operations, stateless\)\n/);
  });

  it.each([[[]], [['--spec', 'http://127.0.0.1:9/openapi.json']]])('needs a --spec file: refuses --watch with %j', async (flags) => {
    expectOneLineFailure(await runMain(['mock', '--port', '0', '--watch', ...flags]), /--watch needs --spec FILE/);
  });
});

import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listenForTest } from '../helpers/listen.js';
import { expectOneLineFailure, runMain, startMain } from '../helpers/run-main.js';

const PETSTORE = readFileSync(new URL('../../node_modules/@readme/oas-examples/3.0/json/petstore.json', import.meta.url));
const APPS = readFileSync(new URL('../../spec/everruns-apps.openapi.yaml', import.meta.url));
const HAR = new URL('../../fixtures/apps-lifecycle.har', import.meta.url).pathname;

/** A loopback server for documents: /petstore.json, /apps.yaml, /moved (a 302 to /petstore.json) and 404 elsewhere. */
async function documentServer(): Promise<string> {
  return listenForTest(
    createServer((req, res) => {
      if (req.url === '/petstore.json') return res.writeHead(200, { 'content-type': 'application/json' }).end(PETSTORE);
      if (req.url === '/apps.yaml') return res.writeHead(200, { 'content-type': 'application/yaml' }).end(APPS);
      if (req.url === '/moved') return res.writeHead(302, { location: '/petstore.json' }).end();
      res.writeHead(404).end();
    }),
  );
}

describe('--spec takes an http(s) URL', () => {
  it('mock serves a document fetched from a URL, following a redirect', async () => {
    const base = await documentServer();
    const mock = startMain(['mock', '--spec', `${base}/moved`, '--port', '0', '--quiet', '--no-security', '--stateless']);
    const [, url] = await mock.printed(/listening on (http:\S+)/);
    expect(mock.stdout()).toContain(`spec: ${base}/moved (OpenAPI 3.0, 20 operations)`);
    const pet = await fetch(`${url}/pet/1`);
    expect(pet.status).toBe(200);
    expect(await pet.json()).toMatchObject({ name: expect.any(String) });
  });

  it('conform --har checks recordings against a YAML document fetched from a URL', async () => {
    const base = await documentServer();
    const result = await runMain(['conform', '--har', HAR, '--spec', `${base}/apps.yaml`]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/all checks passed/);
  });

  it('says in one line that a URL answered 404, or cannot be reached', async () => {
    const base = await documentServer();
    expectOneLineFailure(
      await runMain(['mock', '--spec', `${base}/nothing.yaml`, '--port', '0']),
      /^everruns-contract mock: Invalid spec: cannot fetch spec http:\S+\/nothing\.yaml: the server answered 404$/,
    );
    expectOneLineFailure(
      await runMain(['mock', '--spec', 'http://127.0.0.1:9/openapi.json', '--port', '0']),
      /^everruns-contract mock: Invalid spec: cannot fetch spec http:\/\/127\.0\.0\.1:9\/openapi\.json: .*ECONNREFUSED/,
    );
  });
});

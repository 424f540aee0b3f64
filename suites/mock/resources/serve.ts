import { resolve } from 'node:path';
import { request } from 'undici';
import { onTestFinished } from 'vitest';
import { inferResources, type ResourceMap, type ResourceOverrides, type ResourceSnapshot } from '../../../src/model/resources/index.js';
import { createMockServer, createRandom, createResourcesLayer, type MockServer } from '../../../src/mock/index.js';
import { loadSpec, type LoadedSpec } from '../../../src/openapi/index.js';
import { flatHeaders } from '../../helpers/fill-request.js';
import { PLATFORM_DOCUMENT } from '../../helpers/serve.js';

const MODULES = resolve(import.meta.dirname, '../../../node_modules');

/** The real documents the resource suites serve. */
export const DOCUMENTS = {
  platform: PLATFORM_DOCUMENT,
  petstore: `${MODULES}/@readme/oas-examples/3.0/json/petstore.json`,
  trainTravel: `${MODULES}/@readme/oas-examples/3.1/json/train-travel.json`,
  github: `${MODULES}/@octokit/openapi/generated/api.github.com.json`,
} as const;

const loaded = new Map<string, Promise<LoadedSpec>>();

/** A document, loaded once per test file. */
export function loadDocument(path: string): Promise<LoadedSpec> {
  let spec = loaded.get(path);
  if (!spec) loaded.set(path, (spec = loadSpec(path)));
  return spec;
}

/** Serves `spec` with the inferred-resources layer (as `mock --spec` does), on a loopback port closed when the test ends. */
export async function serveResources(
  spec: LoadedSpec,
  options: { overrides?: ResourceOverrides; seed?: number; snapshot?: ResourceSnapshot; log?: (line: string) => void } = {},
): Promise<{ server: MockServer; map: ResourceMap }> {
  const map = inferResources(spec, options.overrides);
  const server = await createMockServer({
    spec,
    host: '127.0.0.1',
    port: 0,
    ...(options.log ? { log: options.log } : {}),
    layers: (context) => [createResourcesLayer({ map, context, random: createRandom(options.seed ?? 1), snapshot: options.snapshot })],
    resources: map,
  });
  onTestFinished(() => server.close());
  return { server, map };
}

/** One request: a string body is sent as it is (as JSON), any other as its JSON text; the answer parsed where it is JSON. */
export async function call(url: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await request(url + path, {
    method: method as 'GET',
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.body.text();
  const json = /json/.test(String(response.headers['content-type'] ?? ''));
  return { status: response.statusCode, headers: flatHeaders(response.headers), text, body: text && json ? JSON.parse(text) : undefined };
}

/** Empties the mock's state between walks, so each list starts from its own items. */
export async function resetMock(url: string): Promise<void> {
  const response = await request(`${url}/__mock/reset`, { method: 'POST' });
  await response.body.dump();
  if (response.statusCode !== 204) throw new Error(`reset answered ${response.statusCode}`);
}

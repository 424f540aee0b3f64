import { onTestFinished } from 'vitest';
import { EVERRUNS_PROBLEM_TYPE_BASE, createAppsModel, type AppsEnvironment } from '../../src/model/apps/index.js';
import {
  createAppsLayer,
  createIdSource,
  createMockServer,
  createRandom,
  type MockServer,
  type MockServerOptions,
} from '../../src/mock/index.js';
import { loadSpec, type LoadedSpec } from '../../src/openapi/index.js';

export const APPS_SPEC_PATH = new URL('../../spec/everruns-apps.openapi.yaml', import.meta.url).pathname;

let appsSpec: Promise<LoadedSpec> | undefined;

/** The bundled Apps document, loaded once per test file. */
export function loadAppsSpec(): Promise<LoadedSpec> {
  appsSpec ??= loadSpec(APPS_SPEC_PATH);
  return appsSpec;
}

/** Starts a stateless mock for `spec` on an ephemeral loopback port, closed when the test ends. */
export async function serveStateless(spec: LoadedSpec): Promise<MockServer> {
  const server = await createMockServer({ spec, host: '127.0.0.1', port: 0 });
  onTestFinished(() => server.close());
  return server;
}

/** Starts the stateful Apps mock on an ephemeral loopback port, closed when the test ends. */
export async function serveApps(
  env: Partial<AppsEnvironment> = {},
  options: Pick<MockServerOptions, 'playback' | 'baseUrl' | 'apiKey' | 'log' | 'dashboard'> = {},
): Promise<MockServer> {
  const spec = await loadAppsSpec();
  const random = createRandom(env.random ? undefined : 42);
  const server = await createMockServer({
    spec,
    host: '127.0.0.1',
    port: 0,
    ...options,
    problemTypeBase: EVERRUNS_PROBLEM_TYPE_BASE,
    layers: ({ url }) => [
      createAppsLayer((snapshot) =>
        createAppsModel(
          {
            now: () => new Date(),
            newId: createIdSource(random),
            random,
            baseUrl: url,
            uiBaseUrl: 'https://app.everruns.com',
            runDurationMs: 0,
            runFailureRate: 0,
            ...env,
          },
          snapshot,
        ),
      ),
    ],
  });
  onTestFinished(() => server.close());
  return server;
}

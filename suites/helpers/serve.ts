import { onTestFinished } from 'vitest';
import { EVERRUNS_PROBLEM_TYPE_BASE, bindAppsRoutes, createAppsModel, type AppsEnvironment } from '../../src/model/apps/index.js';
import { inferResources } from '../../src/model/resources/index.js';
import {
  createAppsLayer,
  createIdSource,
  createMockServer,
  createRandom,
  createResourcesLayer,
  isAppsOperation,
  type MockServer,
  type MockServerOptions,
} from '../../src/mock/index.js';
import { loadSpec, type LoadedSpec } from '../../src/openapi/index.js';

export const APPS_SPEC_PATH = new URL('../../spec/everruns-apps.openapi.yaml', import.meta.url).pathname;

/** The platform's own published document (292 operations). */
export const PLATFORM_DOCUMENT = '/work/shared/specs/everruns-openapi.json';

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
    layers: (context) => [
      createAppsLayer((snapshot) => createAppsModel(appsEnvironment(random, context.url, env), snapshot), undefined, context),
    ],
  });
  onTestFinished(() => server.close());
  return server;
}

/**
 * Serves any document as `mock --spec` does, on an ephemeral loopback port closed when the test
 * ends: the Apps layer on the Apps routes it declares (when it declares those the rules need),
 * then the resources inferred from the rest.
 */
export async function serveDocument(
  spec: LoadedSpec,
  env: Partial<AppsEnvironment> = {},
  options: Pick<MockServerOptions, 'security' | 'apiKey' | 'dashboard'> = {},
): Promise<MockServer> {
  const apps = bindAppsRoutes(spec.operations) !== undefined;
  const map = inferResources({ document: spec.document, operations: spec.operations.filter((operation) => !(apps && isAppsOperation(operation))) });
  const random = createRandom(42);
  const server = await createMockServer({
    spec,
    host: '127.0.0.1',
    port: 0,
    ...options,
    ...(apps ? { problemTypeBase: EVERRUNS_PROBLEM_TYPE_BASE } : {}),
    layers: (context) => [
      ...(apps ? [createAppsLayer((snapshot) => createAppsModel(appsEnvironment(random, context.url, env), snapshot), undefined, context)] : []),
      createResourcesLayer({ map, context, random }),
    ],
    resources: map,
  });
  onTestFinished(() => server.close());
  return server;
}

function appsEnvironment(random: () => number, url: string, env: Partial<AppsEnvironment>): AppsEnvironment {
  return {
    now: () => new Date(),
    newId: createIdSource(random),
    random,
    baseUrl: url,
    uiBaseUrl: 'https://app.everruns.com',
    runDurationMs: 0,
    runFailureRate: 0,
    ...env,
  };
}

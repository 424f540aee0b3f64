/** Serving the mock of a document behind a front with a planted bug, and running the generic sequences against it. */
import { createResourceSource } from '../../../src/conformance/resources/index.js';
import { resourceMaps } from '../../../src/conformance/resources/resource-map.js';
import { STATEFUL_CHECKS, type StatefulOptions } from '../../../src/conformance/stateful/index.js';
import { inferResources } from '../../../src/model/resources/index.js';
import { createMockServer, createRandom, createResourcesLayer } from '../../../src/mock/index.js';
import type { LoadedSpec } from '../../../src/openapi/index.js';
import { SpecValidator } from '../../../src/validation/index.js';
import { onTestFinished } from 'vitest';
import { sendOverHttp } from '../stateful/support.js';
import { serveFront, type Bug } from '../targets/front.js';

/** The sequences over the inferred resources of any document, nothing left to a plug-in. */
export const RESOURCES = createResourceSource(resourceMaps(() => false));

/** The stateful mock of `spec` (its inferred resources), on 127.0.0.1:0, closed when the test ends. */
export async function serveDocument(spec: LoadedSpec, seed = 1): Promise<string> {
  const map = inferResources(spec);
  const server = await createMockServer({
    spec,
    host: '127.0.0.1',
    port: 0,
    layers: (context) => [createResourcesLayer({ map, context, random: createRandom(seed) })],
  });
  onTestFinished(() => server.close());
  return server.url;
}

/** The mock of `spec` behind a front that plants `bug`. */
export async function serveBuggy(spec: LoadedSpec, bug: Bug): Promise<string> {
  return (await serveFront(bug, () => serveDocument(spec))).url;
}

const validators = new WeakMap<LoadedSpec, SpecValidator>();

/** Options for the generic sequences against `target`, every generic check enabled; `created` collects the clean-up paths. */
export function resourceOptions(spec: LoadedSpec, target: string, overrides: Partial<StatefulOptions> = {}): StatefulOptions & { created: string[] } {
  let validator = validators.get(spec);
  if (!validator) validators.set(spec, (validator = new SpecValidator(spec)));
  const created: string[] = [];
  return {
    target,
    spec,
    validator,
    send: sendOverHttp,
    headers: {},
    vars: {},
    seed: 1,
    numRuns: 60,
    maxCommands: 20,
    namePrefix: 'ec-test-',
    onCreated: (path) => created.push(path),
    checks: new Set(STATEFUL_CHECKS.map((check) => check.name)),
    created,
    ...overrides,
  };
}

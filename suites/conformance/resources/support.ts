/** Serving the mock of a document behind a front with a planted bug, and running the generic sequences against it. */
import { createResourceSource } from '../../../src/conformance/resources/index.js';
import { resourceMaps } from '../../../src/conformance/resources/resource-map.js';
import { STATEFUL_CHECKS, type StatefulOptions } from '../../../src/conformance/stateful/index.js';
import type { LoadedSpec } from '../../../src/openapi/index.js';
import { SpecValidator } from '../../../src/validation/index.js';
import { serveDocument } from '../../helpers/serve.js';
import { optionsFor } from '../stateful/support.js';
import { serveFront, type Bug } from '../targets/front.js';

/** The sequences over the inferred resources of any document, nothing left to a plug-in. */
export const RESOURCES = createResourceSource(resourceMaps(() => false));

/** The mock of `spec` (as `mock --spec` serves it) behind a front that plants `bug`. */
export async function serveBuggy(spec: LoadedSpec, bug: Bug): Promise<string> {
  return (await serveFront(bug, async () => (await serveDocument(spec)).url)).url;
}

const validators = new WeakMap<LoadedSpec, SpecValidator>();

/** Options for the generic sequences against `target`, every generic check enabled; `created` collects the clean-up paths. */
export async function resourceOptions(spec: LoadedSpec, target: string, overrides: Partial<StatefulOptions> = {}): Promise<StatefulOptions & { created: string[] }> {
  let validator = validators.get(spec);
  if (!validator) validators.set(spec, (validator = new SpecValidator(spec)));
  return optionsFor(target, { spec, validator, numRuns: 60, checks: new Set(STATEFUL_CHECKS.map((check) => check.name)), ...overrides });
}

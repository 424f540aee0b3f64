/** Shared pieces of the stateful suites: a sender over the real transport and the options to run with. */
import type { ResponseFacts } from '../../../src/core/index.js';
import { APPS_STATEFUL_CHECKS } from '../../../src/conformance/apps/index.js';
import type { StatefulOptions, StatefulRequest } from '../../../src/conformance/stateful/index.js';
import { isTransportFailure, send } from '../../../src/transport/index.js';
import { SpecValidator } from '../../../src/validation/index.js';
import { loadAppsSpec } from '../../helpers/serve.js';

/** Sends over the toolkit's transport; a transport failure (not a status) is thrown, as the runner's sender does. */
export async function sendOverHttp(request: StatefulRequest): Promise<ResponseFacts> {
  const answer = await send({ method: request.method, url: request.url, headers: request.headers, ...(request.body ? { body: request.body } : {}) }, { timeoutMs: 5_000 });
  if (isTransportFailure(answer)) throw new Error(`${answer.kind}: ${answer.message}`);
  return answer;
}

let validator: SpecValidator | undefined;

/** Options for runStatefulChecks against `target`, every stateful check enabled. */
export async function optionsFor(target: string, overrides: Partial<StatefulOptions> = {}): Promise<StatefulOptions & { created: string[] }> {
  const spec = await loadAppsSpec();
  validator ??= new SpecValidator(spec);
  const created: string[] = [];
  return {
    target,
    spec,
    validator,
    send: sendOverHttp,
    headers: {},
    vars: {},
    seed: 1,
    // Every step of a sequence runs a command (weighted steps): a dozen sequences send what two dozen used to.
    numRuns: 12,
    maxCommands: 20,
    namePrefix: 'ec-test-',
    onCreated: (path) => created.push(path),
    checks: new Set(APPS_STATEFUL_CHECKS.map((check) => check.name)),
    created,
    ...overrides,
  };
}

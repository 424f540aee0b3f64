import {
  createResourceModel,
  inferResources,
  overlay,
  type RenderInput,
  type ResourceEnvironment,
  type ResourceMap,
  type ResourceModel,
  type ResourceOutcome,
  type ResourceQuery,
  type ResourceSpec,
} from '../../../../src/model/resources/index.js';

export const START = Date.parse('2025-01-01T10:00:00.000Z');
export const ORIGIN = 'http://127.0.0.1:4010';

/** A deterministic environment: a clock the test advances, counter ids in the collection's format, an overlay renderer. */
export interface FakeEnv extends ResourceEnvironment {
  advance(ms: number): void;
  renders: RenderInput[];
}

export function fakeEnv(overrides: Partial<ResourceEnvironment> = {}): FakeEnv {
  let now = START;
  let counter = 0;
  const env: FakeEnv = {
    now: () => new Date(now),
    newId(collection) {
      counter += 1;
      const format = collection.id.format;
      if (format.kind === 'prefixed') return format.prefix + counter.toString(16).padStart(format.hexLength, '0');
      if (format.kind === 'integer') return String(counter);
      if (format.kind === 'uuid') return `00000000-0000-4000-8000-${counter.toString(16).padStart(12, '0')}`;
      return `id${counter}`;
    },
    // What a mock does without its schema generator: the previous body, the client's fields, the server's.
    render(input) {
      env.renders.push(input);
      return overlay(overlay(input.merged ?? input.previous ?? {}, input.written), input.server);
    },
    renders: [],
    advance: (ms) => {
      now += ms;
    },
    ...overrides,
  };
  return env;
}

/** A model of a spec plus a terse way to call its operations by operationId. */
export function harness(spec: ResourceSpec, options: { env?: Partial<ResourceEnvironment>; map?: ResourceMap } = {}) {
  const map = options.map ?? inferResources(spec);
  const env = fakeEnv(options.env);
  const model = createResourceModel(map, env);
  return { map, env, model, call: caller(spec, model) };
}

export interface CallOptions {
  params?: Record<string, string>;
  query?: ResourceQuery;
  body?: unknown;
  origin?: string;
}

/** Calls an operation by id, filling the path from `params`. */
export function caller(spec: ResourceSpec, model: ResourceModel) {
  return (operationId: string, options: CallOptions = {}): ResourceOutcome => {
    const operation = spec.operations.find((candidate) => candidate.id === operationId);
    if (!operation) throw new Error(`no operation ${operationId}`);
    const params = options.params ?? {};
    const path = operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
    return model.handle({ operation, path, pathParams: params, query: options.query ?? {}, headers: {}, body: options.body, origin: options.origin ?? ORIGIN });
  };
}

/** The body of an outcome that must have one. */
export function bodyOf(outcome: ResourceOutcome): any {
  if (outcome.response.kind !== 'body') throw new Error(`expected a body, got ${JSON.stringify(outcome.response)}`);
  return outcome.response.body;
}

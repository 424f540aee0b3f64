import fc from 'fast-check';
import type { SchemaContext } from '../../../generate/index.js';
import type { Operation } from '../../../openapi/index.js';
import type { IdPool } from '../../generate/id-pool.js';
import { materialise } from '../../generate/materialise.js';
import { requestArbitrary } from '../../generate/request-arbitrary.js';
import type { RequestPlan } from '../../generate/request-plan.js';
import type { PlannedRequest } from '../../stateful/index.js';

/** What turning a drawn plan into a request needs of the run. */
export interface PlanContext {
  schemas: SchemaContext;
  pool: IdPool;
  vars: Readonly<Record<string, string>>;
  namePrefix: string;
  lookup: (schema: unknown) => Record<string, unknown> | undefined;
}

/**
 * The requests the sequences send, drawn from each operation's schemas by a seed the command
 * carries (so a sequence replays exactly), with the sequence's own path values.
 */
export class RequestPlans {
  readonly #context: PlanContext;
  readonly #arbitraries = new Map<Operation, fc.Arbitrary<RequestPlan> | null>();

  constructor(context: PlanContext) {
    this.#context = context;
  }

  /** False for an operation whose schemas the generators cannot satisfy: its commands are not sent. */
  can(operation: Operation): boolean {
    return this.#arbitrary(operation) !== null;
  }

  /**
   * A request of `operation`: its path values the sequence's own (a parent it created, the item it
   * acts on); the JSON body as drawn, `--var` values and the run's name prefix in, `body` members
   * laid over it (a fresh client-chosen id); only the query and header parameters the operation
   * requires (an optional filter or projection would hide what the checks look for), then `query`.
   */
  request(
    operation: Operation,
    seed: number,
    path: Readonly<Record<string, string>>,
    body?: Record<string, unknown>,
    query?: URLSearchParams,
  ): PlannedRequest {
    const arbitrary = this.#arbitrary(operation);
    const [drawn] = arbitrary ? fc.sample(arbitrary, { seed, numRuns: 1 }) : [];
    const plan = drawn ?? { kind: { kind: 'positive' }, path: {}, query: {}, headers: {} };
    const required = (location: string) => new Set(operation.parameters.filter((p) => p.in === location && p.required).map((p) => p.name));
    const keep = (part: Record<string, unknown>, names: Set<string>) =>
      Object.fromEntries(Object.entries(part).filter(([name]) => names.has(name)));
    const values = Object.fromEntries(Object.entries(path).map(([name, value]) => [name, { value }]));
    const withBody =
      body && plan.body && !('raw' in plan.body) && isRecord(plan.body.value)
        ? { ...plan.body, value: { ...plan.body.value, ...body } }
        : plan.body;
    const { pool, vars, namePrefix, lookup } = this.#context;
    const built = materialise(
      {
        ...plan,
        path: { ...plan.path, ...values },
        query: keep(plan.query, required('query')),
        headers: keep(plan.headers, required('header')),
        ...(withBody ? { body: withBody } : {}),
      },
      { operation, baseUrl: '', pool, vars, headers: {}, namePrefix, lookup },
    );
    const [pathname, search = ''] = built.request.url.split('?', 2) as [string, string?];
    const params = new URLSearchParams(search);
    for (const [name, value] of query ?? []) params.set(name, value);
    const sent = built.body && !built.body.raw ? built.body.value : undefined;
    const headers = { ...built.request.headers };
    if (sent === undefined) delete headers['content-type'];
    return {
      method: operation.method,
      path: pathname,
      query: params.toString(),
      headers,
      ...(sent === undefined ? {} : { body: sent }),
      credentials: true,
    };
  }

  #arbitrary(operation: Operation): fc.Arbitrary<RequestPlan> | null {
    let arbitrary = this.#arbitraries.get(operation);
    if (arbitrary === undefined) {
      try {
        arbitrary = requestArbitrary(operation, this.#context.schemas, 'positive') ?? null;
      } catch {
        arbitrary = null;
      }
      this.#arbitraries.set(operation, arbitrary);
    }
    return arbitrary;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

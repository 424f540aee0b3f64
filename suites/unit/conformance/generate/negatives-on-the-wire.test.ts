import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { requestKindOf } from '../../../../src/conformance/findings/request-kind.js';
import { IdPool } from '../../../../src/conformance/generate/id-pool.js';
import { materialise } from '../../../../src/conformance/generate/materialise.js';
import { requestArbitrary } from '../../../../src/conformance/generate/request-arbitrary.js';
import { resolveRef } from '../../../../src/openapi/index.js';
import { SpecValidator } from '../../../../src/validation/index.js';
import { documentWith, inlineSpec } from '../../../helpers/inline-spec.js';

const SEED = 424242;
const BASE = 'http://127.0.0.1:9';
const ok = { '200': { description: 'ok' } };

// The shapes of the platform's document where mutations used to vanish on the wire: string path
// and query values, a text body, a form body.
const DOCUMENT = documentWith('3.1.0', {
  '/agents/{agent_id}/import': {
    post: {
      operationId: 'importAgent',
      parameters: [
        { name: 'agent_id', in: 'path', required: true, schema: { type: 'string' } },
        { name: 'from-example', in: 'query', schema: { type: 'string' } },
        { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100 } },
        { name: 'x-trace', in: 'header', schema: { type: 'string', pattern: '^[a-f0-9]{8}$' } },
        { name: 'dry_run', in: 'query', schema: { type: ['boolean', 'null'] } },
      ],
      requestBody: { required: true, content: { 'text/plain': { schema: { type: 'string' } } } },
      responses: ok,
    },
  },
  '/versions/{version_id}': {
    get: {
      operationId: 'getVersion',
      parameters: [{ name: 'version_id', in: 'path', required: true, schema: { type: 'string', pattern: '^agentver_[0-9a-f]{32}$' } }],
      responses: ok,
    },
  },
  '/pets/{pet_id}': {
    post: {
      operationId: 'updatePetWithForm',
      parameters: [{ name: 'pet_id', in: 'path', required: true, schema: { type: 'integer' } }],
      requestBody: {
        content: {
          'application/x-www-form-urlencoded': {
            schema: {
              type: 'object',
              required: ['name'],
              properties: { name: { type: 'string', minLength: 1 }, age: { type: 'integer' }, status: { enum: ['sold', 'pending'] } },
            },
          },
        },
      },
      responses: ok,
    },
  },
});

async function setup() {
  const spec = await inlineSpec(DOCUMENT);
  const validator = new SpecValidator(spec);
  const ctx = { dialect: 'oas31' as const, resolveRef: (ref: string) => resolveRef(spec.document, ref) };
  const pool = new IdPool(spec.operations, validator);
  const op = (id: string) => spec.operations.find((operation) => operation.id === id)!;
  const onTheWire = (id: string, mode: 'positive' | 'negative') =>
    fc.sample(requestArbitrary(op(id), ctx, mode)!, { seed: SEED, numRuns: 120 }).map((plan) => {
      const built = materialise(plan, { operation: op(id), baseUrl: BASE, pool, vars: {}, headers: {} });
      const path = new URL(built.request.url).pathname;
      const rawPathParams = Object.fromEntries(Object.entries(built.pathParams).map(([name, value]) => [name, encodeURIComponent(value)]));
      const judged = requestKindOf(validator, op(id), {
        path,
        rawPathParams,
        query: built.query.toString(),
        headers: built.request.headers,
        body: built.request.body,
      });
      return { plan, built, judged };
    });
  return { onTheWire };
}

describe(`negative requests stay invalid once serialised (seed ${SEED})`, () => {
  for (const id of ['importAgent', 'getVersion', 'updatePetWithForm']) {
    it(`${id}: every mutation is still invalid input on the wire`, async () => {
      const { onTheWire } = await setup();
      const sent = onTheWire(id, 'negative');
      const survived = sent.filter(({ judged }) => judged.kind === 'negative');
      expect(
        sent
          .filter(({ judged }) => judged.kind !== 'negative')
          .map(({ plan, built }) => `${JSON.stringify(plan.kind)} → ${built.request.url}`),
      ).toEqual([]);
      expect(survived.length).toBe(sent.length);
    });
  }

  it('never calls a number in a string parameter a type mutation', async () => {
    const { onTheWire } = await setup();
    const kinds = onTheWire('importAgent', 'negative').map(({ plan }) => plan.kind);
    const pointers = new Set(kinds.map((kind) => (kind.kind === 'negative' ? `${kind.keyword} ${kind.pointer}` : '')));
    expect([...pointers].filter((pointer) => /^type \/(path\/agent_id|query\/from-example)$/.test(pointer))).toEqual([]);
    expect(pointers).toContain('type /query/limit');
    expect(pointers).toContain('pattern /header/x-trace');
  });

  it('sends form bodies as forms and required text bodies never empty, all valid when planned valid', async () => {
    const { onTheWire } = await setup();
    const forms = onTheWire('updatePetWithForm', 'positive');
    const withBody = forms.filter(({ built }) => built.request.body);
    expect(withBody.length).toBeGreaterThan(0);
    for (const { built, judged } of forms) {
      expect(judged).toEqual({ kind: 'positive' });
      if (built.request.body) expect(built.request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    }
    for (const { built, judged } of onTheWire('importAgent', 'positive')) {
      expect(built.request.body?.length ?? 0).toBeGreaterThan(0);
      expect(judged).toEqual({ kind: 'positive' });
    }
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdPool } from '../../../../src/conformance/generate/id-pool.js';
import { materialise } from '../../../../src/conformance/generate/materialise.js';
import { requestArbitrary } from '../../../../src/conformance/generate/request-arbitrary.js';
import type { RequestPlan } from '../../../../src/conformance/generate/request-plan.js';
import type { SchemaContext } from '../../../../src/generate/index.js';
import { resolveRef, type Operation } from '../../../../src/openapi/index.js';
import { validateRequest } from '../../../../src/validation/index.js';
import { apps } from '../fixture.js';

const SEED = 20251125;
const BASE = 'http://127.0.0.1:9';

async function setup() {
  const { spec, validator, op } = await apps();
  const ctx: SchemaContext = { dialect: 'oas31', resolveRef: (ref) => resolveRef(spec.document, ref) };
  const pool = new IdPool(spec.operations, validator);
  pool.add('app_id', 'app_0193a3b5c0de700080000000000000aa', {}, true);
  pool.add('channel_id', 'appchan_0193a3b5c0de700080000000000000a1', { app_id: 'app_0193a3b5c0de700080000000000000aa' }, true);
  const violations = (operation: Operation, plan: RequestPlan) => {
    const built = materialise(plan, { operation, baseUrl: BASE, pool, vars: {}, headers: {} });
    const media = operation.requestBody?.content.find((entry) => entry.mediaType === built.body?.mediaType);
    return validateRequest(validator, operation, {
      pathParams: built.pathParams,
      query: built.query,
      headers: built.request.headers,
      body: built.body && media && !built.body.raw ? { media, value: built.body.value } : undefined,
    }).violations;
  };
  return { ctx, op, violations };
}

describe(`requestArbitrary (seed ${SEED})`, () => {
  for (const id of ['create_app', 'update_app', 'list_app_runs', 'update_channel', 'list_apps']) {
    it(`draws positive ${id} requests that validate`, async () => {
      const { ctx, op, violations } = await setup();
      const arbitrary = requestArbitrary(op(id), ctx, 'positive')!;
      fc.assert(
        fc.property(arbitrary, (plan) => {
          expect(plan.kind).toEqual({ kind: 'positive' });
          expect(violations(op(id), plan)).toEqual([]);
        }),
        { seed: SEED, numRuns: 50 },
      );
    });
  }

  it('draws negative create_app requests, each naming the mutation, nearly all invalid once on the wire', async () => {
    const { ctx, op, violations } = await setup();
    const plans = fc.sample(requestArbitrary(op('create_app'), ctx, 'negative')!, { seed: SEED, numRuns: 100 });
    for (const plan of plans) expect(plan.kind.kind).toBe('negative');
    const invalid = plans.filter((plan) => (plan.body && 'raw' in plan.body ? true : violations(op('create_app'), plan).length > 0));
    expect(invalid.length).toBeGreaterThanOrEqual(90);
  });

  it('takes path ids from the pool most of the time', async () => {
    const { ctx, op } = await setup();
    const plans = fc.sample(requestArbitrary(op('get_app'), ctx, 'positive')!, { seed: SEED, numRuns: 100 });
    const pooled = plans.filter((plan) => 'pool' in plan.path.app_id!).length;
    expect(pooled).toBeGreaterThan(50);
  });
});

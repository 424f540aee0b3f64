import { describe, expect, it } from 'vitest';
import { IdPool } from '../../../../src/conformance/generate/id-pool.js';
import { materialise } from '../../../../src/conformance/generate/materialise.js';
import type { RequestPlan } from '../../../../src/conformance/generate/request-plan.js';
import { apps } from '../fixture.js';

const BASE = 'http://127.0.0.1:9';
const OWNED = 'app_0193a3b5c0de700080000000000000aa';

async function setup() {
  const { spec, validator, op } = await apps();
  const pool = new IdPool(spec.operations, validator);
  pool.add('app_id', OWNED, {}, true);
  pool.add('app_id', 'app_0193a3b5c0de700080000000000000bb');
  return { op, pool, lookup: validator.lookup };
}

describe('materialise', () => {
  it('fills path ids from the pool, serialises the query and sets the body media type', async () => {
    const { op, pool } = await setup();
    const plan: RequestPlan = {
      kind: { kind: 'positive' },
      path: { app_id: { pool: 1, fallback: 'x' } },
      query: { window: '2h', groupBy: 'hour' },
      headers: {},
    };
    const built = materialise(plan, {
      operation: op('list_app_runs'),
      baseUrl: BASE,
      pool,
      vars: {},
      headers: { authorization: 'Bearer k' },
    });
    expect(built.request.url).toBe(`${BASE}/v1/apps/app_0193a3b5c0de700080000000000000bb/runs?window=2h&groupBy=hour`);
    expect(built.request.headers.authorization).toBe('Bearer k');
  });

  it('lets state-changing requests touch only ids the run owns, else the generated fallback', async () => {
    const { op, pool } = await setup();
    const plan: RequestPlan = {
      kind: { kind: 'positive' },
      path: { app_id: { pool: 1, fallback: 'app_0193a3b5c0de700080000000000000ff' } },
      query: {},
      headers: {},
    };
    expect(
      materialise(plan, { operation: op('delete_app'), baseUrl: BASE, pool, vars: {}, headers: {}, ownedOnly: true }).pathParams.app_id,
    ).toBe(OWNED);
    const empty = new IdPool([], (await apps()).validator);
    expect(
      materialise(plan, { operation: op('delete_app'), baseUrl: BASE, pool: empty, vars: {}, headers: {}, ownedOnly: true }).pathParams
        .app_id,
    ).toBe('app_0193a3b5c0de700080000000000000ff');
  });

  /** A create_app body materialised with `--var harness_id=harness_live` and the run's name prefix. */
  const createWithVars = (plan: RequestPlan, { op, pool, lookup }: Awaited<ReturnType<typeof setup>>) =>
    materialise(plan, { operation: op('create_app'), baseUrl: BASE, pool, vars: { harness_id: 'harness_live' }, headers: {}, namePrefix: 'conform-9-', lookup });

  it('uses --var values for properties of that name and prefixes created names', async () => {
    const plan: RequestPlan = {
      kind: { kind: 'positive' },
      path: {},
      query: {},
      headers: {},
      body: { mediaType: 'application/json', value: { name: 'Bot', harness_id: 'harness_0000000000000000000000000000000a' } },
    };
    const built = createWithVars(plan, await setup());
    expect(JSON.parse(built.request.body!.toString())).toEqual({ name: 'conform-9-Bot', harness_id: 'harness_live' });
    expect(built.request.headers['content-type']).toBe('application/json');
  });

  it('leaves the mutated spot of a negative request alone', async () => {
    const plan: RequestPlan = {
      kind: { kind: 'negative', keyword: 'pattern', pointer: '/body/harness_id', description: 'breaks the pattern' },
      path: {},
      query: {},
      headers: {},
      body: { mediaType: 'application/json', value: { name: '', harness_id: 'nope' } },
    };
    const built = createWithVars(plan, await setup());
    expect(JSON.parse(built.request.body!.toString())).toEqual({ name: 'conform-9-', harness_id: 'nope' });
  });

  it('tells the path ids the target handed out from made-up ones, and fills an undeclared template variable from the pool', async () => {
    const { op, pool } = await setup();
    const pooled = materialise(
      { kind: { kind: 'positive' }, path: { app_id: { pool: 0, fallback: 'x' } }, query: {}, headers: {} },
      { operation: op('get_app'), baseUrl: BASE, pool, vars: {}, headers: {} },
    );
    expect([...pooled.knownIds]).toEqual(['app_id']);
    const madeUp = materialise(
      { kind: { kind: 'positive' }, path: { app_id: { value: 'app_0193a3b5c0de7000800000000000cafe' } }, query: {}, headers: {} },
      { operation: op('get_app'), baseUrl: BASE, pool, vars: {}, headers: {} },
    );
    expect([...madeUp.knownIds]).toEqual([]);
    // A document that forgets to declare {app_id}: an id from the pool, never the text "undefined".
    const undeclared = { ...op('get_app'), parameters: [] };
    const filled = materialise(
      { kind: { kind: 'positive' }, path: {}, query: {}, headers: {} },
      { operation: undeclared, baseUrl: BASE, pool, vars: {}, headers: {} },
    );
    expect(filled.request.url).toBe(`${BASE}/v1/apps/${OWNED}`);
    expect([...filled.knownIds]).toEqual(['app_id']);
  });
});

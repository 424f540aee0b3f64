/** The oracle's reads between predictions: one copy of the model's state, fresh after every prediction. */
import { describe, expect, it } from 'vitest';
import { toAppsInput } from '../../../../../src/conformance/apps/sequences/apps-input.js';
import { AppsJudge } from '../../../../../src/conformance/apps/sequences/judge.js';
import { Oracle } from '../../../../../src/conformance/apps/sequences/oracle.js';
import { SpecValidator } from '../../../../../src/validation/index.js';
import { loadAppsSpec } from '../../../../helpers/serve.js';
import { HARNESS } from '../../../../helpers/apps-ids.js';

async function setup() {
  const spec = await loadAppsSpec();
  const validator = new SpecValidator(spec);
  // The judge only routes here; the oracle under test is a fresh one.
  const router = new AppsJudge(spec, validator, 'http://target.test');
  const oracle = new Oracle('http://target.test', Date.parse('2025-03-01T12:00:00Z'));
  const predict = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const request = {
      method,
      path,
      query: '',
      headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: Buffer.from(JSON.stringify(body)) }),
      url: `http://target.test${path}`,
    };
    const input = toAppsInput(validator, router.route(method, path)!, request);
    if (!input.ok) throw new Error(input.problem.detail);
    return oracle.predict(input.request, []).response;
  };
  return { oracle, predict };
}

const webhookApp = (token: string) => ({
  name: 'ec-unit-oracle',
  harness_id: HARNESS,
  channel_type: 'webhook',
  channel_config: { token, message: 'hi' },
});

describe('Oracle reads', () => {
  it('answers every read between two predictions from one copy, and a prediction makes the next read fresh', async () => {
    const { oracle, predict } = await setup();
    const empty = oracle.apps();
    expect(oracle.apps()).toBe(empty);
    const created = predict('POST', '/v1/apps', webhookApp('whtok_unit_00001x'));
    expect(created.status).toBe(201);
    const id = (created.body as { id: string }).id;
    expect(oracle.apps().map((app) => [app.id, app.status])).toEqual([[id, 'draft']]);
    // A read taken before the prediction still shows the state it was taken in.
    expect(empty).toEqual([]);
    const draft = oracle.apps();
    expect(predict('POST', `/v1/apps/${id}/publish`).status).toBe(200);
    expect(draft.map((app) => app.status)).toEqual(['draft']);
    expect(oracle.apps().map((app) => app.status)).toEqual(['published']);
  });

  it('counts runs per app afresh after a webhook call records one', async () => {
    const { oracle, predict } = await setup();
    const created = predict('POST', '/v1/apps', webhookApp('whtok_unit_00002x'));
    const app = created.body as { id: string; channels: Array<{ id: string }> };
    predict('POST', `/v1/apps/${app.id}/publish`);
    expect(oracle.runsPerApp().size).toBe(0);
    expect(oracle.runsPerApp()).toBe(oracle.runsPerApp());
    const invoked = predict(
      'POST',
      `/v1/apps/${app.id}/webhooks/${app.channels[0]!.id}`,
      { text: 'hello' },
      {
        'x-everruns-webhook-token': 'whtok_unit_00002x',
      },
    );
    expect(invoked.status).toBe(202);
    expect([...oracle.runsPerApp()]).toEqual([[app.id, 1]]);
  });
});

import { describe, expect, it } from 'vitest';
import { IdPool } from '../../../../src/conformance/generate/id-pool.js';
import { app, apps } from '../fixture.js';

const CHANNEL = 'appchan_0193a3b5c0de70008000000000000001';

describe('IdPool', () => {
  it('learns app ids from a create, and channel ids under their app, as the run’s own', async () => {
    const { spec, validator, op } = await apps();
    const pool = new IdPool(spec.operations, validator);
    const created: Record<string, unknown> = { ...app(), channels: [{ id: CHANNEL, channel_type: 'webhook' }] };
    pool.learn(op('create_app'), {}, 201, created, true);
    expect(pool.pick('app_id', 0)).toMatchObject({ value: created.id, owned: true });
    expect(pool.pick('channel_id', 0)).toEqual({ value: CHANNEL, parents: { app_id: created.id }, owned: true });
  });

  it('learns listed apps as not owned, so state-changing requests leave them alone', async () => {
    const { spec, validator, op } = await apps();
    const pool = new IdPool(spec.operations, validator);
    pool.learn(op('list_apps'), {}, 200, { data: [app('app_0193a3b5c0de700080000000000000aa')] });
    expect(pool.pick('app_id', 0)?.value).toBe('app_0193a3b5c0de700080000000000000aa');
    expect(pool.pick('app_id', 0, {}, true)).toBeUndefined();
  });

  it('never takes a run id for an app id, and ignores non-2xx answers', async () => {
    const { spec, validator, op } = await apps();
    const pool = new IdPool(spec.operations, validator);
    pool.learn(op('list_app_runs'), { app_id: 'app_0193a3b5c0de70008000000000000001' }, 200, {
      data: [{ id: 'run_0193a3b5c0de70008000000000000001' }],
    });
    pool.learn(op('get_app'), {}, 404, app());
    expect(pool.size('app_id')).toBe(0);
  });

  it('picks by index modulo the pool and prefers ids under the given parents', async () => {
    const { spec, validator } = await apps();
    const pool = new IdPool(spec.operations, validator);
    pool.add('channel_id', 'appchan_0193a3b5c0de700080000000000000a1', { app_id: 'app_0193a3b5c0de700080000000000000a0' });
    pool.add('channel_id', 'appchan_0193a3b5c0de700080000000000000b1', { app_id: 'app_0193a3b5c0de700080000000000000b0' });
    expect(pool.pick('channel_id', 3)?.value).toBe('appchan_0193a3b5c0de700080000000000000b1');
    expect(pool.pick('channel_id', 1, { app_id: 'app_0193a3b5c0de700080000000000000a0' })?.value).toBe(
      'appchan_0193a3b5c0de700080000000000000a1',
    );
  });
});

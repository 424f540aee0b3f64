import { describe, expect, it } from 'vitest';
import { HARNESS } from '../helpers/apps-ids.js';
import { startMain } from '../helpers/run-main.js';

/** Starts `mock --seed N` in-process, creates two apps, and returns their ids. */
async function idsWithSeed(seed: string): Promise<string[]> {
  const mock = startMain(['mock', '--port', '0', '--quiet', '--seed', seed]);
  const [, url] = await mock.printed(/listening on (http:\S+)/);
  const ids: string[] = [];
  for (const name of ['First', 'Second']) {
    const created = await fetch(`${url}/v1/apps`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name, harness_id: HARNESS }),
    });
    ids.push(((await created.json()) as { id: string }).id);
  }
  await mock.stop();
  return ids;
}

// Issue 11: `--seed 7` gave the same random bits but a new UUIDv7 time prefix on every run.
describe('issue 11: --seed reproduces ids, their time prefix too', () => {
  it('gives the same ids on two runs with --seed 7, in creation order, and other ids with another seed', async () => {
    const first = await idsWithSeed('7');
    // Wall-clock milliseconds pass between the runs; the ids must not notice.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = await idsWithSeed('7');
    expect(second).toEqual(first);
    expect(first[0]! < first[1]!).toBe(true);
    expect(first.every((id) => /^app_[0-9a-f]{12}7[0-9a-f]{3}[89ab][0-9a-f]{15}$/.test(id))).toBe(true);
    expect(await idsWithSeed('8')).not.toEqual(first);
  });
});

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startMock } from '../../src/api/index.js';
import { tempDir } from '../helpers/temp-dir.js';

const DEMO = JSON.parse(readFileSync(new URL('../../fixtures/demo.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const DAY = 24 * 3600 * 1000;

/** The demo state as if it had been recorded `daysAgo` days ago: every time moved back, `relative_to` too. */
function agedDemo(daysAgo: number, relative: boolean): string {
  const moved = JSON.parse(JSON.stringify(DEMO), (key, value: unknown) =>
    (key.endsWith('_at') || key === 'relative_to') && typeof value === 'string'
      ? new Date(Date.parse(value) - daysAgo * DAY).toISOString()
      : value,
  ) as Record<string, unknown>;
  if (!relative) delete moved.relative_to;
  const file = join(tempDir(), 'demo.json');
  writeFileSync(file, JSON.stringify(moved));
  return file;
}

/** How many runs the first app lists in the default 24 h window. */
async function runsInDefaultWindow(state: string): Promise<number> {
  const mock = await startMock({ state, runDurationMs: 0, dashboard: false });
  try {
    const apps = (await (await fetch(`${mock.url}/v1/apps?include_archived=true`)).json()) as { data: Array<{ id: string; name: string }> };
    const bot = apps.data.find((app) => app.name === 'Support Bot')!;
    return ((await (await fetch(`${mock.url}/v1/apps/${bot.id}/runs`)).json()) as { data: unknown[] }).data.length;
  } finally {
    await mock.close();
  }
}

// Issue 11: fixtures/demo.json's runs were dated the day it was recorded, so after a day the
// default 24 h window showed none. Its times are relative to `relative_to`, moved to now at load.
describe('issue 11: the demo state shows its runs on any day', () => {
  it('shows the runs of a demo recorded a week ago in the default window', async () => {
    expect(DEMO.relative_to).toEqual(expect.any(String));
    expect(await runsInDefaultWindow(agedDemo(7, true))).toBe(2);
  });

  it('without relative_to, the same week-old state shows none (times are taken as they are)', async () => {
    expect(await runsInDefaultWindow(agedDemo(7, false))).toBe(0);
  });
});

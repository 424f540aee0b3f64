import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startMock } from '../../src/api/index.js';
import { expectOneLineFailure, runMain } from '../helpers/run-main.js';
import { tempDir } from '../helpers/temp-dir.js';

type Json = Record<string, unknown>;
const DEMO = JSON.parse(readFileSync(new URL('../../fixtures/demo.json', import.meta.url), 'utf8')) as { apps: Json[]; runs: Json[] };
const app = (changes: Json): Json => ({ ...DEMO.apps[0], ...changes });

/** A snapshot as the mock exports it, with its records replaced. */
const snapshot = (apps: unknown[], runs: unknown[] = []) => ({ version: 1, apps, runs });

// Issue 11: `--load` took apps such as {"id":"bad"} or status "bogus", and the mock then answered
// 500 on GET /v1/apps. Every record is now checked before anything is replaced.
describe('issue 11: a snapshot with a malformed record is refused, naming the record', () => {
  it.each([
    [
      'an app that is only an id',
      snapshot([{ id: 'bad' }]),
      /apps\[0\] \(id "bad"\): id must be app_ followed by 32 lowercase hex digits; got no prefix/,
    ],
    [
      'an unknown status',
      snapshot([app({ status: 'bogus' })]),
      /apps\[0\] \(id "app_[0-9a-f]{32}"\): status must be one of draft, published, archived, deleted, got "bogus"/,
    ],
    ['a missing timestamp', snapshot([app({ created_at: undefined })]), /apps\[0\] .*: created_at is missing/],
    [
      'a malformed timestamp',
      snapshot([app({ updated_at: 'yesterday' })]),
      /apps\[0\] .*: updated_at must be an RFC 3339 instant, got "yesterday"/,
    ],
    ['channels that are not a list', snapshot([app({ channels: {} })]), /apps\[0\] .*: channels must be an array/],
    [
      'a channel of an unknown type',
      snapshot([app({ channels: [{ ...(DEMO.apps[0]!.channels as Json[])[0], channel_type: 'fax' }] })]),
      /apps\[0\]\.channels\[0\] .*: channel_type must be one of/,
    ],
    ['the same app twice', snapshot([DEMO.apps[0], DEMO.apps[0]]), /apps\[1\] .*: repeats the id of an earlier record/],
    ['a run of no app', snapshot([], [DEMO.runs[0]]), /runs\[0\] .*: app_id "app_[0-9a-f]{32}" names no app of the snapshot/],
    ['a record that is not an object', snapshot(['app']), /apps\[0\] must be an object, got "app"/],
  ])('--load refuses %s in one line', async (_what, value, mention) => {
    const file = join(tempDir(), 'state.json');
    writeFileSync(file, JSON.stringify(value));
    expectOneLineFailure(
      await runMain(['mock', '--port', '0', '--load', file]),
      new RegExp(`^everruns-contract mock: Usage error: --load file .*state\\.json: ${mention.source}`),
    );
  });

  it('PUT /__mock/state refuses it with a 400 naming the record, and the state stays as it was', async () => {
    const mock = await startMock({ state: 'fixtures/demo.json', dashboard: false });
    try {
      const before = mock.state();
      const answer = await fetch(`${mock.url}/__mock/state`, { method: 'PUT', body: JSON.stringify(snapshot([app({ status: 'bogus' })])) });
      expect(answer.status).toBe(400);
      expect(((await answer.json()) as { detail: string }).detail).toMatch(/apps\[0\] .*status must be one of/);
      expect(mock.state()).toEqual(before);
      expect((await fetch(`${mock.url}/v1/apps`)).status).toBe(200);
    } finally {
      await mock.close();
    }
  });

  it('loads the shipped demo state, and a list of apps is then a 200', async () => {
    const mock = await startMock({ state: 'fixtures/demo.json', dashboard: false });
    try {
      const list = await fetch(`${mock.url}/v1/apps`);
      expect(list.status).toBe(200);
      expect(((await list.json()) as { data: unknown[] }).data.length).toBeGreaterThan(0);
    } finally {
      await mock.close();
    }
  });
});

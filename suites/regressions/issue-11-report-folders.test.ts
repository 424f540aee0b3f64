import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startMock } from '../../src/api/index.js';
import { runMain, startMain } from '../helpers/run-main.js';
import { tempDir } from '../helpers/temp-dir.js';

const HAR = new URL('../../fixtures/apps-lifecycle.har', import.meta.url).pathname;

// Issue 11: the README's `conform --har … --junit reports/recorded.xml` ran, printed "all checks
// passed" and exited 2 because reports/ did not exist; `--record reports/x.har` printed a stack.
describe('issue 11: report and recording folders are created', () => {
  it('writes --junit and --json into folders that do not exist yet', async () => {
    const dir = tempDir();
    const junit = join(dir, 'reports', 'recorded.xml');
    const json = join(dir, 'reports', 'deeper', 'recorded.json');
    const result = await runMain(['conform', '--har', HAR, '--junit', junit, '--json', json]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(readFileSync(junit, 'utf8')).toMatch(/^<\?xml/);
    expect(JSON.parse(readFileSync(json, 'utf8'))).toMatchObject({ passed: true });
  });

  it('records a live run with --record into a new folder', async () => {
    const mock = await startMock({ runDurationMs: 0, dashboard: false });
    try {
      const har = join(tempDir(), 'reports', 'run.har');
      const result = await runMain([
        'conform',
        '--target',
        mock.url,
        '--runs',
        '3',
        '--seed',
        '1',
        '--record',
        har,
        '--checks',
        'not_a_server_error',
      ]);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(JSON.parse(readFileSync(har, 'utf8')).log.entries.length).toBeGreaterThan(0);
    } finally {
      await mock.close();
    }
  });

  it('records a proxy session with record --out into a new folder', async () => {
    const mock = await startMock({ dashboard: false });
    try {
      const har = join(tempDir(), 'fixtures', 'session.har');
      const recorder = startMain(['record', '--target', mock.url, '--out', har, '--port', '0']);
      const [, url] = await recorder.printed(/listening on (http:\S+)/);
      expect((await fetch(`${url}/v1/apps`)).status).toBe(200);
      expect((await recorder.stop()).code).toBe(0);
      expect(existsSync(har)).toBe(true);
    } finally {
      await mock.close();
    }
  });
});

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runConform } from '../../../src/cli/commands/conform.js';
import { captureIo } from '../../helpers/capture-io.js';
import { serveApps } from '../../helpers/serve.js';
import { serveWithBug } from '../targets/front.js';
import { PLANTED, reportReader } from './look.js';

/** `conform --html` as a user runs it: against a planted bug live, then over the recording of that run offline. */

const reader = reportReader();
const { dir } = reader;

describe('conform --html', () => {
  it('writes a report a browser opens offline, live and from the recording of the same run with --har', async () => {
    const front = await serveWithBug(PLANTED.bug());
    const live = { html: join(dir, 'live.html'), json: join(dir, 'live.json'), har: join(dir, 'live.har') };
    const io = captureIo();
    const code = await runConform(
      ['--target', front.url, '--runs', '5', '--seed', '7', '--html', live.html, '--json', live.json, '--record', live.har],
      io,
    );
    expect(code, io.err()).toBe(1);
    expect(io.out()).toMatch(/^coverage: [\d.]+% of declared responses answered \(\d+ of \d+\), \d+ of \d+ operations reached$/m);
    expect(await reader.look(live.html)).toEqual({
      failed: true,
      finding: true,
      reproduction: true,
      coverage: true,
      scripted: true,
      fetched: [],
      errors: [],
    });
    const report = JSON.parse(readFileSync(live.json, 'utf8'));
    const createApp = report.coverage.matrix.find((row: { operation: string }) => row.operation === 'create_app');
    expect(createApp.cells).toContainEqual(expect.objectContaining({ status: '200', mark: 'undeclared' }));
    expect(createApp.cells).toContainEqual(expect.objectContaining({ status: '201', mark: 'not-reached', answers: 0 }));
    expect(report.coverage.percent).toBeGreaterThan(0);

    const offline = join(dir, 'offline.html');
    const again = captureIo();
    expect(await runConform(['--har', live.har, '--html', offline], again), again.err()).toBe(1);
    expect(await reader.look(offline)).toMatchObject({
      failed: true,
      finding: true,
      reproduction: true,
      coverage: true,
      fetched: [],
    });
  });
});

describe('conform --min-coverage', () => {
  it('fails the gate with a line that says why, and passes it when the share is reached', async () => {
    const mock = await serveApps();
    const json = join(dir, 'gate.json');
    const strict = captureIo();
    expect(
      await runConform(['--target', mock.url, '--runs', '3', '--seed', '2', '--min-coverage', '100', '--json', json], strict),
      strict.out(),
    ).toBe(1);
    expect(strict.out()).toMatch(/all checks passed/);
    expect(strict.out()).toMatch(
      /^coverage [\d.]+% of declared responses answered \(\d+ of \d+\), \d+ of \d+ operations reached: below --min-coverage 100%$/m,
    );
    expect(JSON.parse(readFileSync(json, 'utf8'))).toMatchObject({ passed: false, findings: [], coverage: { minimum: 100, met: false } });

    const lenient = captureIo();
    expect(
      await runConform(['--target', mock.url, '--runs', '3', '--seed', '2', '--min-coverage', '10', '--json', json], lenient),
      lenient.out(),
    ).toBe(0);
    expect(JSON.parse(readFileSync(json, 'utf8'))).toMatchObject({ passed: true, coverage: { minimum: 10, met: true } });
  });

  it('refuses a threshold that is not a percentage before anything is sent, exit 2', async () => {
    for (const value of ['abc', '150', '-1', '']) {
      const io = captureIo();
      // The target is never reached: the flag is read first.
      expect(await runConform(['--target', 'http://127.0.0.1:9', `--min-coverage=${value}`], io)).toBe(2);
      expect(io.err()).toMatch(/--min-coverage must be/);
    }
  });

  it('creates the folder of the report, as for every report', async () => {
    const mock = await serveApps();
    const file = join(dir, 'no-such-folder', 'report.html');
    const io = captureIo();
    expect(
      await runConform(['--target', mock.url, '--runs', '1', '--seed', '1', '--checks', 'not_a_server_error', '--html', file], io),
    ).toBe(0);
    expect(existsSync(file)).toBe(true);
  });

  it('says it cannot write the report where a folder stands, exit 2, after printing the run', async () => {
    const mock = await serveApps();
    const io = captureIo();
    expect(
      await runConform(['--target', mock.url, '--runs', '1', '--seed', '1', '--checks', 'not_a_server_error', '--html', dir], io),
    ).toBe(2);
    expect(io.err()).toMatch(/cannot write .*: EISDIR/);
    expect(io.out()).toMatch(/not_a_server_error/);
  });
});

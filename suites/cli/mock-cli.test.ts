import { mkdtempSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, startCli } from '../helpers/cli-process.js';
import { expectOneLineFailure, runMain } from '../helpers/run-main.js';
import { HARNESS } from '../helpers/apps-ids.js';

/** `everruns-contract` in-process through `main(argv, io)`, plus one real process for signal handling. */

function specFile(name: string, content: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'everruns-cli-'));
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}

describe('everruns-contract CLI: help and usage errors', () => {
  it('prints the command list for --help and exits 0', async () => {
    for (const flag of ['--help', '-h', 'help']) {
      const result = await runMain([flag]);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/Usage: everruns-contract <command>/);
      expect(result.stdout).toMatch(/^\s+mock\s+/m);
      expect(result.stderr).toBe('');
    }
  });

  it('prints usage and exits 2 without a command', async () => {
    const result = await runMain([]);
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/Usage:/);
  });

  it('prints the options and runnable examples for mock --help and exits 0', async () => {
    const result = await runMain(['mock', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Usage: everruns-contract mock/);
    for (const flag of ['--spec', '--port', '--state', '--load', '--api-key', '--run-failure-rate', '--seed']) expect(result.stdout).toContain(flag);
    const examples = result.stdout.slice(result.stdout.indexOf('Examples:'));
    expect(examples).toMatch(/^Examples:/);
    expect(examples.match(/everruns-contract mock/g)?.length).toBeGreaterThanOrEqual(3);
    expect(examples).toMatch(/curl .*\/v1\/apps/);
  });

  it('exits 2 with one line for an unknown command', async () => {
    expectOneLineFailure(await runMain(['serve']), /unknown command 'serve'/);
  });

  it.each([
    [['--port', 'abc'], /--port.*abc/],
    [['--port', '70000'], /--port/],
    [['--port', '-1'], /--port/],
    [['--run-failure-rate', '2'], /--run-failure-rate.*2/],
    [['--run-failure-rate', 'lots'], /--run-failure-rate/],
    [['--run-duration', '1.5'], /--run-duration/],
    [['--seed', 'x'], /--seed/],
    [['--base-url', 'not a url'], /--base-url/],
    [['--base-url', 'ftp://example.com'], /--base-url/],
    [['--api-key', '  '], /--api-key/],
    [['--bogus'], /bogus/],
    [['--port'], /port/],
    [['stray-positional'], /stray-positional/],
  ])('exits 2 with one line for mock %j', async (flags, mention) => {
    expectOneLineFailure(await runMain(['mock', ...flags]), mention);
  });

  it.each([
    ['a missing file', () => join(tmpdir(), 'no-such-dir-everruns', 'openapi.yaml'), /no-such-dir-everruns/],
    ['invalid YAML', () => specFile('broken.yaml', 'openapi: 3.0.3\ninfo: [unclosed\n  title: x\n'), /broken\.yaml/],
    ['OpenAPI 4.0', () => specFile('v4.json', JSON.stringify({ openapi: '4.0.0', info: { title: 'x', version: '1' }, paths: {} })), /v4\.json.*4\.0\.0.*line 1/],
    ['not an OpenAPI document', () => specFile('plain.yaml', 'name: x\nitems: [1, 2]\n'), /plain\.yaml.*neither "openapi" nor "swagger"/],
    ['an empty file', () => specFile('empty.yaml', ''), /empty\.yaml/],
    ['a JSON array', () => specFile('array.json', '[1, 2]'), /array\.json/],
  ])('exits 2 with one line for a spec that is %s', async (_what, file, mention) => {
    expectOneLineFailure(await runMain(['mock', '--port', '0', '--spec', file()]), mention);
  });

  it('exits 2 with one line for --state with --stateless', async () => {
    const petstore = new URL('../../node_modules/@readme/oas-examples/3.0/json/petstore.json', import.meta.url).pathname;
    expectOneLineFailure(await runMain(['mock', '--port', '0', '--spec', petstore, '--stateless', '--state', join(tmpdir(), 'never.db')]), /--state/);
  });
});

describe('everruns-contract mock as a process: problem types', () => {
  beforeAll(ensureBuilt, 180_000);

  it('types problems on the Everruns base for the Apps document, stateless too, and about:blank for any other', async () => {
    const petstore = new URL('../../node_modules/@readme/oas-examples/3.0/json/petstore.json', import.meta.url).pathname;
    const [apps, other] = await Promise.all([startCli(['mock', '--port', '0', '--quiet', '--stateless']), startCli(['mock', '--port', '0', '--quiet', '--spec', petstore])]);
    const typeAt = async (url: string) => ((await (await request(`${url}/nowhere`)).body.json()) as { type: string }).type;
    expect(await typeAt(apps.url)).toBe('https://docs.everruns.com/errors/route_not_found');
    expect(await typeAt(other.url)).toBe('about:blank');
  });
});

describe('everruns-contract mock as a process: graceful stop', () => {
  beforeAll(ensureBuilt, 180_000);

  it('lets a request in flight at SIGTERM finish, refuses new connections, and exits 0', async () => {
    const cli = await startCli(['mock', '--port', '0', '--quiet']);
    const body = JSON.stringify({ name: 'In flight', harness_id: HARNESS });
    const socket = connect(cli.port, '127.0.0.1');
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
    await new Promise<void>((done) => socket.once('connect', done));
    // Headers and half the body: the request is now in flight and stays so until the rest arrives.
    socket.write(`POST /v1/apps HTTP/1.1\r\nhost: localhost\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n`);
    socket.write(body.slice(0, 10));
    await new Promise((done) => setTimeout(done, 200));

    cli.child.kill('SIGTERM');
    await waitFor(() => /SIGTERM/.test(cli.stdout()), 5_000);
    // Closed for new work …
    await expect(request(`${cli.url}/__mock/health`)).rejects.toThrow();
    expect(cli.child.exitCode).toBeNull();

    // … but the request already in flight is answered in full.
    socket.write(body.slice(10));
    await waitFor(() => /\r\n\r\n\{.*\}$/s.test(received), 5_000);
    expect(received).toMatch(/^HTTP\/1\.1 201 /);
    // The answer ends its keep-alive connection, so the process need not wait out the keep-alive timeout.
    expect(received).toMatch(/\r\nconnection: close\r\n/i);
    const answered = Date.now();
    expect(JSON.parse(received.slice(received.indexOf('\r\n\r\n') + 4))).toMatchObject({ name: 'In flight', status: 'draft' });

    const { code } = await cli.exited;
    socket.destroy();
    expect(code).toBe(0);
    expect(Date.now() - answered).toBeLessThan(3_000);
    expect(cli.stdout()).toMatch(/stopped/);
    expect(cli.stderr()).toBe('');
  });
});

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((done) => setTimeout(done, 20));
  }
}

/**
 * What the target URL carries: credentials in its userinfo (sent as Basic, never printed or
 * written), and a deployment whose canonical links name another origin (--link-base).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runConform } from '../../src/cli/commands/conform.js';
import { editJson, serveWithBug, type Seen } from './targets/front.js';
import { captureIo } from '../helpers/capture-io.js';
import { freePort } from '../helpers/free-port.js';

const PASSWORD = 'pw-Zq81-never-shown';

const withUser = (url: string) => url.replace('http://', `http://ops:${encodeURIComponent(PASSWORD)}@`);

describe('a password in --target', () => {
  it('is sent as Basic credentials and appears nowhere: stdout, the JSON report, a finding', async () => {
    const seen: string[] = [];
    // A bug that shows up (an undeclared 200), so a finding with its curl is printed too.
    const front = await serveWithBug({
      before: (request: Seen) => void seen.push(request.headers.authorization ?? '') as undefined,
      after: (request, answer) =>
        request.method === 'POST' && request.path === '/v1/apps' && answer.status === 201 ? { ...answer, status: 200 } : answer,
    });
    const json = join(mkdtempSync(join(tmpdir(), 'conform-userinfo-')), 'r.json');
    const cli = captureIo();
    const code = await runConform(
      ['--target', withUser(front.url), '--runs', '3', '--seed', '8', '--checks', 'status_code_conformance', '--json', json],
      cli,
    );
    expect(code, cli.err()).toBe(1);
    expect(seen).toContain(`Basic ${Buffer.from(`ops:${PASSWORD}`).toString('base64')}`);
    for (const text of [cli.out(), cli.err(), readFileSync(json, 'utf8')]) {
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain(encodeURIComponent(PASSWORD));
      expect(text).not.toContain(Buffer.from(`ops:${PASSWORD}`).toString('base64'));
    }
    expect(cli.out()).toContain(`conform ${front.url}:`);
  });

  it('is masked in the error of a target that cannot be reached', async () => {
    const cli = captureIo();
    expect(await runConform(['--target', withUser(`http://127.0.0.1:${await freePort()}`), '--runs', '1'], cli)).toBe(2);
    expect(cli.err()).toMatch(/cannot reach/);
    expect(cli.err()).not.toContain(PASSWORD);
  });
});

describe('--link-base', () => {
  // The deployment names its canonical origin in every link (a gateway in front of it).
  const CANONICAL = 'https://api.canonical-gateway.io/apps-api';
  const canonicalLinks = () => ({
    after: (_seen: Seen, answer: Parameters<typeof editJson>[0]) =>
      editJson(answer, (value) => {
        const app = value as { self_url?: unknown };
        if (app && typeof app.self_url === 'string') app.self_url = app.self_url.replace(/^http:\/\/127\.0\.0\.1:\d+/, CANONICAL);
        return value;
      }),
  });

  it('follows links under the canonical base on the target, where without it they are another origin', async () => {
    const front = await serveWithBug(canonicalLinks());
    const without = captureIo();
    expect(await runConform(['--target', front.url, '--runs', '5', '--seed', '3', '--checks', 'links_resolve'], without)).toBe(1);
    expect(without.out()).toMatch(/\[links_resolve\] \S+: self_url points to another origin/);
    const withBase = captureIo();
    expect(
      await runConform(
        ['--target', front.url, '--runs', '5', '--seed', '3', '--checks', 'links_resolve', '--link-base', CANONICAL],
        withBase,
      ),
    ).toBe(0);
    expect(withBase.out()).toMatch(/✓ links_resolve: [1-9]\d* passed, 0 failed/);
  });
});

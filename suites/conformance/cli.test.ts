import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runConform } from '../../src/cli/commands/conform.js';
import type { CliIo } from '../../src/cli/io.js';
import { serveApps } from '../helpers/serve.js';
import { CATALOGUE } from './targets/catalogue.js';
import { serveWithBug } from './targets/front.js';

const API_KEY = 'ek_live_supersecret_0123456789';
const HEADER_SECRET = 'tenant-secret-abcdef987654';

function io(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (text) => out.push(text), stderr: (text) => err.push(text), stopSignal: new Promise(() => {}) };
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('everruns-contract conform: exit codes', () => {
  it('prints its help with examples and every check name, exit 0', async () => {
    const cli = io();
    expect(await runConform(['--help'], cli)).toBe(0);
    expect(cli.out.join('')).toMatch(/Examples:[\s\S]*conform --target/);
    expect(cli.out.join('')).toMatch(/links_resolve/);
  });

  it('exits 2 without --target', async () => {
    const cli = io();
    expect(await runConform([], cli)).toBe(2);
    expect(cli.err.join('')).toMatch(/--target/);
  });

  it('exits 2 for an unknown check, listing the valid ones', async () => {
    const mock = await serveApps();
    const cli = io();
    expect(await runConform(['--target', mock.url, '--checks', 'no_such_check'], cli)).toBe(2);
    expect(cli.err.join('')).toMatch(/valid checks: .*status_code_conformance/);
  });

  it('exits 2 with one line when the target cannot be reached', async () => {
    const cli = io();
    expect(await runConform(['--target', `http://127.0.0.1:${await closedPort()}`, '--runs', '1'], cli)).toBe(2);
    expect(cli.err).toHaveLength(1);
    expect(cli.err[0]).toMatch(/cannot reach/);
  });

  it('exits 2 for an invalid spec', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'conform-spec-'));
    // A document that breaks the OpenAPI schema is served with warnings; one that cannot be read is refused.
    writeFileSync(join(dir, 'bad.json'), '{"openapi": "3.1.0", "paths": 7');
    const mock = await serveApps();
    const cli = io();
    expect(await runConform(['--target', mock.url, '--spec', join(dir, 'bad.json')], cli)).toBe(2);
    expect(cli.err).toHaveLength(1);
  });

  it('exits 0 against the clean mock and never prints or writes a credential', async () => {
    const mock = await serveApps({ apiKey: API_KEY });
    const dir = mkdtempSync(join(tmpdir(), 'conform-report-'));
    const cli = io();
    const code = await runConform(
      [
        '--target',
        mock.url,
        '--api-key',
        API_KEY,
        '--header',
        `X-Tenant: ${HEADER_SECRET}`,
        '--runs',
        '10',
        '--seed',
        '3',
        '--junit',
        join(dir, 'r.xml'),
        '--json',
        join(dir, 'r.json'),
      ],
      cli,
    );
    const stdout = cli.out.join('');
    expect(cli.err.join('')).toBe('');
    expect(code, stdout).toBe(0);
    expect(stdout).toMatch(/all checks passed/);
    for (const text of [stdout, readFileSync(join(dir, 'r.xml'), 'utf8'), readFileSync(join(dir, 'r.json'), 'utf8')]) {
      expect(text).not.toContain(API_KEY);
      expect(text).not.toContain(HEADER_SECRET);
    }
    expect(JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8'))).toMatchObject({ passed: true, seed: 3 });
  });

  it('exits 1 when a check fails, with the finding in the text, JUnit and JSON reports and secrets masked', async () => {
    const planted = CATALOGUE.find((entry) => entry.check === 'status_code_conformance')!;
    const front = await serveWithBug(planted.bug());
    const dir = mkdtempSync(join(tmpdir(), 'conform-report-'));
    const cli = io();
    const code = await runConform(
      [
        '--target',
        front.url,
        '--header',
        `X-Tenant: ${HEADER_SECRET}`,
        '--runs',
        '10',
        '--seed',
        '5',
        '--junit',
        join(dir, 'r.xml'),
        '--json',
        join(dir, 'r.json'),
      ],
      cli,
    );
    const stdout = cli.out.join('');
    expect(code).toBe(1);
    expect(stdout).toMatch(/\[status_code_conformance\] create_app: Undeclared status 200/);
    expect(stdout).toMatch(/1\. curl .*-X POST/);
    expect(stdout).toMatch(/x-tenant: \*\*\*/);
    expect(stdout).toMatch(/replay: --seed 5 --replay create_app:positive:\d+:/);
    const junit = readFileSync(join(dir, 'r.xml'), 'utf8');
    expect(junit).toMatch(/<testsuite name="status_code_conformance" tests="\d+" failures="1"/);
    expect(junit).toMatch(/<testcase classname="status_code_conformance" name="create_app">\s*<failure/);
    const report = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8'));
    expect(report.findings.some((f: { check: string }) => f.check === 'status_code_conformance')).toBe(true);
    for (const text of [stdout, junit, JSON.stringify(report)]) expect(text).not.toContain(HEADER_SECRET);
  });

  it('masks the webhook token the run created itself, even where the target echoes it', async () => {
    const planted = CATALOGUE.find((entry) => entry.check === 'secret_not_echoed')!;
    const front = await serveWithBug(planted.bug());
    const dir = mkdtempSync(join(tmpdir(), 'conform-report-'));
    const cli = io();
    expect(await runConform(['--target', front.url, '--runs', '10', '--seed', '6', '--json', join(dir, 'r.json')], cli)).toBe(1);
    const stdout = cli.out.join('');
    expect(stdout).toMatch(/\[secret_not_echoed\]/);
    for (const text of [stdout, readFileSync(join(dir, 'r.json'), 'utf8')]) expect(text).not.toMatch(/conform-6-[0-9a-f]{24}/);
  });
});

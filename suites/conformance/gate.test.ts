/**
 * The gate as a CI job sees it: document warnings apart and passing unless --fail-on warning,
 * waivers that accept a known finding until they expire, and counts that add up.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runConform } from '../../src/cli/commands/conform.js';
import { documentWith, inlineSpec } from '../helpers/inline-spec.js';
import { serveApps, serveStateless } from '../helpers/serve.js';
import { CATALOGUE } from './targets/catalogue.js';
import { serveWithBug } from './targets/front.js';
import { captureIo } from '../helpers/capture-io.js';
import { listenForTest } from '../helpers/listen.js';

const dir = () => mkdtempSync(join(tmpdir(), 'conform-gate-'));

/** GitHub's habit: operations that declare no status for rejecting invalid input, served by the mock of that document. */
async function undeclaredRejection(): Promise<{ url: string; spec: string }> {
  const document = documentWith('3.0.3', {
    '/repos': {
      get: {
        operationId: 'listRepos',
        parameters: [{ name: 'per_page', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100 } }],
        responses: {
          '200': { description: 'ok', content: { 'application/json': { schema: { type: 'array', items: { type: 'string' } } } } },
          '304': { description: 'not modified' },
        },
      },
    },
    '/repos/{repo}/issues': {
      get: {
        operationId: 'listIssues',
        parameters: [
          { name: 'repo', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'state', in: 'query', schema: { type: 'string', enum: ['open', 'closed'] } },
        ],
        responses: {
          '200': { description: 'ok', content: { 'application/json': { schema: { type: 'array', items: { type: 'integer' } } } } },
        },
      },
    },
  });
  const path = join(dir(), 'openapi.json');
  writeFileSync(path, JSON.stringify(document));
  const mock = await serveStateless(await inlineSpec(document));
  return { url: mock.url, spec: path };
}

describe('document warnings and --fail-on', () => {
  it('lists "no status declared for rejecting invalid input" once for every operation, apart, and passes', async () => {
    const target = await undeclaredRejection();
    const out = dir();
    const cli = captureIo();
    const code = await runConform(
      [
        '--target',
        target.url,
        '--spec',
        target.spec,
        '--runs',
        '20',
        '--seed',
        '4',
        '--json',
        join(out, 'r.json'),
        '--junit',
        join(out, 'r.xml'),
      ],
      cli,
    );
    expect(code, cli.out()).toBe(0);
    expect(cli.out()).toMatch(/Document warnings \(1\)/);
    expect(cli.out()).toMatch(
      /W1\. \[status_code_conformance\] \S+: No status declared for rejecting invalid input \(seen \d+ times on 2 operations\)/,
    );
    expect(cli.out()).toMatch(/passed with 1 document warning/);
    const report = JSON.parse(readFileSync(join(out, 'r.json'), 'utf8'));
    expect(report).toMatchObject({ passed: true, failOn: 'error', findings: [], counts: { findings: 0, documentWarnings: 1, waived: 0 } });
    expect(report.documentWarnings[0]).toMatchObject({
      check: 'status_code_conformance',
      severity: 'warning',
      scope: 'api',
      key: 'no-rejection-status',
    });
    expect(report.documentWarnings[0].operations.sort()).toEqual(['listIssues', 'listRepos']);
    expect(report.documentWarnings[0].count).toBeGreaterThan(2);
    const junit = readFileSync(join(out, 'r.xml'), 'utf8');
    expect(junit).toMatch(/<testsuite name="document warnings" tests="1" failures="0" errors="0" skipped="1">/);
    expect(junit).toMatch(/<testsuite name="status_code_conformance" tests="2" failures="0"/);
  });

  it('fails the gate on document warnings with --fail-on warning, and refuses another value', async () => {
    const target = await undeclaredRejection();
    const cli = captureIo();
    expect(
      await runConform(['--target', target.url, '--spec', target.spec, '--runs', '20', '--seed', '4', '--fail-on', 'warning'], cli),
    ).toBe(1);
    expect(cli.out()).toMatch(/--fail-on warning fails the gate on them/);
    const wrong = captureIo();
    expect(await runConform(['--target', target.url, '--spec', target.spec, '--fail-on', 'info'], wrong)).toBe(2);
    expect(wrong.err()).toMatch(/--fail-on expects warning or error/);
  });

  it("takes a 404 for an id that is the document's own example as the document's gap, not the target's defect", async () => {
    // A target that answers the list as the document's example says, and knows no such session.
    const document = documentWith('3.0.3', {
      '/sessions': {
        get: {
          operationId: 'listSessions',
          responses: {
            '200': {
              description: 'ok',
              content: {
                'application/json': {
                  schema: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' } } } },
                  example: [{ id: 'event_0193example' }],
                },
              },
            },
          },
        },
      },
      '/sessions/{session_id}/refs': {
        get: {
          operationId: 'listRefs',
          parameters: [{ name: 'session_id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'array' } } } } },
        },
      },
    });
    const path = join(dir(), 'openapi.json');
    writeFileSync(path, JSON.stringify(document));
    const target = await listenForTest(
      createServer((req, res) => {
        const list = req.url === '/sessions';
        res
          .writeHead(list ? 200 : 404, { 'content-type': 'application/json' })
          .end(JSON.stringify(list ? [{ id: 'event_0193example' }] : { message: 'no such session' }));
      }),
    );
    const json = join(dir(), 'r.json');
    const cli = captureIo();
    expect(await runConform(['--target', target, '--spec', path, '--runs', '10', '--seed', '3', '--json', json], cli), cli.out()).toBe(0);
    const report = JSON.parse(readFileSync(json, 'utf8'));
    expect(report.findings).toEqual([]);
    expect(report.documentWarnings.map((f: { key: string; operation: string }) => `${f.operation} ${f.key}`)).toContain(
      'listRefs no-not-found-status',
    );
  });
});

describe('--waivers', () => {
  const planted = CATALOGUE.find((entry) => entry.check === 'status_code_conformance')!;
  const waivers = (expires: string) => {
    const path = join(dir(), 'waivers.yaml');
    writeFileSync(
      path,
      `waivers:\n  - check: status_code_conformance\n    operation: create_app\n    key: "status:200"\n    reason: create_app answers 200 until the gateway is fixed (PLAT-1234)\n    expires: ${expires}\n`,
    );
    return path;
  };

  it('accepts a known finding until its waiver expires: shown as waived, the gate passes', async () => {
    const front = await serveWithBug(planted.bug());
    const out = join(dir(), 'r.json');
    const cli = captureIo();
    const code = await runConform(
      [
        '--target',
        front.url,
        '--runs',
        '10',
        '--seed',
        '5',
        '--checks',
        'status_code_conformance',
        '--waivers',
        waivers('2999-12-31'),
        '--json',
        out,
      ],
      cli,
    );
    expect(code, cli.out()).toBe(0);
    expect(cli.out()).toMatch(
      /Waived \(1\)[\s\S]*create_app: Undeclared status 200 \(key status:200\) — create_app answers 200 until the gateway is fixed \(PLAT-1234\) \(until 2999-12-31\)/,
    );
    const report = JSON.parse(readFileSync(out, 'utf8'));
    expect(report).toMatchObject({ passed: true, findings: [], counts: { waived: 1 } });
    expect(report.waivers).toEqual([expect.objectContaining({ state: 'active', matched: 1 })]);
  });

  it('reports an expired waiver, and the finding it accepted fails the gate again', async () => {
    const front = await serveWithBug(planted.bug());
    const cli = captureIo();
    const code = await runConform(
      ['--target', front.url, '--runs', '10', '--seed', '5', '--checks', 'status_code_conformance', '--waivers', waivers('2020-01-31')],
      cli,
    );
    expect(code).toBe(1);
    expect(cli.out()).toMatch(
      /expired waiver: \[status_code_conformance\] create_app key status:200 .* ended on 2020-01-31; what it accepted fails again/,
    );
    expect(cli.out()).toMatch(/1\. \[status_code_conformance\] create_app: Undeclared status 200/);
  });

  it('refuses a waivers file that would silently waive nothing: an unknown check, a missing reason or date', async () => {
    const mock = await serveApps();
    for (const [text, message] of [
      ['- check: no_such_check\n  reason: r\n  expires: 2999-01-01\n', /unknown check no_such_check/],
      ['- check: links_resolve\n  expires: 2999-01-01\n', /waiver 1 needs a non-empty "reason"/],
      ['- check: links_resolve\n  reason: r\n  expires: someday\n', /needs "expires" as a date/],
      ['- check: links_resolve\n  reason: r\n  expires: 2999-01-01\n  operations: x\n', /unknown field operations/],
    ] as const) {
      const path = join(dir(), 'w.yaml');
      writeFileSync(path, text);
      const cli = captureIo();
      expect(await runConform(['--target', mock.url, '--runs', '1', '--waivers', path], cli)).toBe(2);
      expect(cli.err()).toMatch(message);
    }
  });
});

describe('counts that add up', () => {
  it('names in the header as many checks as the table lists, the stateful ones included', async () => {
    const mock = await serveApps({ runDurationMs: 0 });
    const cli = captureIo();
    expect(await runConform(['--target', mock.url, '--runs', '3', '--seed', '2'], cli)).toBe(0);
    const header = Number(/operations, (\d+) checks, seed 2/.exec(cli.out())![1]);
    const table = cli
      .out()
      .split('\n')
      .slice(
        cli
          .out()
          .split('\n')
          .findIndex((line) => /^check\s+passed\s+failed/.test(line)) + 2,
      );
    const rows = table.slice(
      0,
      table.findIndex((line) => line.trim() === ''),
    );
    expect(rows).toHaveLength(17);
    expect(header).toBe(rows.length);
  });
});

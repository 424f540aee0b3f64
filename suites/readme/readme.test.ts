import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createSandbox, type Sandbox } from './sandbox.js';

import { PLATFORM_DOCUMENT } from '../helpers/serve.js';
const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** Every fenced block of the README in a language, with its first line (the key of its plan). */
function blocks(language: string): Array<{ first: string; text: string }> {
  return [...README.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((match) => ({
    first: match[1]!.split('\n')[0]!,
    text: match[1]!,
  }));
}

/**
 * How each shell block of the README is run, by its first line. `script`: the block as one bash
 * script, which must exit 0 (after `mock` first when the block says it needs a mock running);
 * `serve`: each line starts a server that must say it listens, then stop on SIGTERM with 0 (a
 * `--help` line must exit 0); `skip`: why not here. A block with no plan fails the test, so a new
 * example has to be given one.
 */
type Plan = { script: true; mock?: string; expect?: RegExp } | { serve: true; skipLines?: RegExp; reason?: string } | { skip: string };

const MOCK = 'npx everruns-contract mock --quiet';
const PLANS: Record<string, Plan> = {
  'npm ci && npx everruns-contract mock': {
    skip: 'npm ci needs the registry; the sandbox is a clone already installed, and block 3 starts this same mock',
  },
  'npm test': { skip: 'this test is part of npm test' },
  'npx everruns-contract mock                       # bundled Apps API, in memory, port 4010': {
    serve: true,
    skipLines: /petstore3\.swagger\.io/,
    reason: 'a document on the internet: --spec URL is tested against a loopback server in suites/cli/spec-url.test.ts',
  },
  'npx everruns-contract mock --quiet &': { script: true, expect: /"ok":true/ },
  'npx everruns-contract mock --quiet --seed 1 &': { script: true, expect: /^500$[\s\S]*^503$[\s\S]*reset \(curl exit 56\)/m },
  'BASE=http://127.0.0.1:4010': { script: true, mock: MOCK, expect: /"status":"published"[\s\S]*"status":401/ },
  'npx everruns-contract mock --spec everruns-openapi.json --port 4010': { serve: true },
  '# one agent, created, read, listed, updated, deleted': {
    script: true,
    mock: 'npx everruns-contract mock --spec everruns-openapi.json --quiet',
    expect: /"name":"Support"[\s\S]*"data":\[\{[\s\S]*"description":"Tier 1"[\s\S]*204\n[\s\S]*"code":"resource_not_found"[\s\S]*"collections":\[/,
  },
  "curl -s 'localhost:4010/__mock/requests?method=POST&path=/v1/apps'    # every create": {
    script: true,
    mock: MOCK,
    expect: /"requests":\[/,
  },
  'npx everruns-contract mock --fault-rate 0.2 --faults 503,reset --delay 20-80 --seed 1': { serve: true },
  'npx everruns-contract mock --spec node_modules/@readme/oas-examples/3.0/json/petstore.json --port 4020 --stateless --quiet &': {
    script: true,
    expect: /"status":401[\s\S]*"name":"doggie"[\s\S]*<\?xml[\s\S]*"status":400/,
  },
  'npx everruns-contract mock --port 4010 --quiet &': { script: true, expect: /all checks passed[\s\S]*all checks passed/ },
  '# a live deployment: credentials are sent but never printed or written to a report': {
    skip: 'a live deployment on the internet, with a real API key',
  },
  'npx everruns-contract conform --har fixtures/apps-lifecycle.har --junit reports/recorded.xml': {
    script: true,
    expect: /all checks passed/,
  },
  'CONFORMANCE_RUNS=5 npx vitest run suites/conformance/campaign --shard=1/2': { script: true, expect: /passed/ },
  '# 1. record: a proxy on :4011 forwards to the target, holds each exchange to the checks of': {
    skip: 'records a deployment on the internet; record against a mock is tested in suites/cli/record-playback.test.ts',
  },
  'npx everruns-contract mock --fixtures fixtures/apps-lifecycle.har --strict --port 4012 --quiet &': {
    script: true,
    expect: /"code":"playback_miss"/,
  },
  'npm run build': {
    skip: 'the sandbox is built with it before any block runs; the benchmarks are not run for timing on a shared machine',
  },
  'npm ci              # install and build': { skip: 'the development commands: npm ci needs the registry, and npm test runs this test' },
};

let sandbox: Sandbox;
beforeAll(() => {
  sandbox = createSandbox();
  // The platform's published document, where the README's reader saved it.
  copyFileSync(PLATFORM_DOCUMENT, join(sandbox.dir, 'everruns-openapi.json'));
}, 180_000);
afterAll(() => sandbox?.remove());

/** The lines of a block that are commands (not comments, not continuations of the line before). */
function commands(text: string): string[] {
  return text
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/** Starts one server line in the background of a script; it must say where it listens, then stop cleanly. */
function serveScript(line: string): string {
  if (/--help\b/.test(line)) return `${line} > /dev/null`;
  return [
    // Emptied here, before the server starts: a `> serve.log` of the background job itself is opened
    // after the loop below may already have read the previous line's "listening on".
    ': > serve.log',
    `${line.replace(/\s+#.*$/, '')} >> serve.log 2>&1 &`,
    'PID=$!',
    'for i in $(seq 100); do grep -q "listening on" serve.log && break; sleep 0.2; done',
    'grep "listening on" serve.log || { cat serve.log; exit 1; }',
    // npx's npm process takes the signal and does not pass it on; the mock sees npm go and stops gracefully.
    'kill -TERM $PID',
    'wait $PID || true',
    // A loaded CI machine may take its time; what the mock printed is shown when it never stops.
    'for i in $(seq 150); do grep -q "^stopped" serve.log && break; sleep 0.2; done',
    'grep "^stopped" serve.log || { cat serve.log; ps -ef | grep -v grep | grep everruns-contract; exit 1; }',
  ].join('\n');
}

describe('the README, line by line', () => {
  it('has a plan for every shell block, and no plan for a block that is gone', () => {
    const firsts = blocks('sh').map((block) => block.first);
    expect(firsts.filter((first) => !(first in PLANS))).toEqual([]);
    expect(Object.keys(PLANS).filter((first) => !firsts.includes(first))).toEqual([]);
  });

  it('runs its scripts in a sandbox whose only network is loopback', () => {
    // Without unshare (not root) the blocks still run, on the machine's own loopback.
    if (!sandbox.isolated) console.warn("suites/readme: unshare -n is not available; blocks share the machine's ports");
    expect(existsSync(join(sandbox.dir, 'dist/cli/bin.js'))).toBe(true);
  });

  for (const block of blocks('sh')) {
    const plan = PLANS[block.first];
    if (!plan || 'skip' in plan) continue;
    it(`runs: ${block.first}`, async () => {
      if ('serve' in plan) {
        for (const line of commands(block.text)) {
          if (plan.skipLines?.test(line)) continue;
          const result = await sandbox.run(serveScript(line));
          expect(result.code, `${line}\n${result.output}`).toBe(0);
        }
        return;
      }
      const prelude = plan.mock ? `${plan.mock} &\nuntil curl -sf localhost:4010/__mock/health >/dev/null; do sleep 0.2; done\n` : '';
      const result = await sandbox.run(prelude + block.text);
      expect(result.code, result.output).toBe(0);
      if (plan.expect) expect(result.output).toMatch(plan.expect);
    }, 240_000);
  }

  it('serves the config file example: the mock section, with the demo state', async () => {
    const [config] = blocks('json').filter((block) => block.text.includes('"mock"'));
    writeFileSync(join(sandbox.dir, 'everruns-contract.config.json'), config!.text);
    try {
      const result = await sandbox.run(
        [
          'npx everruns-contract mock --quiet &',
          'until curl -sf localhost:4020/__mock/health >/dev/null; do sleep 0.2; done',
          'curl -s localhost:4020/v1/apps',
        ].join('\n'),
      );
      expect(result.code, result.output).toBe(0);
      expect(result.output).toMatch(/listening on http:\/\/127\.0\.0\.1:4020[\s\S]*"name":"Support Bot"/);
    } finally {
      writeFileSync(join(sandbox.dir, 'everruns-contract.config.json'), '{}');
    }
  }, 120_000);

  it('runs every run: step of the GitHub Actions workflow against a local deployment, and keeps the three artifacts', async () => {
    const [workflow] = blocks('yaml').filter((block) => block.first === '# .github/workflows/contract.yml');
    const job = (
      parse(workflow!.text) as { jobs: { conform: { steps: Array<{ run?: string; uses?: string; env?: Record<string, string> }> } } }
    ).jobs.conform;
    const steps = job.steps.filter((step) => step.run !== undefined);
    expect(job.steps.filter((step) => step.uses).map((step) => step.uses)).toEqual([
      'actions/checkout@v4',
      'actions/setup-node@v4',
      'actions/upload-artifact@v4',
    ]);
    // The repository's variables and secrets, here: a local deployment that demands its key.
    const context: Record<string, string> = {
      'vars.EVERRUNS_TARGET': 'http://127.0.0.1:4010',
      'secrets.EVERRUNS_API_KEY': 'ci-secret-key',
    };
    const filled = (value: string) => value.replace(/\$\{\{\s*([\w.]+)\s*\}\}/g, (_, name: string) => context[name] ?? '');
    const script = [
      'npx everruns-contract mock --quiet --api-key ci-secret-key --run-duration 0 &',
      'until curl -sf -H "authorization: Bearer ci-secret-key" localhost:4010/__mock/health >/dev/null; do sleep 0.2; done',
      'rm -rf reports',
      ...steps.map((step) => {
        // npm ci: the sandbox is installed already and the registry is not reachable from it (its prepare script, npm run build, has run).
        if (step.run!.trim() === 'npm ci') return ': npm ci';
        const env = Object.entries(step.env ?? {}).map(([name, value]) => `export ${name}='${filled(value)}'`);
        return ['(', ...env, step.run!, ')'].join('\n');
      }),
    ].join('\n');
    const result = await sandbox.run(script, 300_000);
    expect(result.code, result.output).toBe(0);
    expect(result.output).toMatch(/all checks passed/);
    expect(result.output).not.toContain('ci-secret-key');
    expect(readFileSync(join(sandbox.dir, 'reports/conform.xml'), 'utf8')).toMatch(/^<\?xml/);
    expect(JSON.parse(readFileSync(join(sandbox.dir, 'reports/conform.json'), 'utf8'))).toMatchObject({ passed: true });
    const har = readFileSync(join(sandbox.dir, 'reports/conform.har'), 'utf8');
    expect(JSON.parse(har).log.entries.length).toBeGreaterThan(100);
    expect(har).not.toContain('ci-secret-key');
  }, 320_000);
});

/**
 * Prism answers from examples without state: every answer still has the declared shape, so the
 * stateless schema checks hold there, while the stateful sequences (suites/conformance/stateful)
 * report findings. Prism runs in its own process group, killed when the test ends.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { request } from 'undici';
import { describe, expect, it, onTestFinished } from 'vitest';
import { APPS_SPEC_PATH, loadAppsSpec } from '../helpers/serve.js';
import { collect, firedChecks } from './collect.js';

const PRISM = new URL('../../node_modules/.bin/prism', import.meta.url).pathname;
const SEED = 13;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function startPrism(): Promise<string> {
  const port = await freePort();
  const child = spawn(PRISM, ['mock', APPS_SPEC_PATH, '-p', String(port), '-h', '127.0.0.1'], { detached: true, stdio: 'ignore' });
  onTestFinished(() => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // Already gone.
    }
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      await (await request(`${url}/v1/apps`)).body.dump();
      return url;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error('Prism did not start within 30 s');
}

describe(`the schema checks against Prism's stateless mock (seed ${SEED})`, () => {
  it('hold, except where Prism answers malformed JSON in its own error shape', async () => {
    const target = await startPrism();
    const { summary } = await collect({
      spec: await loadAppsSpec(),
      target,
      seed: SEED,
      runs: 10,
      checks: [
        'not_a_server_error',
        'status_code_conformance',
        'content_type_conformance',
        'response_schema_conformance',
        'problem_json_conformance',
      ],
    });
    expect(summary.requests).toBeGreaterThan(100);
    // The answers' shapes hold: statuses declared, bodies valid, no server error.
    const shapes = summary.findings.filter((f) =>
      ['not_a_server_error', 'status_code_conformance', 'response_schema_conformance'].includes(f.check),
    );
    expect(shapes).toEqual([]);
    // Prism's one deviation: malformed JSON gets its own `{"error": …}` as application/json, not problem+json.
    for (const finding of summary.findings) {
      expect(finding.evidence[0]!.generatedAs).toMatchObject({ kind: 'negative', keyword: 'json' });
      expect(finding.evidence[0]!.response.body.toString()).toContain('invalid_json');
    }
    expect(firedChecks(summary).every((check) => ['content_type_conformance', 'problem_json_conformance'].includes(check))).toBe(true);
  }, 90_000);
});

/**
 * Against Prism's stateless mock every answer is an example, not a consequence of earlier
 * requests, so the stateful checks must report findings (what was written does not read back).
 * Prism runs in its own process group, killed when the test ends.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { STATEFUL_CHECKS, runStatefulChecks } from '../../../src/conformance/stateful/index.js';
import { APPS_SPEC_PATH } from '../../helpers/serve.js';
import { closeAfterTest, optionsFor } from './support.js';

const PRISM = new URL('../../../node_modules/.bin/prism', import.meta.url).pathname;
const SEED = 11;

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
  closeAfterTest(() => {
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
      const response = await request(`${url}/v1/apps`);
      await response.body.dump();
      return url;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error('Prism did not start within 30 s');
}

describe(`stateful checks against Prism's stateless mock (seed ${SEED})`, () => {
  it('report findings, each under a stateful check, read_your_writes among them', async () => {
    const target = await startPrism();
    const options = await optionsFor(target, { seed: SEED, numRuns: 10 });
    const { findings, requests } = await runStatefulChecks(options);
    const names = STATEFUL_CHECKS.map((check) => check.name as string);
    expect(requests).toBeGreaterThan(0);
    expect(findings.length).toBeGreaterThan(0);
    for (const finding of findings) {
      expect(names).toContain(finding.check);
      expect(finding.evidence.length).toBeGreaterThan(0);
    }
    // One finding per rule: each round stops enforcing the rules already reported.
    expect(new Set(findings.map((finding) => finding.check)).size).toBe(findings.length);
    expect(findings.map((finding) => finding.check)).toContain('read_your_writes');
  }, 90_000);
});

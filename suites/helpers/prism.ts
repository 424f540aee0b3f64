import { spawn } from 'node:child_process';
import { request } from 'undici';
import { onTestFinished } from 'vitest';
import { freePort } from './free-port.js';
import { APPS_SPEC_PATH } from './serve.js';

const PRISM = new URL('../../node_modules/.bin/prism', import.meta.url).pathname;

/**
 * Starts `prism mock` (no upstream) or `prism proxy … --errors` (with one) on a document (the Apps
 * one unless told), in its own process group so the whole group is killed when the test ends, and
 * waits until it answers.
 */
export async function startPrism(upstream?: string, spec = APPS_SPEC_PATH): Promise<{ url: string; output: () => string }> {
  const port = await freePort();
  const args = upstream ? ['proxy', spec, upstream, '--errors'] : ['mock', spec];
  const child = spawn(PRISM, [...args, '-p', String(port), '-h', '127.0.0.1'], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (chunk) => (log += chunk));
  child.stderr.on('data', (chunk) => (log += chunk));
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
    if (child.exitCode !== null) throw new Error(`prism exited with ${child.exitCode}:\n${log}`);
    try {
      await (await request(`${url}/__prism_probe`)).body.dump();
      return { url, output: () => log };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error(`prism did not answer within 30 s:\n${log}`);
}

import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, startCli, type CliProcess } from '../helpers/cli-process.js';
import { openEvents } from './sse-client.js';

/** `everruns-contract mock` as a process: where the dashboard is, --no-dashboard, --api-key, and a stop with a browser connected. */
describe('everruns-contract mock and its dashboard', () => {
  beforeAll(ensureBuilt, 180_000);

  it('prints the dashboard address at start and serves the page there', async () => {
    const cli = await startCli(['mock', '--port', '0', '--quiet']);
    await printed(cli, /dashboard:/);
    expect(cli.stdout()).toContain(`  dashboard: ${cli.url}/__mock/\n`);
    const page = await fetch(`${cli.url}/__mock/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<script type="module" src="./app.js">');
  });

  it('serves no dashboard and prints none with --no-dashboard', async () => {
    const cli = await startCli(['mock', '--port', '0', '--quiet', '--no-dashboard']);
    await printed(cli, /POST \/__mock\/reset\n/);
    expect(cli.stdout()).not.toContain('dashboard:');
    expect((await fetch(`${cli.url}/__mock/`)).status).toBe(404);
    expect((await fetch(`${cli.url}/__mock/events`)).status).toBe(404);
  });

  it('says how to open it with --api-key, without printing the key', async () => {
    const cli = await startCli(['mock', '--port', '0', '--quiet', '--api-key', 'secret-key-123']);
    await printed(cli, /dashboard:.*\n/);
    expect(cli.stdout()).toContain(`dashboard: ${cli.url}/__mock/  (open it once with ?key=<your --api-key>)`);
    expect(cli.stdout()).not.toContain('secret-key-123');
    expect((await fetch(`${cli.url}/__mock/`)).status).toBe(401);
    expect((await fetch(`${cli.url}/__mock/?key=secret-key-123`, { redirect: 'manual' })).status).toBe(303);
  });

  it('stops at SIGTERM at once while a browser holds the event stream open', async () => {
    const cli = await startCli(['mock', '--port', '0', '--quiet']);
    const events = await openEvents(cli.url);
    const ended = new Promise<void>((resolve) => events.response.once('end', resolve));
    const stoppedAt = Date.now();
    const { code } = await cli.stop('SIGTERM');
    expect(code).toBe(0);
    await ended;
    expect(Date.now() - stoppedAt).toBeLessThan(3_000);
  });
});

/** Waits until the process has printed a line matching `pattern` (the start-up lines follow the "listening on" one). */
async function printed(cli: CliProcess, pattern: RegExp, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!pattern.test(cli.stdout())) {
    if (Date.now() > until) throw new Error(`not printed: ${pattern}; stdout: ${cli.stdout()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort } from '../helpers/free-port.js';
import { runMain, startMain } from '../helpers/run-main.js';
import { tempDir } from '../helpers/temp-dir.js';

/** A working folder whose everruns-contract.config.json holds `config`. */
function folderWith(config: object): string {
  const cwd = tempDir();
  writeFileSync(join(cwd, 'everruns-contract.config.json'), JSON.stringify(config));
  return cwd;
}

/** The port a long-running command says it listens on. */
async function listeningPort(argv: string[], io: { cwd: string; env: Record<string, string> }): Promise<number> {
  const running = startMain(argv, io);
  const [, port] = await running.printed(/listening on http:\/\/127\.0\.0\.1:(\d+)/);
  await running.stop();
  return Number(port);
}

// Three ports nothing listens on: the one a conform run names in its error is the one it used.
const unreachable = (port: number) => `http://127.0.0.1:${port}`;

describe('a flag beats EVERRUNS_CONTRACT_*, which beats the config file, for every command', () => {
  it('mock: --port, EVERRUNS_CONTRACT_PORT, "mock": {"port"}', async () => {
    const [file, env, flag] = [await freePort(), await freePort(), await freePort()];
    const cwd = folderWith({ mock: { port: file, quiet: true } });
    expect(await listeningPort(['mock'], { cwd, env: {} })).toBe(file);
    expect(await listeningPort(['mock'], { cwd, env: { EVERRUNS_CONTRACT_PORT: String(env) } })).toBe(env);
    expect(await listeningPort(['mock', '-p', String(flag)], { cwd, env: { EVERRUNS_CONTRACT_PORT: String(env) } })).toBe(flag);
  });

  it('conform: --target, EVERRUNS_CONTRACT_TARGET, "conform": {"target"}', async () => {
    const [file, env, flag] = [await freePort(), await freePort(), await freePort()];
    const cwd = folderWith({ conform: { target: unreachable(file), runs: 1 } });
    const target = async (argv: string[], vars: Record<string, string>) => (await runMain(['conform', ...argv], { cwd, env: vars })).stderr;
    expect(await target([], {})).toMatch(new RegExp(`cannot reach ${unreachable(file)}`));
    expect(await target([], { EVERRUNS_CONTRACT_TARGET: unreachable(env) })).toMatch(new RegExp(`cannot reach ${unreachable(env)}`));
    expect(await target(['-t', unreachable(flag)], { EVERRUNS_CONTRACT_TARGET: unreachable(env) })).toMatch(
      new RegExp(`cannot reach ${unreachable(flag)}`),
    );
  });

  it('mock: EVERRUNS_CONTRACT_PORT beats PORT, which beats the config file', async () => {
    const [file, conventional, prefixed] = [await freePort(), await freePort(), await freePort()];
    const cwd = folderWith({ mock: { port: file, quiet: true } });
    expect(await listeningPort(['mock'], { cwd, env: { PORT: String(conventional) } })).toBe(conventional);
    expect(await listeningPort(['mock'], { cwd, env: { PORT: String(conventional), EVERRUNS_CONTRACT_PORT: String(prefixed) } })).toBe(
      prefixed,
    );
  });

  it('conform: EVERRUNS_API_KEY is the --api-key, sent and never printed', async () => {
    const mock = startMain(['mock', '--port', '0', '--quiet', '--api-key', 'conventional-key-123'], { cwd: tempDir(), env: {} });
    const [, port] = await mock.printed(/listening on http:\/\/127\.0\.0\.1:(\d+)/);
    try {
      const argv = ['conform', '--target', `http://127.0.0.1:${port}`, '--runs', '1', '--include-operation-id', 'list_apps', '--read-only'];
      // The mock's journal (behind the same key) says which of the runs' requests got in.
      const statuses = async () => {
        const journal = await fetch(`http://127.0.0.1:${port}/__mock/requests?operation=list_apps`, {
          headers: { authorization: 'Bearer conventional-key-123' },
        });
        const { requests } = (await journal.json()) as { requests: Array<{ status: number }> };
        await fetch(`http://127.0.0.1:${port}/__mock/requests`, { method: 'DELETE', headers: { authorization: 'Bearer conventional-key-123' } });
        return new Set(requests.map((request) => request.status));
      };
      await runMain(argv, { cwd: tempDir(), env: {} });
      expect(await statuses()).toEqual(new Set([401]));
      const allowed = await runMain(argv, { cwd: tempDir(), env: { EVERRUNS_API_KEY: 'conventional-key-123' } });
      expect(allowed.code, allowed.stdout + allowed.stderr).toBe(0);
      expect(await statuses()).toContain(200);
      expect(allowed.stdout + allowed.stderr).not.toContain('conventional-key-123');
    } finally {
      await mock.stop();
    }
  });

  it('record: --port, EVERRUNS_CONTRACT_RECORD_PORT (over EVERRUNS_CONTRACT_PORT), "record": {"port"}', async () => {
    const [file, env, scoped, flag] = [await freePort(), await freePort(), await freePort(), await freePort()];
    const cwd = folderWith({ record: { port: file, target: 'http://127.0.0.1:9', out: join(tempDir(), 'x.har') } });
    expect(await listeningPort(['record'], { cwd, env: {} })).toBe(file);
    expect(await listeningPort(['record'], { cwd, env: { EVERRUNS_CONTRACT_PORT: String(env) } })).toBe(env);
    expect(
      await listeningPort(['record'], { cwd, env: { EVERRUNS_CONTRACT_PORT: String(env), EVERRUNS_CONTRACT_RECORD_PORT: String(scoped) } }),
    ).toBe(scoped);
    expect(await listeningPort(['record', '--port', String(flag)], { cwd, env: { EVERRUNS_CONTRACT_RECORD_PORT: String(scoped) } })).toBe(
      flag,
    );
  });

  it('reads the "everruns-contract" key of package.json when there is no config file', async () => {
    const port = await freePort();
    const cwd = tempDir();
    writeFileSync(join(cwd, 'package.json'), JSON.stringify({ name: 'app', 'everruns-contract': { mock: { port, quiet: true } } }));
    expect(await listeningPort(['mock'], { cwd, env: {} })).toBe(port);
  });
});

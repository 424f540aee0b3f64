import { spawn, type ChildProcess } from 'node:child_process';
import { describe, expect, it, onTestFinished } from 'vitest';
import { CLI_BIN, ensureBuilt } from '../helpers/cli-process.js';

const ROOT = new URL('../../', import.meta.url).pathname;

/** Spawns `command`, waits for the mock's "listening on" line, and returns its URL. */
async function listening(child: ChildProcess): Promise<string> {
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "listening on" line: ${out}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code}: ${out}`)));
  });
}

/** True once nothing answers at `url` any more, polling for up to `ms`. */
async function stopsAnswering(url: string, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      await fetch(`${url}/__mock/health`);
    } catch {
      return true;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

// Issue 11: `npx everruns-contract mock &` and a kill of that npm process left node serving: npm
// does not pass the signal on. Started by npm, the mock now stops when npm goes away.
describe('issue 11: a mock started by npx stops when npx is killed', () => {
  it.each(['SIGTERM', 'SIGKILL'] as const)('stops within two seconds of npm exec getting %s', async (signal) => {
    await ensureBuilt();
    const npx = spawn('npx', ['everruns-contract', 'mock', '--port', '0', '--quiet'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    onTestFinished(() => void npx.kill('SIGKILL'));
    const url = await listening(npx);
    npx.kill(signal);
    expect(await stopsAnswering(url, 2_000)).toBe(true);
  });

  it('leaves a mock started without npm to its own signals when its parent shell goes', async () => {
    await ensureBuilt();
    // `sh -c 'node … & wait'`: the shell is killed, node is re-parented and, not started by npm, keeps serving.
    const shell = spawn('sh', ['-c', `exec 3>&1; node ${CLI_BIN} mock --port 0 --quiet & echo "pid $!"; wait`], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('npm_'))),
    });
    let pid = 0;
    shell.stdout.on('data', (chunk: Buffer) => {
      const match = /pid (\d+)/.exec(chunk.toString());
      if (match) pid = Number(match[1]);
    });
    const url = await listening(shell);
    onTestFinished(() => void (alive(pid) && process.kill(pid, 'SIGKILL')));
    shell.kill('SIGKILL');
    expect(await stopsAnswering(url, 1_500)).toBe(false);
    process.kill(pid, 'SIGTERM');
    expect(await stopsAnswering(url, 5_000)).toBe(true);
  });
});

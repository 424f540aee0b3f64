import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it, onTestFinished } from 'vitest';
import { CLI_BIN, ensureBuilt } from '../helpers/cli-process.js';

const ROOT = new URL('../../', import.meta.url).pathname;

// The first `npx everruns-contract` in a clone (no npx cache yet) installs the project from its own
// folder and so runs its prepare script. That rebuilt dist/ from scratch, deleting it first: for
// half a minute on a loaded machine the command printed nothing, and every mock or test already
// running from dist/ lost its files. A current build is now left as it is.
describe('issue 11: npx in a built clone with an empty npx cache', () => {
  it('runs the CLI without rebuilding dist/', async () => {
    await ensureBuilt();
    const cache = mkdtempSync(join(tmpdir(), 'everruns-npx-cache-'));
    onTestFinished(() => rmSync(cache, { recursive: true, force: true }));
    const before = statSync(CLI_BIN).mtimeMs;
    const { stdout } = await promisify(execFile)('npx', ['everruns-contract', '--version'], {
      cwd: ROOT,
      env: { ...process.env, npm_config_cache: cache },
    });
    expect(stdout).toMatch(/^everruns-contract \d+\.\d+\.\d+\n$/);
    expect(statSync(CLI_BIN).mtimeMs).toBe(before);
  }, 60_000);
});

import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLI_BIN, ensureBuilt } from '../helpers/cli-process.js';

const ROOT = new URL('../../', import.meta.url).pathname;

// Issue 11: `npm run build` wrote dist/cli/bin.js without its execute bit, so `npx everruns-contract`
// in a clone failed with "Permission denied". The suites build with the same script as npm does.
describe('issue 11: the built CLI is executable', () => {
  it('builds with the script npm run build runs, which leaves bin.js executable and runnable as a program', async () => {
    await ensureBuilt();
    const manifest = JSON.parse(execFileSync('npm', ['pkg', 'get', 'scripts.build'], { cwd: ROOT, encoding: 'utf8' })) as string;
    expect(manifest).toBe('node scripts/build.mjs');
    expect(statSync(CLI_BIN).mode & 0o111).toBe(0o111);
    // Run as a program (its #! line), not through node: what npx does.
    expect(execFileSync(CLI_BIN, ['--version'], { encoding: 'utf8' })).toMatch(/^everruns-contract \d+\.\d+\.\d+\n$/);
  });
});

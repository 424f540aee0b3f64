#!/usr/bin/env node
// `npm run build` (and the test suites' global setup): compile src/ to dist/ afresh, then make the
// CLI's entry executable. tsc writes files 0644, and `npx everruns-contract` in this repository
// runs dist/cli/bin.js itself, so without the execute bit every command fails with exit 126/127.
// tsc's exit code is passed on; a type error still emits (the typecheck reports it).
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = `${root}dist/cli/bin.js`;

rmSync(`${root}dist`, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
if (existsSync(bin)) chmodSync(bin, 0o755);
process.exitCode = result.status ?? 1;

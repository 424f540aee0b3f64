#!/usr/bin/env node
// `npm run build`: compile src/ to dist/ afresh, bundle the CLI, then make its entry executable. tsc writes
// files 0644, and `npx everruns-contract` in this repository runs dist/cli/bin.js itself, so without
// the execute bit every command fails with exit 126/127. tsc's exit code is passed on; a type error
// still emits (the typecheck reports it).
//
// `--if-stale` (the prepare script, the test suites' global setup) keeps a dist/ newer than every
// input. npm runs prepare again whenever `npx everruns-contract` in a clone has no npx cache yet (it
// installs the project from its own folder), so an up-to-date build must cost nothing there.
//
// The new build is written beside dist/ and swapped in whole: a process already running from dist/
// (a mock, a test) never finds it missing or half-written.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const entry = 'cli/bin.js';

/** The newest modification time among the build's inputs: src/ (a folder's own time moves when a file is added or removed) and the configs tsc reads. */
function newestInput() {
  let newest = Math.max(statSync(join(root, 'tsconfig.json')).mtimeMs, statSync(join(root, 'tsconfig.build.json')).mtimeMs);
  const walk = (dir) => {
    newest = Math.max(newest, statSync(dir).mtimeMs);
    for (const item of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, item.name);
      if (item.isDirectory()) walk(path);
      else newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  walk(join(root, 'src'));
  return newest;
}

const built = join(dist, entry);
if (process.argv.includes('--if-stale') && existsSync(built) && statSync(built).mtimeMs > newestInput()) process.exit(0);

const fresh = `${dist}.building-${process.pid}`;
rmSync(fresh, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', fresh], { cwd: root, stdio: 'inherit' });
const bundled = existsSync(join(fresh, entry)) && (await bundleCli(fresh));
if (bundled) {
  chmodSync(join(fresh, entry), 0o755);
  const old = `${dist}.old-${process.pid}`;
  if (existsSync(dist)) renameSync(dist, old);
  renameSync(fresh, dist);
  rmSync(old, { recursive: true, force: true });
} else {
  rmSync(fresh, { recursive: true, force: true });
}
process.exitCode = bundled ? (result.status ?? 1) : 1;

/**
 * Bundles the CLI's own modules, tsc's output, into its entry and a few chunks (one per command it
 * loads lazily), dependencies left as imports: Node's module loader resolves, reads and links each
 * ESM file on its own, and for the mock's 250 modules that was about a quarter of its start-up. The
 * library (`dist/index.js`) stays module by module, as its types describe it.
 */
async function bundleCli(out) {
  try {
    const { rolldown } = await import('rolldown');
    // A tagged template holding `</script` is lowered, as esbuild does, to a helper the bundler
    // supplies: that helper goes into the bundle, every dependency stays an import.
    const external = (id) => /^[^./]/.test(id) && !id.startsWith('@oxc-project/runtime/');
    const bundle = await rolldown({ input: join(out, entry), platform: 'node', external, logLevel: 'warn' });
    await bundle.write({ dir: join(out, 'cli'), format: 'esm', entryFileNames: 'bin.js', chunkFileNames: 'chunks/[name]-[hash].js' });
    await bundle.close();
    // tsc's map of the entry describes the file the bundle replaced.
    rmSync(join(out, 'cli', 'bin.js.map'), { force: true });
    return true;
  } catch (error) {
    process.stderr.write(`build: bundling the CLI failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return false;
  }
}

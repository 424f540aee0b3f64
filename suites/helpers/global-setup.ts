import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = new URL('../../', import.meta.url).pathname;
const ENTRY = `${ROOT}dist/cli/bin.js`;

/** The newest modification time among the build's inputs: src/ (a folder's own time moves when a file is added or removed) and the configs tsc reads. */
function newestInput(): number {
  let newest = Math.max(statSync(`${ROOT}tsconfig.json`).mtimeMs, statSync(`${ROOT}tsconfig.build.json`).mtimeMs);
  const walk = (dir: string) => {
    newest = Math.max(newest, statSync(dir).mtimeMs);
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  walk(`${ROOT}src`);
  return newest;
}

/**
 * Compiles src/ to dist/ once before any test file runs: suites that spawn the CLI or a child
 * writer need JavaScript (Node 20 cannot run .ts), and one build avoids forks racing on dist/.
 * A dist/ newer than every input (CI has just built it in `npm ci`) is used as it is. The build is
 * `npm run build`'s own script, so the suites test the dist/ a user gets (its bin executable).
 * Type errors are the typecheck's to report (`npm test` runs it first); tsc emits regardless.
 */
export default function setup(): void {
  if (existsSync(ENTRY) && statSync(ENTRY).mtimeMs > newestInput()) return;
  try {
    execFileSync(process.execPath, [`${ROOT}scripts/build.mjs`], { cwd: ROOT, stdio: 'pipe' });
  } catch {
    if (!existsSync(ENTRY)) throw new Error('tsc did not produce dist/cli/bin.js');
  }
}

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const ROOT = new URL('../../', import.meta.url).pathname;
const ENTRY = `${ROOT}dist/cli/bin.js`;

/**
 * Compiles src/ to dist/ once before any test file runs: suites that spawn the CLI or a child
 * writer need JavaScript (Node 20 cannot run .ts), and one build avoids forks racing on dist/.
 * A dist/ newer than every input (CI has just built it in `npm ci`) is used as it is (`--if-stale`).
 * The build is `npm run build`'s own script, so the suites test the dist/ a user gets (its bin executable).
 * Type errors are the typecheck's to report (`npm test` runs it first); tsc emits regardless.
 */
export default function setup(): void {
  try {
    execFileSync(process.execPath, [`${ROOT}scripts/build.mjs`, '--if-stale'], { cwd: ROOT, stdio: 'pipe' });
  } catch {
    if (!existsSync(ENTRY)) throw new Error('tsc did not produce dist/cli/bin.js');
  }
}

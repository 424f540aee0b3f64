import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const ROOT = new URL('../../', import.meta.url).pathname;

/**
 * Compiles src/ to dist/ once before any test file runs: suites that spawn the CLI or a child
 * writer need JavaScript (Node 20 cannot run .ts), and one build avoids forks racing on dist/.
 * Type errors are the typecheck's to report (`npm test` runs it first); tsc emits regardless.
 */
export default function setup(): void {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  try {
    execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'pipe' });
  } catch {
    if (!existsSync(`${ROOT}dist/cli/bin.js`)) throw new Error('tsc did not produce dist/cli/bin.js');
  }
}

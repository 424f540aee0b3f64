import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The nearest folder at or above `from` whose package.json has a name (this `name`, when given).
 * A walk rather than a fixed `../../`: the sources, the compiled modules and the bundled CLI's
 * chunks sit at different depths below the package, and a dependency's own entry point may sit
 * below package.json files that only say `{"type": "module"}`.
 */
export function packageFolder(from: string, name?: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const found = manifestName(dir);
    if (found !== undefined && (name === undefined || found === name)) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json${name ? ` of ${name}` : ''} in ${from} or above it`);
  }
}

function manifestName(dir: string): string | undefined {
  try {
    const { name } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: unknown };
    return typeof name === 'string' ? name : undefined;
  } catch {
    return undefined;
  }
}

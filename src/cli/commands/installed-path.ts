import { join, relative } from 'node:path';
import { PACKAGE_ROOT } from '../../api/index.js';

/**
 * A folder shipped with the package (`fixtures`) as a path from `cwd`: `fixtures` in a clone,
 * `node_modules/everruns-contract/fixtures` in a project that installed it. Help texts name
 * files by it, so their examples run where they are printed.
 */
export function installedPath(cwd: string | undefined, folder: string): string {
  return relative(cwd ?? process.cwd(), join(PACKAGE_ROOT, folder)) || '.';
}

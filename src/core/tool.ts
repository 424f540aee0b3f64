import { readFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageFolder } from './package-folder.js';

/** The folder the package is installed in (`node_modules/everruns-contract/`, or a clone), with `spec/`, `fixtures/` and `ui/`; it ends with a separator. */
export const PACKAGE_ROOT = packageFolder(dirname(fileURLToPath(import.meta.url))) + sep;

// package.json is the one place the name and version are written.
const manifest = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { name: string; version: string };

/** The toolkit's own name and version, as reports, recordings and `--version` print them. */
export const TOOL: Readonly<{ name: string; version: string }> = { name: manifest.name, version: manifest.version };

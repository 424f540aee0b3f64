import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { PACKAGE_ROOT, packageFolder } from '../../core/index.js';

// The page lives in ui/ at the package root.
const UI = join(PACKAGE_ROOT, 'ui');
const require = createRequire(import.meta.url);

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** A file of an installed dependency: the browser builds are served from node_modules, never copied. */
function dependency(name: string, file: string): string {
  // Up from the package's entry point to its folder: not every package exports its package.json.
  return join(packageFolder(dirname(require.resolve(name)), name), file);
}

/**
 * The browser builds of the view layer (Preact + htm) and the chart library (uPlot), by their name
 * under `/__mock/vendor/`. The page's import map names them.
 */
const VENDOR: Readonly<Record<string, () => string>> = {
  'preact.js': () => dependency('preact', 'dist/preact.module.js'),
  'preact-hooks.js': () => dependency('preact', 'hooks/dist/hooks.module.js'),
  'htm.js': () => dependency('htm', 'dist/htm.module.js'),
  'uplot.js': () => dependency('uplot', 'dist/uPlot.esm.js'),
  'uplot.css': () => dependency('uplot', 'dist/uPlot.min.css'),
};

let table: Map<string, string> | undefined;

/**
 * Every file under `/__mock/`, by its name there: `''` is the page, then each file of ui/ and the
 * vendored libraries. A fixed table built once, so no request path ever reaches the file system.
 */
function files(): Map<string, string> {
  if (table) return table;
  const built = new Map([['', join(UI, 'index.html')]]);
  for (const name of readdirSync(UI)) if (extname(name) in TYPES) built.set(name, join(UI, name));
  for (const [name, file] of Object.entries(VENDOR)) built.set(`vendor/${name}`, file());
  table = built;
  return table;
}

const loaded = new Map<string, { body: Buffer; type: string }>();

/** The asset served at `/__mock/<name>`, or undefined for any other name. */
export function readAsset(name: string): { body: Buffer; type: string } | undefined {
  let asset = loaded.get(name);
  if (asset) return asset;
  const file = files().get(name);
  if (file === undefined) return undefined;
  asset = { body: readFileSync(file), type: TYPES[extname(file)]! };
  loaded.set(name, asset);
  return asset;
}

import { createRequire } from 'node:module';

// package.json is the one place the name and version are written; dist/core/ and src/core/ both
// sit two folders below it.
const manifest = createRequire(import.meta.url)('../../package.json') as { name: string; version: string };

/** The toolkit's own name and version, as reports, recordings and `--version` print them. */
export const TOOL: Readonly<{ name: string; version: string }> = { name: manifest.name, version: manifest.version };

import { describe, expect, it } from 'vitest';
import { isPlugin, isWiring, readTree, type SourceTree } from './support/import-graph.js';

const SRC = new URL('../../src/', import.meta.url).pathname;

/**
 * Names of the Apps domain. The toolkit's own name (`everruns-contract`, `EVERRUNS_CONTRACT_…`)
 * names the product, not the domain, so it does not count.
 */
// OAS 3.1's own `webhooks` member (a key of the format) is not the domain's.
const DOMAIN_NAMES = /app_|webhook(?!s')|channel|everruns(?![-_]contract)/i;

/** Every line of a generic file (not a plug-in, not wiring) that names the Apps domain, code and comments alike. */
function domainNames(tree: SourceTree): string[] {
  const found: string[] = [];
  for (const [file, text] of tree) {
    if (isPlugin(file) || isWiring(file)) continue;
    text.split('\n').forEach((line, index) => {
      const match = DOMAIN_NAMES.exec(line);
      if (match) found.push(`${file}:${index + 1}: ${match[0]}`);
    });
  }
  return found;
}

describe('generic code never names the Apps domain', () => {
  it('holds for src/: the Apps names live in the apps/ plug-ins only', () => {
    expect(domainNames(readTree(SRC))).toEqual([]);
  });

  it('finds a domain name in generic code, and leaves plug-ins, wiring and the product name alone', () => {
    const tree: SourceTree = new Map([
      ['conformance/run/execute.ts', "const header = 'x-everruns-webhook-token';\n// the tool is everruns-contract"],
      ['mock/router.ts', '// routes /v1/apps/{app_id}'],
      ['mock/apps/apps-layer.ts', "const channel = 'webhook';"],
      ['cli/commands/mock.ts', 'import { createAppsLayer } from "../../mock/index.js"; // channel'],
      ['openapi/validation-cache.ts', "const dir = 'everruns-contract'; const flag = 'EVERRUNS_CONTRACT_NO_CACHE';"],
    ]);
    expect(domainNames(tree)).toEqual(['conformance/run/execute.ts:1: everruns', 'mock/router.ts:1: app_']);
  });
});

/**
 * The gate on real documents nobody here wrote, against the mock of each, at three seeds: no
 * failure, and what the document itself causes listed apart as document warnings, once per cause.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exitCodeOf, gateOf, type ConformanceOptions } from '../../src/conformance/index.js';
import { loadSpec, type LoadedSpec } from '../../src/openapi/index.js';
import { inlineSpec } from '../helpers/inline-spec.js';
import { PLATFORM_DOCUMENT, serveStateless } from '../helpers/serve.js';
import { collect } from './collect.js';

const SEEDS = [1, 2, 3];
// GitHub's 1,200 operations take half a minute of schema compiling alone (the mock warms every one
// of them up): its document cut to every twentieth path, across every part of the API, with all
// its components, keeps the run real and the suite short.
const EVERY_TWENTIETH_PATH = (document: Record<string, unknown>) => ({
  ...document,
  paths: Object.fromEntries(Object.entries(document['paths'] as object).filter((_, index) => index % 20 === 0)),
});

const DOCUMENTS: ReadonlyArray<{ name: string; path: string; options: Partial<ConformanceOptions>; slice?: typeof EVERY_TWENTIETH_PATH }> =
  [
    {
      name: "GitHub's",
      path: 'node_modules/@octokit/openapi/generated/api.github.com.json',
      options: { readOnly: true, runs: 3 },
      slice: EVERY_TWENTIETH_PATH,
    },
    {
      name: "the platform's",
      path: PLATFORM_DOCUMENT,
      options: { runs: 2 },
    },
    {
      name: 'petstore',
      path: 'node_modules/@readme/oas-examples/3.0/json/petstore.json',
      // The mock enforces the document's security: the run carries what each scheme asks for.
      options: { runs: 5, headers: { authorization: 'Bearer conform-petstore-token', api_key: 'conform-petstore-key' } },
    },
  ];

async function load(document: (typeof DOCUMENTS)[number]): Promise<LoadedSpec> {
  if (!document.slice) return loadSpec(document.path);
  return inlineSpec(document.slice(JSON.parse(readFileSync(document.path, 'utf8')) as Record<string, unknown>));
}

describe('conform against the mock of real documents', () => {
  for (const document of DOCUMENTS) {
    it(`reports no failure on ${document.name} document at seeds ${SEEDS.join(', ')}, document warnings apart`, async () => {
      const spec = await load(document);
      const mock = await serveStateless(spec);
      for (const seed of SEEDS) {
        const { summary } = await collect({ spec, target: mock.url, seed, concurrency: 8, ...document.options });
        const gate = gateOf(summary);
        expect(
          gate.errors.map((f) => `${f.check} ${f.operation}: ${f.title} / ${f.received}`),
          `seed ${seed}`,
        ).toEqual([]);
        expect(exitCodeOf(summary)).toBe(0);
        // A waiver that accepts nothing any more is a known defect fixed: it goes.
        expect(gate.unusedWaivers, `seed ${seed}`).toEqual([]);
        // Once per cause: no two warnings share a check and key.
        const causes = gate.warnings.map((f) => `${f.check} ${f.key}`);
        expect(new Set(causes).size).toBe(causes.length);
        expect(summary.requests).toBeGreaterThan(0);
      }
    }, 120_000);
  }
});

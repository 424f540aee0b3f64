import { describe, expect, it } from 'vitest';
import { boundaryOffences, findCycles, groupGraph, importGraph, readTree, topFolder, type SourceTree } from './support/import-graph.js';

const SRC = new URL('../../src/', import.meta.url).pathname;

/**
 * The folders of src/ and the folders each may import (STYLE.md §1). Imports point one way:
 * spec → engine → mock / conformance → cli; mock and conformance never import each other.
 */
const ALLOWED: Record<string, readonly string[]> = {
  core: [],
  openapi: ['core'],
  validation: ['core', 'openapi'],
  generate: ['core', 'openapi'],
  model: ['core'],
  transport: ['core'],
  // The recording proxy forwards with undici directly; it still knows no OpenAPI.
  recording: ['core', 'transport'],
  mock: ['core', 'openapi', 'validation', 'generate', 'model'],
  conformance: ['core', 'openapi', 'validation', 'generate', 'transport', 'model'],
  cli: ['core', 'openapi', 'validation', 'generate', 'model', 'transport', 'recording', 'mock', 'conformance'],
  'index.ts': ['core', 'openapi', 'validation', 'generate', 'model', 'mock', 'conformance', 'recording', 'cli'],
};

describe('import boundaries of src/', () => {
  const graph = importGraph(readTree(SRC));

  it('knows every folder of src/', () => {
    expect([...new Set([...graph.keys()].map(topFolder))].filter((folder) => !(folder in ALLOWED))).toEqual([]);
  });

  it('imports only from allowed folders, and only through their index', () => {
    expect(boundaryOffences(graph, ALLOWED)).toEqual([]);
  });

  it('has no import cycle between folders', () => {
    expect(findCycles(groupGraph(graph, topFolder))).toEqual([]);
  });

  it('has no import cycle between files (type-only imports included)', () => {
    expect(findCycles(graph)).toEqual([]);
  });
});

describe('the import checks themselves', () => {
  // A planted tree with one of each offence: core reaching up into mock, mock reaching past
  // core's index, and two mock files importing each other (one of them for a type only).
  const planted: SourceTree = new Map([
    ['core/index.ts', "export * from './fake.js';"],
    ['core/fake.ts', "import { createMockServer } from '../mock/index.js';"],
    ['mock/index.ts', "export { createMockServer } from './server.js';"],
    ['mock/server.ts', "import type { Pipeline } from './pipeline.js';"],
    ['mock/pipeline.ts', "import type { MockServer } from './server.js';\nimport { thing } from '../core/fake.js';"],
  ]);
  const graph = importGraph(planted);

  it('finds a forbidden import and an import past a folder index', () => {
    expect(boundaryOffences(graph, ALLOWED)).toEqual(['core/fake.ts → mock (mock/index.ts)', 'mock/pipeline.ts imports core/fake.ts instead of core/index.ts']);
  });

  it('finds a cycle between files, even through type-only imports', () => {
    const cycle = new Map([...graph].filter(([file]) => file.startsWith('mock/')));
    expect(findCycles(cycle)).toEqual([['mock/pipeline.ts', 'mock/server.ts']]);
  });

  it('finds a cycle between folders', () => {
    expect(findCycles(groupGraph(graph, topFolder))).toEqual([['core', 'mock']]);
  });

  it('finds nothing in a tree without offences', () => {
    const clean = importGraph(new Map([['core/index.ts', ''], ['mock/server.ts', "import { toProblem } from '../core/index.js';"]]));
    expect([boundaryOffences(clean, ALLOWED), findCycles(clean), findCycles(groupGraph(clean, topFolder))]).toEqual([[], [], []]);
  });
});

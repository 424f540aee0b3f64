import { describe, expect, it } from 'vitest';
import {
  boundaryOffences,
  findCycles,
  groupGraph,
  importGraph,
  pluginOffences,
  readTree,
  topFolder,
  type ImportGraph,
  type SourceTree,
} from './support/import-graph.js';

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
  model: ['core', 'openapi'],
  transport: ['core'],
  // The recording proxy forwards with undici directly; it still knows no OpenAPI.
  recording: ['core', 'transport'],
  mock: ['core', 'openapi', 'validation', 'generate', 'model'],
  conformance: ['core', 'openapi', 'validation', 'generate', 'transport', 'model'],
  // The library API wires the engine and the plug-ins together, for the CLI and for tests alike.
  api: ['core', 'openapi', 'validation', 'generate', 'model', 'transport', 'recording', 'mock', 'conformance'],
  cli: ['core', 'openapi', 'validation', 'generate', 'model', 'transport', 'recording', 'mock', 'conformance', 'api'],
  'index.ts': ['core', 'openapi', 'validation', 'generate', 'model', 'mock', 'conformance', 'recording', 'api', 'cli'],
};

/**
 * The concerns of src/conformance/ and the ones each may import: findings (exchanges and what is
 * wrong with them) at the bottom, the Apps plug-in at the top; only the folder's index names them all.
 */
const CONFORMANCE_LAYOUT: Record<string, readonly string[]> = {
  findings: [],
  checks: ['findings'],
  generate: ['findings'],
  run: ['findings', 'checks', 'generate'],
  report: ['findings', 'run'],
  offline: ['findings', 'checks', 'run'],
  stateful: ['findings', 'run'],
  resources: ['findings', 'generate', 'run', 'stateful'],
  apps: ['findings', 'checks', 'generate', 'run', 'stateful'],
  'index.ts': ['findings', 'checks', 'generate', 'run', 'report', 'offline', 'stateful', 'resources', 'apps'],
};

/** The conformance files' imports of each other, grouped by concern (the folder below conformance/). */
function conformanceLayout(graph: ImportGraph): ImportGraph {
  const inside = (file: string) => file.startsWith('conformance/');
  const files = new Map([...graph].filter(([file]) => inside(file)).map(([file, targets]) => [file, targets.filter(inside)]));
  return groupGraph(files, (file) => file.split('/')[1]!);
}

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

  it('names a domain plug-in (an apps/ folder) only in the plug-ins and where they are wired in', () => {
    expect(pluginOffences(graph)).toEqual([]);
  });
});

describe('the layout of src/conformance/', () => {
  const layout = conformanceLayout(importGraph(readTree(SRC)));

  it('keeps every file in a folder of its concern, beside the index', () => {
    expect([...layout.keys()].filter((concern) => !(concern in CONFORMANCE_LAYOUT))).toEqual([]);
  });

  it('imports between concerns only as the layout allows, without cycles', () => {
    const offences = [...layout].flatMap(([from, targets]) =>
      targets.filter((to) => !CONFORMANCE_LAYOUT[from]!.includes(to)).map((to) => `${from} → ${to}`),
    );
    expect(offences).toEqual([]);
    expect(findCycles(layout)).toEqual([]);
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
    [
      'mock/layer.ts',
      "import { createAppsModel } from '../model/apps/index.js';\nimport { Sequence } from '../conformance/stateful/index.js';",
    ],
    ['conformance/index.ts', ''],
  ]);
  const graph = importGraph(planted);

  it('finds a forbidden import and an import past a folder index', () => {
    expect(boundaryOffences(graph, ALLOWED)).toEqual([
      'core/fake.ts → mock (mock/index.ts)',
      'mock/pipeline.ts imports core/fake.ts instead of core/index.ts',
      'mock/layer.ts → conformance (conformance/stateful/index.ts)',
    ]);
    const faces = importGraph(
      new Map([
        ['conformance/index.ts', ''],
        ['cli/run.ts', "import { Sequence } from '../conformance/stateful/index.js';"],
      ]),
    );
    expect(boundaryOffences(faces, ALLOWED)).toEqual(['cli/run.ts imports conformance/stateful/index.ts instead of conformance/index.ts']);
  });

  it('finds a cycle between files, even through type-only imports', () => {
    const cycle = new Map([...graph].filter(([file]) => file.startsWith('mock/')));
    expect(findCycles(cycle)).toEqual([['mock/pipeline.ts', 'mock/server.ts']]);
  });

  it('finds a cycle between folders', () => {
    expect(findCycles(groupGraph(graph, topFolder))).toEqual([['core', 'mock']]);
  });

  it('finds generic code that imports a plug-in, and lets wiring and the plug-ins themselves do it', () => {
    const tree = importGraph(
      new Map([
        ['mock/handle.ts', "import { createAppsLayer } from './apps/apps-layer.js';"],
        ['mock/index.ts', "export { createAppsLayer } from './apps/apps-layer.js';"],
        ['mock/apps/apps-layer.ts', "import { isAppsDocument } from '../../model/apps/index.js';"],
        ['cli/mock.ts', "import { createAppsModel } from '../model/apps/index.js';"],
      ]),
    );
    expect(pluginOffences(tree)).toEqual(['mock/handle.ts → mock/apps/apps-layer.ts']);
  });

  it('finds an import against the conformance layout, and a cycle between its concerns', () => {
    const tree = importGraph(
      new Map([
        ['conformance/checks/check.ts', "import type { Run } from '../run/run.js';"],
        ['conformance/run/run.ts', "import type { Check } from '../checks/check.js';"],
        ['conformance/loose.ts', ''],
      ]),
    );
    const layout = conformanceLayout(tree);
    expect([...layout.keys()].filter((concern) => !(concern in CONFORMANCE_LAYOUT))).toEqual(['loose.ts']);
    expect(layout.get('checks')!.filter((to) => !CONFORMANCE_LAYOUT.checks!.includes(to))).toEqual(['run']);
    expect(findCycles(layout)).toEqual([['checks', 'run']]);
  });

  it('finds nothing in a tree without offences', () => {
    const clean = importGraph(
      new Map([
        ['core/index.ts', ''],
        ['mock/server.ts', "import { toProblem } from '../core/index.js';"],
      ]),
    );
    expect([boundaryOffences(clean, ALLOWED), findCycles(clean), findCycles(groupGraph(clean, topFolder))]).toEqual([[], [], []]);
  });
});

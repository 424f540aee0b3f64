import { describe, expect, it } from 'vitest';
import { buildLayerTable } from '../../../src/mock/layer-table.js';
import type { StatefulLayer } from '../../../src/mock/index.js';
import type { Operation } from '../../../src/openapi/index.js';

const operation = (id: string) => ({ id, method: 'GET', path: `/${id}` }) as Operation;

function layer(name: string, claims: readonly string[], asked: string[]): StatefulLayer {
  return {
    handles: (op) => {
      asked.push(`${name}:${op.id}`);
      return claims.includes(op.id);
    },
    judgesRequests: false,
    handle: () => ({ status: 204 }),
    exportState: () => ({}),
    stateMembers: [],
    prepareImport: () => () => undefined,
    reset: () => undefined,
    close: () => undefined,
  };
}

describe('buildLayerTable', () => {
  it('gives each operation to the first layer claiming it, asking each layer once per operation', () => {
    const asked: string[] = [];
    const apps = layer('apps', ['a'], asked);
    const resources = layer('resources', ['a', 'b'], asked);
    const [a, b, c] = [operation('a'), operation('b'), operation('c')];
    const table = buildLayerTable([a, b, c], [apps, resources]);
    expect(table.get(a)).toBe(apps);
    expect(table.get(b)).toBe(resources);
    expect(table.has(c)).toBe(false);
    expect(asked).toEqual(['apps:a', 'apps:b', 'resources:b', 'apps:c', 'resources:c']);
  });
});

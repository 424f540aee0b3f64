import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStateFile } from '../../../src/mock/index.js';

describe('openStateFile', () => {
  it('keeps one key/value table per layer across reopening: puts, overwrites, deletes, clears', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'everruns-state-file-')), 'state.db');
    let file = openStateFile(path);
    const resources = file.table('resources');
    expect(resources.isEmpty()).toBe(true);
    resources.write([
      { key: 'a', value: '1' },
      { key: 'b', value: '2' },
    ]);
    resources.write([
      { key: 'a', value: '3' },
      { key: 'b', value: undefined },
    ]);
    file.table('other').write([{ key: 'a', value: 'x' }]);
    file.close();

    file = openStateFile(path);
    expect(file.table('resources').values()).toEqual(['3']);
    expect(file.table('other').values()).toEqual(['x']);
    file.table('resources').clear();
    expect(file.table('resources').isEmpty()).toBe(true);
    expect(file.table('other').isEmpty()).toBe(false);
    file.close();
  });
});

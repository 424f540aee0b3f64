import { setImmediate as turn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { lineBatch } from '../../../src/cli/line-batch.js';

describe('lineBatch', () => {
  it('writes the lines of one turn of the event loop in one write, in order', async () => {
    const writes: string[] = [];
    const batch = lineBatch((text) => writes.push(text));
    batch.write('a\n');
    batch.write('b\n');
    batch.write('c\n');
    expect(writes).toEqual([]);
    await turn();
    expect(writes).toEqual(['a\nb\nc\n']);
    batch.write('d\n');
    await turn();
    expect(writes).toEqual(['a\nb\nc\n', 'd\n']);
  });

  it('flushes at once when asked, and writes nothing for an empty turn', async () => {
    const writes: string[] = [];
    const batch = lineBatch((text) => writes.push(text));
    batch.flush();
    expect(writes).toEqual([]);
    batch.write('before the shutdown message\n');
    batch.flush();
    expect(writes).toEqual(['before the shutdown message\n']);
    await turn();
    expect(writes).toEqual(['before the shutdown message\n']);
  });
});

import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { BATCH_BYTES, BATCH_MS, lineBatch } from '../../../src/cli/line-batch.js';

const afterBatch = () => sleep(BATCH_MS * 3);

describe('lineBatch', () => {
  it('writes the lines of a few milliseconds in one write, in order', async () => {
    const writes: string[] = [];
    const batch = lineBatch((text) => writes.push(text));
    batch.write('a\n');
    await sleep(0);
    batch.write('b\n');
    batch.write('c\n');
    expect(writes).toEqual([]);
    await afterBatch();
    expect(writes).toEqual(['a\nb\nc\n']);
    batch.write('d\n');
    await afterBatch();
    expect(writes).toEqual(['a\nb\nc\n', 'd\n']);
  });

  it('flushes at once when asked, and writes nothing when nothing waits', async () => {
    const writes: string[] = [];
    const batch = lineBatch((text) => writes.push(text));
    batch.flush();
    expect(writes).toEqual([]);
    batch.write('before the shutdown message\n');
    batch.flush();
    expect(writes).toEqual(['before the shutdown message\n']);
    await afterBatch();
    expect(writes).toEqual(['before the shutdown message\n']);
  });

  it('writes a burst as soon as it fills a batch, without waiting for the timer', () => {
    const writes: string[] = [];
    const batch = lineBatch((text) => writes.push(text));
    const line = 'x'.repeat(99) + '\n';
    const lines = Math.ceil(BATCH_BYTES / line.length);
    for (let i = 0; i < lines; i++) batch.write(line);
    expect(writes).toHaveLength(1);
    expect(writes[0]).toBe(line.repeat(lines));
    batch.flush();
  });
});

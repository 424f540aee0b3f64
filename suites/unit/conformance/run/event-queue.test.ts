import { describe, expect, it } from 'vitest';
import { EventQueue } from '../../../../src/conformance/run/event-queue.js';

describe('EventQueue', () => {
  it('delivers pushed values in order, then the error it was closed with', async () => {
    const queue = new EventQueue<number>();
    const seen: number[] = [];
    const reading = (async () => {
      for await (const value of queue) seen.push(value);
    })();
    queue.push(1);
    await Promise.resolve();
    queue.push(2);
    queue.close({ error: new Error('boom') });
    await expect(reading).rejects.toThrow('boom');
    expect(seen).toEqual([1, 2]);
  });
});

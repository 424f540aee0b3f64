import { describe, expect, it } from 'vitest';
import { RingBuffer } from '../../../../src/mock/dashboard/ring-buffer.js';

describe('RingBuffer', () => {
  it('keeps the last `capacity` items with increasing ids', () => {
    const ring = new RingBuffer<string>(3);
    expect(['a', 'b', 'c', 'd', 'e'].map((item) => ring.push(item))).toEqual([1, 2, 3, 4, 5]);
    expect(ring.after(0)).toEqual([
      { id: 3, item: 'c' },
      { id: 4, item: 'd' },
      { id: 5, item: 'e' },
    ]);
    expect([1, 2, 3, 5, 6].map((id) => ring.get(id))).toEqual([undefined, undefined, 'c', 'e', undefined]);
  });

  it('replays only what came after an id', () => {
    const ring = new RingBuffer<number>(10);
    for (let i = 0; i < 4; i++) ring.push(i);
    expect(ring.after(2).map((entry) => entry.id)).toEqual([3, 4]);
    expect(ring.after(4)).toEqual([]);
    expect(ring.after(99)).toEqual([]);
  });

  it('forgets everything on clear, and never reuses an id', () => {
    const ring = new RingBuffer<string>(3);
    ring.push('a');
    ring.push('b');
    ring.clear();
    expect(ring.after(0)).toEqual([]);
    expect(ring.get(1)).toBeUndefined();
    expect(ring.push('c')).toBe(3);
    expect(ring.after(0)).toEqual([{ id: 3, item: 'c' }]);
  });

  it('names the item the next push overwrites only once it is full, and none after clear', () => {
    const ring = new RingBuffer<string>(2);
    expect(ring.displaced()).toBeUndefined();
    ring.push('a');
    expect(ring.displaced()).toBeUndefined();
    ring.push('b');
    expect(ring.displaced()).toBe('a');
    ring.push('c');
    expect(ring.displaced()).toBe('b');
    ring.clear();
    expect(ring.displaced()).toBeUndefined();
    ring.push('d');
    ring.push('e');
    expect(ring.displaced()).toBe('d');
  });

  it('refuses a capacity that is not a positive integer', () => {
    for (const capacity of [0, -1, 1.5, Number.NaN]) expect(() => new RingBuffer(capacity)).toThrow(RangeError);
  });
});

import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { InFlight } from '../../../src/mock/in-flight.js';

const response = (name: string) => ({ name }) as unknown as ServerResponse;

describe('InFlight', () => {
  it('lists the responses added and not deleted, whatever the order of deletion', () => {
    const list = new InFlight();
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map(response);
    const entries = [a, b, c, d].map((res) => list.add(res!));
    list.delete(entries[1]!);
    list.delete(entries[3]!);
    expect([...list]).toEqual([c, a]);
    expect(list.size).toBe(2);
    list.delete(entries[2]!);
    list.delete(entries[0]!);
    expect([...list]).toEqual([]);
    expect(list.size).toBe(0);
  });

  it('ignores a second delete of the same entry, at the head or inside the list', () => {
    const list = new InFlight();
    const [a, b, c] = ['a', 'b', 'c'].map(response);
    const first = list.add(a!);
    const second = list.add(b!);
    list.add(c!);
    list.delete(second);
    list.delete(second);
    expect([...list]).toEqual([c, a]);
    const head = list.add(b!);
    list.delete(head);
    list.delete(head);
    list.delete(first);
    list.delete(first);
    expect([...list]).toEqual([c]);
    expect(list.size).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import { stripHopByHop } from '../../../src/recording/hop-by-hop.js';

describe('stripHopByHop', () => {
  it('drops RFC 9110 §7.6.1 fields and any the Connection header lists', () => {
    const kept = stripHopByHop({
      connection: 'keep-alive, x-drop-me',
      'keep-alive': 'timeout=5',
      'transfer-encoding': 'chunked',
      upgrade: 'h2c',
      'x-drop-me': '1',
      'content-type': 'application/json',
      authorization: 'Bearer abc',
    });
    expect(kept).toEqual({ 'content-type': 'application/json', authorization: 'Bearer abc' });
  });

  it('drops extra names the caller recomputes', () => {
    expect(stripHopByHop({ host: 'a', 'content-length': '3', accept: '*/*' }, ['host', 'content-length'])).toEqual({ accept: '*/*' });
  });
});

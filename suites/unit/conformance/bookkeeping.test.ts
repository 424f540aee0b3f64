import { describe, expect, it } from 'vitest';
import {
  deriveSeed,
  EventChannel,
  FindingBook,
  findingKey,
  primarySchemes,
  takesApiKey,
  takesOwnToken,
  tokenHeaders,
  type Finding,
} from '../../../src/conformance/index.js';
import { apps } from './fixture.js';

const finding = (key: string): Finding => ({
  check: 'c',
  severity: 'error',
  operation: 'op',
  title: 't',
  expected: 'e',
  received: 'r',
  key,
  evidence: [],
});

describe('FindingBook', () => {
  it('keeps the first finding of a cause and counts the rest', () => {
    const book = new FindingBook();
    expect(book.record(finding('a'), { seed: 1, path: 'p' })).toMatchObject({ key: 'a', count: 1, replay: { seed: 1, path: 'p' } });
    expect(book.record(finding('a'))).toBeUndefined();
    book.bump(finding('a'));
    book.record(finding('b'));
    expect(book.all().map((f) => [f.key, f.count])).toEqual([
      ['a', 3],
      ['b', 1],
    ]);
    expect(findingKey(finding('a'))).not.toBe(findingKey(finding('b')));
  });
});

describe('EventChannel', () => {
  it('delivers pushed values in order, then the error it was closed with', async () => {
    const channel = new EventChannel<number>();
    const seen: number[] = [];
    const reading = (async () => {
      for await (const value of channel) seen.push(value);
    })();
    channel.push(1);
    await Promise.resolve();
    channel.push(2);
    channel.close({ error: new Error('boom') });
    await expect(reading).rejects.toThrow('boom');
    expect(seen).toEqual([1, 2]);
  });
});

describe('security', () => {
  it('tells management operations (API key) from the webhook (its own token)', async () => {
    const { spec, op } = await apps();
    const primary = primarySchemes(spec.document);
    expect([...primary]).toEqual(['bearerAuth']);
    expect(takesApiKey(op('createApp'), primary)).toBe(true);
    expect(takesApiKey(op('invokeWebhook'), primary)).toBe(false);
    expect(takesOwnToken(op('invokeWebhook'), primary)).toBe(true);
    expect(tokenHeaders(spec.document, op('invokeWebhook'), 'tok')).toEqual({ 'x-everruns-webhook-token': 'tok' });
  });
});

describe('deriveSeed', () => {
  it('is stable per label and differs between labels', () => {
    expect(deriveSeed(42, 'createApp:positive:0')).toBe(deriveSeed(42, 'createApp:positive:0'));
    expect(deriveSeed(42, 'createApp:positive:0')).not.toBe(deriveSeed(42, 'createApp:negative:0'));
    expect(deriveSeed(42, 'x')).not.toBe(deriveSeed(43, 'x'));
  });
});

import validator from 'har-validator';
import { describe, expect, it } from 'vitest';
import type { RequestFacts, ResponseFacts } from '../../../src/core/index.js';
import { fromHarEntry, requestKey, toHarEntry } from '../../../src/recording/index.js';

const request: RequestFacts = {
  method: 'post',
  path: '/v1/apps',
  query: 'b=2&a=1',
  headers: { 'content-type': 'application/json', accept: 'application/json' },
  body: Buffer.from('{"name":"demo"}'),
};
const response: ResponseFacts = { status: 201, headers: { 'content-type': 'application/json', location: '/v1/apps/app_1' }, body: Buffer.from('{"id":"app_1"}') };

describe('toHarEntry / fromHarEntry', () => {
  it('writes a valid HAR 1.2 entry and reads the same facts back', async () => {
    const entry = toHarEntry({ request, response, baseUrl: 'https://api.example.com', startedAt: new Date(0), time: 12 });
    await expect(validator.entry(entry)).resolves.toBeTruthy();
    expect(entry.request).toMatchObject({ method: 'POST', url: 'https://api.example.com/v1/apps?b=2&a=1', queryString: [{ name: 'b', value: '2' }, { name: 'a', value: '1' }] });
    expect(entry.request.postData).toEqual({ mimeType: 'application/json', text: '{"name":"demo"}' });
    expect(entry.response).toMatchObject({ status: 201, statusText: 'Created', redirectURL: '/v1/apps/app_1', content: { size: 14, text: '{"id":"app_1"}' } });
    expect(entry.startedDateTime).toBe('1970-01-01T00:00:00.000Z');

    const back = fromHarEntry(entry);
    expect(back.request).toEqual({ ...request, method: 'POST' });
    expect(back.response).toEqual(response);
    expect(back.requestTruncated || back.responseTruncated).toBe(false);
  });

  it('keeps a base path and drops userinfo from the base URL', () => {
    const entry = toHarEntry({ request: { ...request, query: '' }, response, baseUrl: 'https://u:p@api.example.com/base/' });
    expect(entry.request.url).toBe('https://api.example.com/base/v1/apps');
  });

  it('stores binary bodies as base64 and reads them back byte for byte', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0x00]);
    const entry = toHarEntry({ request: { method: 'GET', path: '/logo', query: '', headers: {} }, response: { status: 200, headers: { 'content-type': 'image/png' }, body: png }, baseUrl: 'http://127.0.0.1:1' });
    expect(entry.response.content).toMatchObject({ encoding: 'base64', text: png.toString('base64'), mimeType: 'image/png' });
    expect(entry.request.postData).toBeUndefined();
    expect(fromHarEntry(entry).response.body.equals(png)).toBe(true);
  });

  it('marks truncated bodies so playback knows, keeping the whole request body digest', () => {
    const big = Buffer.from(JSON.stringify({ data: 'x'.repeat(100) }));
    const entry = toHarEntry(
      { request: { ...request, body: big }, response: { status: 200, headers: { 'content-type': 'text/plain', 'content-length': '200' }, body: Buffer.alloc(200, 0x61) }, baseUrl: 'http://h' },
      { maxBodyBytes: 50 },
    );
    expect(entry.request.postData!.comment).toBe(`body truncated: 50 of ${big.length} bytes stored`);
    expect(entry.response.content).toMatchObject({ size: 200, _truncated: { originalSize: 200 } });
    const back = fromHarEntry(entry);
    expect(back.requestTruncated && back.responseTruncated).toBe(true);
    expect(back.response.body).toHaveLength(50);
    expect(back.response.headers['content-length']).toBeUndefined();
    expect(requestKey(back.request, { bodyDigest: back.requestBodyDigest! })).toBe(requestKey({ ...request, body: big }));
  });
});

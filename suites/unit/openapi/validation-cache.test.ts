import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSpec } from '../../../src/openapi/index.js';
import { cachedLoad, isJsonData, rememberLoad } from '../../../src/openapi/validation-cache.js';
import { documentWith, inlineSpec } from '../../helpers/inline-spec.js';

function yamlFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'everruns-yaml-')), 'openapi.yaml');
  writeFileSync(file, text);
  return file;
}

const yamlDocument = (extra: string) =>
  [
    'openapi: 3.1.0',
    `info: { title: cached, version: "${randomUUID()}" }`,
    'paths:',
    '  /things:',
    '    get:',
    '      responses:',
    "        '200':",
    '          description: ok',
    '          content:',
    '            application/json:',
    extra,
  ].join('\n');

describe('validation cache', () => {
  afterEach(() => {
    delete process.env.EVERRUNS_CONTRACT_NO_CACHE;
  });

  it('remembers what loading found in exactly the text it was given', () => {
    const text = `openapi: 3.1.0 # ${randomUUID()}`;
    const record = { warnings: [{ pointer: '', line: 1, message: 'missing required property "info"' }], repaired: false };
    expect(cachedLoad(text)).toBeUndefined();
    rememberLoad(text, record);
    expect(cachedLoad(text)).toEqual(record);
    expect(cachedLoad(text + ' ')).toBeUndefined();
  });

  it('can be switched off', () => {
    const text = `openapi: 3.1.0 # ${randomUUID()}`;
    rememberLoad(text, { warnings: [], repaired: false });
    process.env.EVERRUNS_CONTRACT_NO_CACHE = '1';
    expect(cachedLoad(text)).toBeUndefined();
  });

  it('gives a document the same warnings, and the same repairs, on every load', async () => {
    const broken = documentWith('3.1.0', {
      [`/x-${randomUUID()}`]: { get: { responses: { '200': { content: { 'application/json': { schema: { $ref: '#/nowhere' } } } } } } },
    });
    const first = await inlineSpec(broken);
    const second = await inlineSpec(broken);
    expect(first.warnings.map((warning) => warning.message)).toEqual([
      'missing required property "description"',
      '$ref "#/nowhere" points to nothing in the document; served as if it were not there',
    ]);
    expect(second.warnings).toEqual(first.warnings);
    // The broken ref is dropped on the cached load too, so nothing downstream follows it.
    expect(JSON.stringify(second.document)).not.toContain('#/nowhere');
  });

  it('keeps a YAML document as JSON data, so a reload reads no YAML and serves the same document, repairs included', async () => {
    const text = yamlDocument("              schema: { $ref: '#/nowhere', example: { n: 1 } }");
    const first = await loadSpec(yamlFile(text));
    const record = cachedLoad(text);
    // The value as read, before the broken ref was dropped: the next load repairs it again.
    expect(record?.yamlValue).toMatchObject({ paths: { '/things': { get: { responses: { '200': { content: { 'application/json': { schema: { $ref: '#/nowhere' } } } } } } } } });
    const second = await loadSpec(yamlFile(text));
    expect(second.document).toEqual(first.document);
    expect(JSON.stringify(second.document)).not.toContain('#/nowhere');
    expect(second.warnings).toEqual(first.warnings);
  });

  it('reads YAML again whenever its value is not plain JSON data (a date here)', async () => {
    const text = yamlDocument('              example: 2024-01-31');
    const first = await loadSpec(yamlFile(text));
    expect(cachedLoad(text)).toBeDefined();
    expect(cachedLoad(text)?.yamlValue).toBeUndefined();
    const second = await loadSpec(yamlFile(text));
    const example = (doc: typeof first.document) => (doc.paths as any)['/things'].get.responses['200'].content['application/json'].example;
    expect(example(second.document)).toEqual(example(first.document));
    expect(example(second.document)).toBeInstanceOf(Date);
  });

  it('tells JSON data from what JSON cannot hold', () => {
    expect(isJsonData({ a: [1, 'x', true, null, { b: -0.5 }] })).toBe(true);
    expect(isJsonData(Object.assign(Object.create(null), { a: 1 }))).toBe(true);
    const shared = { s: 1 };
    expect(isJsonData({ a: shared, b: shared })).toBe(true);
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    for (const value of [Number.NaN, Infinity, new Date(0), Buffer.from('x'), cyclic, undefined, [1, () => 2]]) {
      expect(isJsonData({ value })).toBe(false);
    }
  });
});

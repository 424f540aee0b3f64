import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import validator from 'har-validator';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/core/index.js';
import { openHarWriter, toHarEntry } from '../../../src/recording/index.js';
import type { Har, HarEntry } from '../../../src/recording/index.js';
import { tempDir } from '../../helpers/temp-dir.js';

const creator = { name: 'test', version: '1' };
const entry = (n: number): HarEntry =>
  toHarEntry({ request: { method: 'GET', path: `/items/${n}`, query: '', headers: {} }, response: { status: 200, headers: { 'content-type': 'text/plain' }, body: Buffer.from(`item ${n}\n"quoted"`) }, baseUrl: 'http://127.0.0.1' });
const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Har;

describe('openHarWriter', () => {
  it('creates a valid empty HAR and keeps it valid after every append', async () => {
    const path = join(tempDir(), 'new.har');
    const writer = openHarWriter(path, { creator });
    await expect(validator.har(read(path))).resolves.toBeTruthy();
    for (let n = 0; n < 5; n += 1) {
      writer.append(entry(n));
      const har = read(path);
      expect(har.log.entries.map((e) => e.request.url)).toEqual(Array.from({ length: n + 1 }, (_, i) => `http://127.0.0.1/items/${i}`));
      await expect(validator.har(har)).resolves.toBeTruthy();
      expect(readFileSync(path, 'utf8').endsWith('\n]}}\n')).toBe(true);
    }
    expect(writer.count).toBe(5);
    writer.close();
    expect(() => writer.append(entry(9))).toThrow(UsageError);
  });

  it('appends a batch in one step, after single entries, and leaves no temporary file behind', async () => {
    const dir = tempDir();
    const path = join(dir, 'batch.har');
    const writer = openHarWriter(path, { creator });
    writer.append(entry(0));
    writer.appendAll([entry(1), entry(2), entry(3)]);
    writer.appendAll([]);
    expect(read(path).log.entries.map((e) => e.request.url)).toEqual([0, 1, 2, 3].map((i) => `http://127.0.0.1/items/${i}`));
    await expect(validator.har(read(path))).resolves.toBeTruthy();
    expect(writer.count).toBe(4);
    expect((await import('node:fs')).readdirSync(dir)).toEqual(['batch.har']);
  });

  it('appends to an existing HAR, rewriting another layout once and keeping its members', () => {
    const path = join(tempDir(), 'pretty.har');
    const original: Har = { log: { version: '1.2', creator: { name: 'browser', version: '9' }, comment: 'kept', entries: [entry(1)], pages: [] } };
    writeFileSync(path, JSON.stringify(original, null, 2));
    const writer = openHarWriter(path, { creator });
    writer.append(entry(2));
    writer.close();
    const har = read(path);
    expect(har.log.creator.name).toBe('browser');
    expect(har.log.comment).toBe('kept');
    expect(har.log.entries.map((e) => e.request.url)).toEqual(['http://127.0.0.1/items/1', 'http://127.0.0.1/items/2']);
    const again = openHarWriter(path, { creator });
    expect(again.count).toBe(2);
    again.append(entry(3));
    again.close();
    expect(read(path).log.entries).toHaveLength(3);
  });

  it('refuses to touch a file that is not a HAR', () => {
    const path = join(tempDir(), 'notes.har');
    writeFileSync(path, '{"hello": ');
    expect(() => openHarWriter(path, { creator })).toThrow(/not valid JSON/);
    writeFileSync(path, '{"log": {"entries": {}}}');
    expect(() => openHarWriter(path, { creator })).toThrow(UsageError);
    expect(readFileSync(path, 'utf8')).toBe('{"log": {"entries": {}}}');
  });
});

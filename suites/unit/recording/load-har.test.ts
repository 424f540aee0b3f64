import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/core/index.js';
import { checkHar, loadHar } from '../../../src/recording/index.js';
import { tempDir } from '../../helpers/temp-dir.js';

describe('loadHar', () => {
  it('names the path when the file is missing or not JSON', () => {
    const dir = tempDir();
    expect(() => loadHar(join(dir, 'nope.har'))).toThrow(new UsageError(`cannot read HAR file ${join(dir, 'nope.har')}: no such file`));
    writeFileSync(join(dir, 'bad.har'), '{"log":');
    expect(() => loadHar(join(dir, 'bad.har'))).toThrow(/bad\.har is not valid JSON/);
  });

  it('points at the broken member of a structurally wrong HAR', () => {
    const path = join(tempDir(), 'wrong.har');
    writeFileSync(path, JSON.stringify({ log: { version: '1.2', creator: { name: 'x', version: '1' }, entries: [{ startedDateTime: 'now', request: { method: 'GET', url: 'relative/path', headers: [] }, response: { status: '200', headers: [], content: { mimeType: 'text/plain' } } }] } }));
    try {
      loadHar(path);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(UsageError);
      expect((error as Error).message).toContain(path);
      expect((error as Error).message).toContain('/log/entries/0/request/url: not an absolute URL');
      expect((error as Error).message).toContain('/log/entries/0/response/status: "status" must be an integer');
    }
  });

  it('accepts a minimal valid HAR', () => {
    const path = join(tempDir(), 'ok.har');
    writeFileSync(path, JSON.stringify({ log: { version: '1.2', creator: { name: 'x', version: '1' }, entries: [] } }));
    expect(loadHar(path).log.entries).toEqual([]);
    expect(checkHar([])).toEqual(['/: a HAR document must be a JSON object']);
    expect(checkHar({ log: { version: '1.2', creator: {}, entries: [] } })).toEqual(['/log/creator/name: missing string "name"', '/log/creator/version: missing string "version"']);
  });
});

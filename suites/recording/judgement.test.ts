/**
 * `record` as it proxies and `conform --har` over what it wrote hold each exchange to one
 * judgement: they report the same things, and a password in --target is never printed.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { runConform } from '../../src/cli/commands/conform.js';
import { runRecord } from '../../src/cli/commands/record.js';
import { captureIo, waitFor } from '../helpers/capture-io.js';
import { documentWith } from '../helpers/inline-spec.js';
import { listenForTest } from '../helpers/listen.js';

// Petstore's habit: a 400 declared with a description and no content.
const DOCUMENT = documentWith('3.0.3', {
  '/pets/{id}': {
    get: {
      operationId: 'getPet',
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
      responses: {
        '200': {
          description: 'ok',
          content: { 'application/json': { schema: { type: 'object', required: ['id'], properties: { id: { type: 'integer' } } } } },
        },
        '400': { description: 'Invalid ID supplied' },
      },
    },
  },
});

/** A target that answers a bad id with a JSON 400, pet 7 as the document says, and pet 9 without its required id. */
async function petTarget(): Promise<string> {
  const server = createServer((req, res) => {
    const id = /^\/pets\/([^/?]+)/.exec(req.url ?? '')?.[1] ?? '';
    if (!/^\d+$/.test(id)) {
      res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'Invalid ID supplied' }));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(id === '9' ? { name: 'no id' } : { id: Number(id) }));
  });
  return listenForTest(server);
}

describe('record and conform --har: one judgement', () => {
  it('agree on a recording: a bodied 400 the document declares without content is fine, a missing required id is not', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'record-judgement-'));
    const spec = join(dir, 'openapi.json');
    writeFileSync(spec, JSON.stringify(DOCUMENT));
    const har = join(dir, 'session.har');
    const target = (await petTarget()).replace('http://', 'http://ops:rec-secret-77@');
    const recorder = captureIo();
    const finished = runRecord(['--target', target, '--out', har, '--port', '0', '--spec', spec], recorder);
    const proxy = (await waitFor(/listening on (http:\/\/\S+)/, recorder.out))[1]!;
    for (const path of ['/pets/abc', '/pets/7', '/pets/9']) await (await request(proxy + path)).body.text();
    await waitFor(/GET \/pets\/9 200/, recorder.out);
    recorder.stop('SIGINT');
    expect(await finished).toBe(0);
    const recorded = recorder.out();
    expect(recorded).not.toContain('rec-secret-77');
    expect(recorded).toMatch(/forwarding to http:\/\/ops:\*\*\*@127\.0\.0\.1:\d+/);
    const violations = recorded.split('\n').filter((line) => /^\s+violation:/.test(line));
    expect(violations).toEqual([
      expect.stringMatching(/^\s+violation: \[response_schema_conformance\] getPet: Response 200 does not match its schema/),
    ]);
    expect(recorded).toMatch(/1 violation seen/);

    const offline = captureIo();
    expect(await runConform(['--har', har, '--spec', spec], offline)).toBe(1);
    const findings = offline
      .out()
      .split('\n')
      .filter((line) => /^\d+\. \[/.test(line));
    expect(findings).toEqual([
      expect.stringMatching(/^1\. \[response_schema_conformance\] getPet: Response 200 does not match its schema/),
    ]);
    expect(offline.out()).toMatch(/replay: --seed 0 --replay entry:3/);
    // The printed replay judges that one recorded exchange again.
    const again = captureIo();
    expect(await runConform(['--har', har, '--spec', spec, '--replay', 'entry:3'], again)).toBe(1);
    expect(again.out()).toMatch(/1 finding: 1 requests/);
  });
});

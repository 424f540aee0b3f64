import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

/** The commands that load a document print what is wrong with it once, at start, and serve it anyway. */

beforeAll(() => {
  process.env.EVERRUNS_CONTRACT_NO_CACHE = '1';
});

/** Runs a command that waits for a signal, with the signal already given: it starts, prints and stops. */
async function runUntilStarted(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    stopSignal: Promise.resolve('SIGTERM'),
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

function sloppyDocument(responses: number): string {
  const paths: Record<string, unknown> = {};
  for (let index = 0; index < responses; index++)
    paths[`/things${index}`] = { get: { responses: { '200': { content: { 'application/json': { schema: { type: 'object' } } } } } } };
  const file = join(mkdtempSync(join(tmpdir(), 'everruns-warnings-')), 'sloppy.json');
  writeFileSync(file, JSON.stringify({ openapi: '3.0.3', paths }, null, 2));
  return file;
}

describe('document warnings at start', () => {
  it('mock lists the first ten with line and pointer, then how many more, and serves', async () => {
    const spec = sloppyDocument(12);
    const result = await runUntilStarted(['mock', '--spec', spec, '--port', '0']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+/);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe(`${spec}: served with 13 warnings about the document:`);
    expect(lines[1]).toBe('  line 1 #: missing required property "info"');
    expect(lines[2]).toBe('  line 7 #/paths/~1things0/get/responses/200: missing required property "description"');
    expect(lines.at(-1)).toBe('  … and 3 more');
  });

  it('mock --quiet only counts them', async () => {
    const spec = sloppyDocument(2);
    const result = await runUntilStarted(['mock', '--spec', spec, '--port', '0', '--quiet']);
    expect(result.stderr).toBe(`${spec}: served with 3 warnings about the document\n`);
  });

  it('record prints them too', async () => {
    const spec = sloppyDocument(1);
    const out = join(mkdtempSync(join(tmpdir(), 'everruns-warnings-')), 'session.har');
    const result = await runUntilStarted([
      'record',
      '--spec',
      spec,
      '--target',
      'http://127.0.0.1:9',
      '--out',
      out,
      '--port',
      '0',
      '--quiet',
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`${spec}: served with 2 warnings about the document\n`);
  });

  it('says nothing for a clean document', async () => {
    const result = await runUntilStarted(['mock', '--port', '0']);
    expect(result.stderr).toBe('');
  });
});

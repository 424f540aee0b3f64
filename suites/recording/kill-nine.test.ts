import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import validator from 'har-validator';
import { beforeAll, describe, expect, it } from 'vitest';
import { openHarWriter } from '../../src/recording/index.js';
import { tempDir } from '../helpers/temp-dir.js';

const root = resolve(import.meta.dirname, '../..');
const builtWriter = join(root, 'dist/recording/har-writer.js');
const child = join(import.meta.dirname, 'helpers/append-forever.mjs');

/** Runs the child until it reports at least `appends` completed appends, then SIGKILLs it. */
function appendThenKill(harPath: string, appends: number): Promise<number> {
  return new Promise((done, fail) => {
    const proc = spawn(process.execPath, [child, pathToFileURL(builtWriter).href, harPath], { stdio: ['ignore', 'pipe', 'pipe'] });
    let reported = 0;
    let stderr = '';
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    proc.stdout.on('data', (chunk: Buffer) => {
      const lines = chunk.toString().trim().split('\n');
      reported = Math.max(reported, Number(lines[lines.length - 1]));
      if (reported >= appends && proc.exitCode === null && !proc.killed) proc.kill('SIGKILL');
    });
    proc.on('exit', (_code, signal) => (signal === 'SIGKILL' ? done(reported) : fail(new Error(`child exited without being killed: ${stderr}`))));
  });
}

describe('kill -9 while recording', () => {
  beforeAll(() => {
    // Child processes cannot run .ts on Node 20, so they use the writer compiled by the global setup.
    expect(existsSync(builtWriter), `${builtWriter} was not built`).toBe(true);
  });

  it('leaves a valid HAR holding every completed append, and appending resumes', async () => {
    const harPath = join(tempDir(), 'killed.har');
    let total = 0;
    for (const appends of [3, 40, 17, 1, 60, 9]) {
      const reported = await appendThenKill(harPath, total + appends);
      const document = JSON.parse(readFileSync(harPath, 'utf8')) as { log: { entries: unknown[] } };
      await expect(validator.har(document)).resolves.toBeTruthy();
      // The child may finish more appends between reporting and dying, never fewer.
      expect(document.log.entries.length).toBeGreaterThanOrEqual(reported);
      total = document.log.entries.length;
    }
    const writer = openHarWriter(harPath, { creator: { name: 'kill-test', version: '1' } });
    expect(writer.count).toBe(total);
    writer.close();
  });
});

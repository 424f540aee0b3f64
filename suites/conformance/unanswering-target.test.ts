/**
 * A target that accepts connections and then never answers, or drops every connection, is under
 * test: what it fails to answer is a finding (exit 1), found within a few timeouts. Only a target
 * that cannot be reached at all is a toolkit error (exit 2, see cli.test.ts).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runConform } from '../../src/cli/commands/conform.js';
import { listenForTest } from '../helpers/listen.js';
import { captureIo } from '../helpers/capture-io.js';

/** A server that reads every request and then does what `answer` says: never answer, or drop the connection. */
async function misbehaving(answer: 'hang' | 'reset'): Promise<string> {
  const server = createServer((req) => {
    req.resume();
    if (answer === 'reset') req.on('end', () => req.socket.destroy());
  });
  return listenForTest(server);
}

describe('conform against a target that does not answer', () => {
  for (const [answer, kind] of [
    ['hang', 'timeout'],
    ['reset', 'reset'],
  ] as const) {
    it(`reports a target that ${answer === 'hang' ? 'hangs' : 'resets every connection'} as one finding, exit 1, within a few timeouts`, async () => {
      const target = await misbehaving(answer);
      const cli = captureIo();
      const started = Date.now();
      const json = join(mkdtempSync(join(tmpdir(), 'conform-unanswering-')), 'report.json');
      const code = await runConform(['--target', target, '--runs', '20', '--seed', '2', '--timeout', '200', '--json', json], cli);
      expect(code, cli.err()).toBe(1);
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(cli.err()).not.toMatch(/cannot reach/);
      const report = JSON.parse(readFileSync(json, 'utf8'));
      expect(report.findings.map((f: { check: string; key: string }) => `${f.check} ${f.key}`)).toEqual([
        `not_a_server_error transport:${kind}`,
      ]);
      expect(report.findings[0].operations.length).toBeGreaterThan(1);
      expect(report.findings[0].replay).not.toBeNull();
      expect(report.passed).toBe(false);
    }, 30_000);
  }
});

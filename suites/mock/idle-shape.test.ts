// A mock left idle after start-up must answer as fast as one loaded at once. V8's memory reducer,
// run on an idle process, clears the feedback `process.nextTick` keeps of its queue entries' shape,
// and V8 then marks those sites megamorphic for good (src/mock/tick-object-shape.ts). The test
// reads that feedback itself (%DebugPrint) after the reducer has run, in the mock and, as the
// control that shows the effect is real on this Node, in a plain node:http server.
import { spawn } from 'node:child_process';
import { mkdtempSync, openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CHILD = fileURLToPath(new URL('./support/idle-child.mjs', import.meta.url));

/** The IC states of process.nextTick's DefineKeyedOwnPropertyInLiteral slots, once the reducer has run. */
async function literalSlotsAfterReduction(kind: 'mock' | 'bare'): Promise<string[]> {
  // V8 prints (--trace-gc, %DebugPrint) with C stdio, which drops what a full non-blocking pipe
  // refuses: the child writes to a file, and the test reads it.
  const dir = mkdtempSync(join(tmpdir(), 'idle-shape-'));
  const log = join(dir, 'stdout');
  const fd = openSync(log, 'w');
  const child = spawn(process.execPath, ['--allow-natives-syntax', '--trace-gc', CHILD, kind], { stdio: ['pipe', fd, 'inherit'] });
  closeSync(fd);
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const output = () => readFileSync(log, 'utf8');
  try {
    const began = Date.now();
    // Served one request, then idle: the reducer runs about 8 s after start, up to three
    // collections 0.5 s apart; the first one clears the feedback. On a machine busy with the rest
    // of the suite it may find the allocation rate too high and wait another 8 s, several times.
    while (!/^ready$[^]*Mark-Compact \(reduce\)/m.test(output())) {
      if (child.exitCode !== null) throw new Error(`${kind} child exited early:\n${output().slice(-2000)}`);
      if (Date.now() - began > 120_000) throw new Error(`no memory-reducing collection within 120 s (${kind})`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await new Promise((resolve) => setTimeout(resolve, 1500));
    child.stdin?.end('go\n');
    expect(await exited).toBe(0);
    return [...output().matchAll(/DefineKeyedOwnPropertyInLiteral (\w+)/g)].map((match) => match[1]!);
  } finally {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('a mock idle after start-up', () => {
  it('keeps process.nextTick monomorphic through V8 memory reduction, where a plain node:http server loses it', async () => {
    const [mock, bare] = await Promise.all([literalSlotsAfterReduction('mock'), literalSlotsAfterReduction('bare')]);
    expect(bare.length).toBeGreaterThan(0);
    expect(bare).toContain('MEGAMORPHIC');
    expect(mock.length).toBe(bare.length);
    expect(mock.every((state) => state === 'MONOMORPHIC')).toBe(true);
  }, 150_000);
});

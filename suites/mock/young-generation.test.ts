// The CLI's mock bounds V8's young generation (src/mock/young-generation.ts), so that a loaded
// mock's resident memory stays near 100 MB. Each case runs in a child process: the bound changes a
// V8 flag of the whole process, which a test worker must not carry.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { YOUNG_GENERATION_BOUND } from '../../src/mock/young-generation.js';

const CHILD = fileURLToPath(new URL('./support/young-child.mjs', import.meta.url));

async function largestYoungGeneration(mode: 'bound' | 'free'): Promise<number> {
  const { stdout } = await promisify(execFile)(process.execPath, [CHILD, mode], { timeout: 60_000 });
  return (JSON.parse(stdout) as { largest: number }).largest;
}

describe('boundYoungGeneration', () => {
  it('stops the young generation at its bound, where V8 alone grows it past', async () => {
    const [bound, free] = await Promise.all([largestYoungGeneration('bound'), largestYoungGeneration('free')]);
    expect(free).toBeGreaterThan(YOUNG_GENERATION_BOUND);
    expect(bound).toBeLessThanOrEqual(YOUNG_GENERATION_BOUND);
    expect(bound).toBeGreaterThan(YOUNG_GENERATION_BOUND / 4);
  }, 90_000);
});

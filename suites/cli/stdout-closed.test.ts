import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { startCli } from '../helpers/cli-process.js';

describe('mock with a reader that goes away (`mock | head -1`)', () => {
  it('keeps serving after its stdout pipe closes, though every request logs a line', async () => {
    const cli = await startCli(['mock', '--port', '0']);
    cli.child.stdout!.destroy();
    for (let i = 0; i < 5; i++) {
      const response = await request(`${cli.url}/__mock/health`);
      expect(response.statusCode).toBe(200);
      await response.body.dump();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(cli.child.exitCode).toBeNull();
    expect(cli.stderr()).not.toMatch(/EPIPE/);
  });
});

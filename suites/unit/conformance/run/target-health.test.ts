import { createServer as createTcpServer } from 'node:net';
import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import { reachTarget } from '../../../../src/conformance/run/reach-target.js';
import { TargetHealth } from '../../../../src/conformance/run/target-health.js';
import { UpstreamError } from '../../../../src/core/index.js';
import { createHttpClient } from '../../../../src/transport/index.js';
import { listenForTest } from '../../../helpers/listen.js';

describe('TargetHealth', () => {
  it('gives up on an operation after three transport failures in a row, and on the target after eight', () => {
    const health = new TargetHealth();
    for (let i = 0; i < 3; i++) health.note('a', true);
    expect(health.gaveUp('a')).toBe(true);
    expect(health.gaveUp('b')).toBe(false);
    health.note('a', false);
    expect(health.gaveUp('a')).toBe(false);
    for (let i = 0; i < 7; i++) health.note(`op${i}`, true);
    expect(health.unresponsive).toBe(false);
    health.note('x', true);
    expect(health.unresponsive).toBe(true);
    health.note('x', false);
    expect(health.unresponsive).toBe(false);
  });
});

describe('reachTarget', () => {
  it('refuses a target nothing listens on, and goes on with a warning for one that accepts and then hangs', async () => {
    const client = createHttpClient({ timeoutMs: 200 });
    const closed = createTcpServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as { port: number };
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(reachTarget(client, `http://127.0.0.1:${port}`, 200)).rejects.toThrow(UpstreamError);
    const hanging = await listenForTest(createServer(() => {}));
    expect(await reachTarget(client, hanging, 200)).toMatch(/no usable answer \(timeout/);
    const answering = await listenForTest(createServer((_req, res) => res.end('ok')));
    expect(await reachTarget(client, answering, 200)).toBeUndefined();
    await client.close();
  });
});

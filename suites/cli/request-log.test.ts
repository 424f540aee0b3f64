import { describe, expect, it } from 'vitest';
import { startMain } from '../helpers/run-main.js';

describe("the mock's request log", () => {
  it('stamps each line with the time the request arrived (RFC 3339, UTC)', async () => {
    const mock = startMain(['mock', '--port', '0']);
    const [, url] = await mock.printed(/listening on (http:\S+)/);
    const before = Date.now();
    await fetch(`${url}/v1/apps`);
    const [line, at] = await mock.printed(/^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z) GET \/v1\/apps 200 \d+\.\dms$/m);
    expect(Math.abs(Date.parse(at!) - before)).toBeLessThan(5_000);
    expect(line).not.toMatch(/\x1b\[/);
  });

  it('colours the status on a terminal, and not with NO_COLOR', async () => {
    const coloured = startMain(['mock', '--port', '0'], { tty: true, env: {} });
    const [, url] = await coloured.printed(/listening on (http:\S+)/);
    await fetch(`${url}/nowhere`);
    await coloured.printed(/GET \/nowhere \x1b\[33m404\x1b\[39m/);
    const plain = startMain(['mock', '--port', '0'], { tty: true, env: { NO_COLOR: '1' } });
    const [, other] = await plain.printed(/listening on (http:\S+)/);
    await fetch(`${other}/nowhere`);
    await plain.printed(/Z GET \/nowhere 404 /);
    expect(plain.stdout()).not.toMatch(/\x1b\[/);
  });
});

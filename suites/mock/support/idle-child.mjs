// A process the idle-shape test spawns with --allow-natives-syntax: it serves one request, as a
// user's first one, then waits for the parent's "go" (sent once V8's memory reducer has run), makes
// a few process.nextTick calls and prints the feedback of process.nextTick (%DebugPrint).
// argv[2]: "mock" starts everruns-contract's mock from dist/; "bare" a plain node:http server.
import { createServer } from 'node:http';

const kind = process.argv[2];
let url;
let close;
if (kind === 'mock') {
  const { startMock } = await import('../../../dist/index.js');
  const mock = await startMock({ port: 0 });
  url = mock.url;
  close = () => mock.close();
} else {
  const server = createServer((_req, res) => res.end('{}'));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${server.address().port}`;
  close = () => new Promise((resolve) => server.close(resolve));
}
await (await fetch(`${url}/v1/apps`)).text();
process.stdout.write('ready\n');
process.stdin.once('data', () => {
  for (let i = 0; i < 10; i++) process.nextTick(() => {});
  setImmediate(async () => {
    %DebugPrint(process.nextTick);
    process.stdout.write('end\n');
    await close();
    process.exit(0);
  });
});

// The ceiling target: the least work a Node HTTP server can do per request. It answers every
// request with the same JSON body (the size of a real GET app answer, passed in BENCH_BODY).
// It keeps a process.nextTick entry alive as the mock does (src/mock/tick-object-shape.ts), so an
// idle spell slows neither; BENCH_BARE_PLAIN=1 leaves that out, to show what it prevents.
import { createServer } from 'node:http';
import { keepTickObjectShape } from '../../dist/mock/tick-object-shape.js';

if (process.env.BENCH_BARE_PLAIN !== '1') keepTickObjectShape();

const body = Buffer.from(process.env.BENCH_BODY ?? '{"ok":true}', 'utf8');
const headers = { 'content-type': 'application/json', 'content-length': String(body.length) };
const port = Number(process.argv[2] ?? 0);

const server = createServer((req, res) => {
  // Drain any request body so keep-alive connections stay usable.
  req.resume();
  req.on('end', () => {
    res.writeHead(200, headers);
    res.end(body);
  });
});
server.listen(port, '127.0.0.1', () => {
  process.stdout.write(`bare listening on http://127.0.0.1:${server.address().port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));

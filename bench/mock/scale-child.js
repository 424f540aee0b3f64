// Child process for the scale row: starts the stateful mock through the library, fills it with N
// apps (each with a webhook channel) by calling the Apps layer directly, which is much faster than
// N HTTP round trips and stores exactly the same records, then reports and keeps serving so the
// parent can read its RSS and check the apps answer over HTTP.
import { createAppsLayer, createIdSource, createMockServer, createRandom } from '../../dist/mock/index.js';
import { createAppsModel } from '../../dist/model/apps/index.js';
import { loadSpec } from '../../dist/openapi/index.js';
import { PATHS } from './paths.js';

const count = Number(process.argv[2] ?? 100_000);
const spec = await loadSpec(PATHS.bundledSpec);
const random = createRandom(1);
const newId = createIdSource(random);
const server = await createMockServer({
  spec,
  host: '127.0.0.1',
  port: 0,
  layers: ({ url }) => [
    createAppsLayer(() =>
      createAppsModel({ now: () => new Date(), newId, random, baseUrl: url, uiBaseUrl: 'https://app.everruns.com', runDurationMs: 0, runFailureRate: 0 }),
    ),
  ],
});
const createApp = spec.operations.find((operation) => operation.id === 'create_app');

const settle = () => {
  globalThis.gc?.();
  globalThis.gc?.();
  return process.memoryUsage();
};
const idle = settle();

const startedAt = performance.now();
const ids = [];
for (let i = 0; i < count; i++) {
  const body = {
    name: `Support Bot ${i}`,
    description: `Answers tickets for team ${i % 997}`,
    harness_id: 'harness_0193a3b5c0de7000800000000000abcd',
    channel_type: 'webhook',
    channel_config: { token: `token-${i}-${random().toString(36).slice(2)}`, message: 'Ticket {{ payload.ticket }} for {{ app.name }}' },
  };
  const answer = server.layers[0].handle({
    operation: createApp,
    path: '/v1/apps',
    pathParams: {},
    query: new URLSearchParams(),
    headers: { 'content-type': 'application/json' },
    body,
    rawBody: Buffer.from(JSON.stringify(body)),
    violations: [],
  });
  if (answer.status !== 201) throw new Error(`create #${i} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  if (i === 0 || i === count - 1) ids.push(answer.body.id);
}
const fillMs = performance.now() - startedAt;
const filled = settle();

process.stdout.write(
  `scale-ready ${JSON.stringify({ url: server.url, count, fillMs, ids, idleRssMb: idle.rss / 2 ** 20, rssMb: filled.rss / 2 ** 20, heapUsedMb: filled.heapUsed / 2 ** 20 })}\n`,
);
process.on('SIGTERM', () => server.close().then(() => process.exit(0)));

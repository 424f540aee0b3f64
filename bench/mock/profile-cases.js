// Profiles each mock case in a mock process of its own, so each CPU profile shows one request
// path alone (run.js with BENCH_CPU_PROF mixes every case into one profile per process). Usage:
//   node bench/mock/profile-cases.js DIR [case...]   (cases: getApp getAppFresh createApp updateApp invokeWebhook listRuns getAgent)
// then `node bench/mock/profile-summary.js DIR/<case>/*.cpuprofile 25 FROM_MS` with the FROM_MS it
// prints (when the load began), so start-up and the background compile stay out of the summary.
// Shares, not timings, are the point: they say where a request's time goes even on a busy machine.
import { existsSync } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { CONFIG } from './config.js';
import { measure } from './load.js';
import { PATHS } from './paths.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { stop, stopAll } from './processes.js';
import { startMock } from './servers.js';
import { inferredCase, prepareMockCases } from './workloads.js';

const [dirArg, ...wanted] = process.argv.slice(2);
if (!dirArg) {
  process.stderr.write('usage: node bench/mock/profile-cases.js DIR [case...]\n');
  process.exit(2);
}
const dir = resolve(dirArg);
const WARM_MS = Number(process.env.PROFILE_WARM_MS ?? 5000);
const keys = wanted.length > 0 ? wanted : ['getApp', 'getAppFresh', 'createApp', 'updateApp', 'invokeWebhook', 'listRuns', 'getAgent'];

try {
  for (const key of keys) {
    const out = join(dir, key);
    await mkdir(out, { recursive: true });
    process.env.BENCH_CPU_PROF = out;
    const platform = key === 'getAgent';
    if (platform && !existsSync(PATHS.platformSpec)) continue;
    const spawnedAt = performance.now();
    const server = await startMock(platform ? { spec: PATHS.platformSpec, probe: { path: '/v1/agents' } } : {});
    const entry = platform
      ? await inferredCase(server.url)
      : (await prepareMockCases(server.url, CONFIG.seededRuns)).find((candidate) => candidate.key === key);
    if (!entry) throw new Error(`no case ${key}`);
    // The mock compiles the document's remaining validators in the background after start; a
    // large document takes seconds, and that work is not the request path.
    await sleep(WARM_MS);
    const fromMs = performance.now() - spawnedAt;
    const result = await measure(entry.request, { ...CONFIG, pid: server.pid });
    await stop(server.child);
    const files = (await readdir(out)).filter((name) => name.endsWith('.cpuprofile'));
    process.stdout.write(`${key}: ${result.rps.toFixed(0)} req/s p99 ${result.p99Ms.toFixed(2)} ms peak RSS ${result.peakRssMb?.toFixed(0)} MB → ${join(out, files.at(-1) ?? '?')} (load from ${fromMs.toFixed(0)} ms)\n`);
  }
} finally {
  await stopAll();
}

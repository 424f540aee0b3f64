import { it } from 'vitest';
import { runStatefulChecks } from '../../../src/conformance/stateful/index.js';
import { serveApps } from '../../helpers/serve.js';
import { optionsFor, sendOverHttp } from './support.js';

it('debug', async () => {
  const server = await serveApps({ runDurationMs: 0 });
  const stats = new Map<string, number>();
  let runsNonEmpty = 0;
  for (const seed of [1, 2, 3, 5, 8, 13, 21, 34, 55, 89]) {
    const options = await optionsFor(server.url, {
      seed,
      send: async (r) => {
        const res = await sendOverHttp(r);
        const key = `${r.method} ${r.path.replace(/app_[0-9a-f]{32}/, '{a}').replace(/appchan_[0-9a-f]{32}/, '{c}')} ${res.status}`;
        stats.set(key, (stats.get(key) ?? 0) + 1);
        if (r.path.endsWith('/runs') && res.status === 200 && JSON.parse(res.body.toString()).data.length > 0) runsNonEmpty++;
        return res;
      },
    });
    const result = await runStatefulChecks(options);
    console.log(seed, result.requests, result.findings.length);
  }
  console.log([...stats].sort().map(([k, v]) => `${k}: ${v}`).join('\n'), '\nruns non-empty', runsNonEmpty);
}, 60_000);

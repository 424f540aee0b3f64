import { describe, expect, it } from 'vitest';
import { renderFinding, type ConformanceOptions } from '../../../src/conformance/index.js';
import { loadAppsSpec, serveApps } from '../../helpers/serve.js';
import { APPS_STATELESS, collect } from '../collect.js';

/**
 * The conformance engine as a vitest suite: CONFORMANCE_TARGET (default: a mock started here), one
 * test per operation of a tag, so vitest's reporters and `--shard` split a long campaign by file.
 * CONFORMANCE_RUNS, CONFORMANCE_SEED, CONFORMANCE_API_KEY and CONFORMANCE_VARS (a=b,c=d) tune it.
 */
export function campaign(tag: string): void {
  const env = process.env;
  const seed = Number(env.CONFORMANCE_SEED ?? 1);
  describe(`conformance of ${tag} operations (seed ${seed})`, async () => {
    const spec = await loadAppsSpec();
    const operations = spec.operations.filter((operation) => operation.tags.includes(tag));
    it.each(operations.map((operation) => operation.id))('%s holds every check', async (operationId) => {
      const target = env.CONFORMANCE_TARGET ?? (await serveApps()).url;
      const options: ConformanceOptions = {
        plugins: [APPS_STATELESS],
        spec,
        target,
        seed,
        runs: Number(env.CONFORMANCE_RUNS ?? 25),
        operations: [operationId],
        ...(env.CONFORMANCE_API_KEY ? { apiKey: env.CONFORMANCE_API_KEY } : {}),
        vars: Object.fromEntries(
          (env.CONFORMANCE_VARS ?? '')
            .split(',')
            .filter(Boolean)
            .map((pair) => pair.split('=') as [string, string]),
        ),
      };
      const { summary } = await collect(options);
      const secrets = env.CONFORMANCE_API_KEY ? [env.CONFORMANCE_API_KEY] : [];
      const report = summary.findings.map((finding, index) => renderFinding(finding, index + 1, secrets).join('\n')).join('\n\n');
      expect(summary.findings.length, report).toBe(0);
    });
  });
}

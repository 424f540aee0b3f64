import fc from 'fast-check';
import type { Operation } from '../../openapi/index.js';
import { execute } from './execute.js';
import { formatReplay } from './replay-target.js';
import { halted, type Run } from './run.js';
import { buildArbitrary } from './run-property.js';
import { deriveSeed } from './seed.js';
import { takesApiKey } from './security.js';

/**
 * With an API key configured, every operation that takes it is sent once without it and once with
 * a wrong one; `OPERATION:auth:0:0` replays one operation's probes (they are drawn from the seed).
 */
export async function probeApiKey(run: Run, operations: readonly Operation[]): Promise<void> {
  const { config, state } = run;
  if (!config.apiKeyConfigured) return;
  for (const operation of operations) {
    if (halted(run) || !takesApiKey(operation, config.primarySchemes)) continue;
    const arbitrary = buildArbitrary(run, operation, 'positive');
    if (!arbitrary) continue;
    const [plan] = fc.sample(arbitrary, { seed: deriveSeed(config.seed, `${operation.id}:auth`), numRuns: 1 });
    if (!plan) continue;
    const replay = { seed: config.seed, path: formatReplay({ operation: operation.id, mode: 'auth' }) };
    const others = { ...config.credentials };
    delete others.authorization;
    const missing = await execute(run, operation, plan, {
      credentials: { replace: others },
      kind: { kind: 'auth', variant: 'a missing API key' },
    });
    state.findings.defer(missing.findings, replay);
    const wrong = await execute(run, operation, plan, {
      credentials: { replace: { ...others, authorization: 'Bearer conform-wrong-key' } },
      kind: { kind: 'auth', variant: 'a wrong API key' },
    });
    state.findings.defer(wrong.findings, replay);
  }
}

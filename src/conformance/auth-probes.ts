import fc from 'fast-check';
import type { Operation } from '../openapi/index.js';
import { execute } from './execute.js';
import { deferFindings } from './record-findings.js';
import type { RunEnv } from './run-env.js';
import { buildArbitrary } from './run-property.js';
import { deriveSeed } from './seed.js';
import { takesApiKey } from './security.js';

/** With an API key configured, every operation that takes it is sent once without it and once with a wrong one. */
export async function probeApiKey(env: RunEnv, operations: readonly Operation[]): Promise<void> {
  if (!env.apiKeyConfigured) return;
  for (const operation of operations) {
    if (env.stopped() || !takesApiKey(operation, env.primarySchemes)) continue;
    const arbitrary = buildArbitrary(env, operation, 'positive');
    if (!arbitrary) continue;
    const [plan] = fc.sample(arbitrary, { seed: deriveSeed(env.seed, `${operation.id}:auth`), numRuns: 1 });
    if (!plan) continue;
    const others = { ...env.credentials };
    delete others.authorization;
    const missing = await execute(env, operation, plan, {
      credentials: { replace: others },
      kind: { kind: 'auth', variant: 'a missing API key' },
    });
    deferFindings(env, missing.findings);
    const wrong = await execute(env, operation, plan, {
      credentials: { replace: { ...others, authorization: 'Bearer conform-wrong-key' } },
      kind: { kind: 'auth', variant: 'a wrong API key' },
    });
    deferFindings(env, wrong.findings);
  }
}

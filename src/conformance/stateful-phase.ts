import type { RunPhase } from './phase.js';
import { runStatefulChecks, STATEFUL_CHECKS } from './stateful/index.js';

/** The model-based stateful sequences as a run phase: the runner lends its client, credentials and clean-up. */
export const STATEFUL_PHASE: RunPhase = {
  checks: STATEFUL_CHECKS.map((check) => check.name),
  async run(context) {
    const result = await runStatefulChecks({
      target: context.target,
      spec: context.spec,
      validator: context.validator,
      send: context.send,
      headers: context.headers,
      vars: { ...context.vars },
      seed: context.seed,
      numRuns: context.runs,
      namePrefix: context.namePrefix,
      onCreated: context.onCreated,
      signal: context.signal,
      checks: context.enabled,
      ...(context.replay === undefined ? {} : { replay: context.replay }),
    });
    return { findings: result.findings, requests: result.requests };
  },
};

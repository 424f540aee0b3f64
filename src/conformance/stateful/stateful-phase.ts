import type { RunPhase } from '../run/phase.js';
import { parseStatefulReplay } from './replay-path.js';
import { runStatefulChecks } from './run-stateful-checks.js';
import type { Sequence } from './sequence.js';
import type { StatefulSource } from './source.js';

/** A source's stateful sequences as a run phase: the runner lends its client, credentials and clean-up. */
export function statefulPhase<S extends Sequence>(source: StatefulSource<S>): RunPhase {
  return {
    checks: source.checks.map((check) => check.name),
    replays: (path) => parseStatefulReplay(source.replayPrefix, path) !== undefined,
    async run(context) {
      const result = await runStatefulChecks(source, {
        target: context.target,
        spec: context.spec,
        validator: context.validator,
        // The runner answers a transport failure as status 0; a sequence stops there instead of judging it.
        async send(request) {
          const answer = await context.send(request);
          if (answer.status === 0) throw new Error(answer.body.toString('utf8'));
          return answer;
        },
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
      return {
        findings: result.findings,
        requests: result.requests,
        ...(result.transportError ? { warnings: [`stateful sequences stopped: ${result.transportError}`] } : {}),
      };
    },
  };
}

import { execute } from './execute.js';
import type { ConformancePlugin, SetUpContext } from './plugin.js';
import { formatReplay } from './replay-target.js';
import { halted, type Run } from './run.js';
import { tokenHeaders } from './security.js';

/** Runs each plug-in's set-up with what the runner lends it; `setup:NAME` replays one plug-in's. */
export async function setUpPlugins(run: Run, plugins: readonly ConformancePlugin[]): Promise<void> {
  for (const plugin of plugins) await plugin.setUp?.(setUpContext(run, plugin.name));
}

function setUpContext(run: Run, name: string): SetUpContext {
  const { config, state } = run;
  const replay = { seed: config.seed, path: formatReplay({ setUp: name }) };
  return {
    spec: config.spec,
    seed: config.seed,
    vars: config.vars,
    credentials: config.credentials,
    async send(operation, plan, options) {
      // A target that stopped answering would make each set-up request wait out its timeout.
      if (halted(run)) return undefined;
      const executed = await execute(run, operation, plan, options);
      state.findings.defer(executed.findings, replay);
      return executed.exchange;
    },
    addSecret: (secret) => state.secrets.add(secret),
    setResourceToken: (resourceId, token) => state.secrets.setToken(resourceId, token),
    tokenHeaders: (operation, token) => tokenHeaders(config.spec.document, operation, token),
    warn: (message) => config.emit({ type: 'run-warned', message }),
  };
}

import { execute } from './execute.js';
import type { ConformancePlugin, SetUpContext } from './plugin.js';
import type { Run } from './run.js';
import { tokenHeaders } from './security.js';

/** Runs each plug-in's set-up with what the runner lends it. */
export async function setUpPlugins(run: Run, plugins: readonly ConformancePlugin[]): Promise<void> {
  for (const plugin of plugins) await plugin.setUp?.(setUpContext(run));
}

function setUpContext(run: Run): SetUpContext {
  const { config, state } = run;
  return {
    spec: config.spec,
    seed: config.seed,
    vars: config.vars,
    credentials: config.credentials,
    async send(operation, plan, options) {
      const executed = await execute(run, operation, plan, options);
      state.findings.defer(executed.findings);
      return executed.exchange;
    },
    addSecret: (secret) => state.secrets.add(secret),
    setResourceToken: (resourceId, token) => state.secrets.setToken(resourceId, token),
    tokenHeaders: (operation, token) => tokenHeaders(config.spec.document, operation, token),
    warn: (message) => config.emit({ type: 'run-warned', message }),
  };
}

import type { CheckContext } from '../checks/check.js';
import type { Run } from './run.js';
import { sendCounted } from './send-counted.js';

/** The context handed to checks; follow-up requests carry credentials only to the target's own origin. */
export function checkContext(run: Run, extraSecrets: readonly string[] = []): CheckContext {
  const { config, state } = run;
  const origin = new URL(config.baseUrl).origin;
  const secrets = state.secrets.all();
  return {
    spec: config.spec,
    validator: config.validator,
    secrets: extraSecrets.length > 0 ? [...secrets, ...extraSecrets] : secrets,
    apiKeyConfigured: config.apiKeyConfigured,
    problemRules: config.problemRules,
    target: config.baseUrl,
    linkBase: config.linkBase,
    maxResponseTimeMs: config.maxResponseTimeMs,
    deletedByRun: (path) => state.deleted.covers(path),
    send(request) {
      const headers = { ...request.headers };
      if (new URL(request.url).origin !== origin) for (const name of Object.keys(config.credentials)) delete headers[name.toLowerCase()];
      return sendCounted(run, { ...request, headers });
    },
  };
}

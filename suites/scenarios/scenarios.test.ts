/**
 * Golden scenarios for the stateful Apps mock (or a stateless mock of a file's inline `spec`), one
 * `describe` per `*.scenario.yaml` in this folder and one `it` (with a fresh mock) per scenario.
 *
 * The expected responses are written by hand from the contract (shared reference and seeds), never
 * computed by src/model: they catch a bug the mock and the conformance oracle would share.
 *
 * File format:
 *
 *   title: create app                 # describe title
 *   env: {runDurationMs: 0}           # optional serveApps() overrides for every scenario
 *   secrets: [whk_extra]              # optional; tokens sent in bodies/headers are added automatically
 *   spec: {openapi: 3.1.0, ...}       # optional inline document: a stateless mock of it instead of the Apps mock
 *   document: platform                # optional: the mock of the platform's own document (Apps layer + inferred resources)
 *   errorMediaTypes: [application/json, application/problem+json]  # optional: what errors may come as (default problem+json)
 *   scenarios:
 *     - name: minimal app             # it title; each scenario gets a fresh mock
 *       env: {runFailureRate: 1}      # optional, overrides the file's env
 *       steps:
 *         - name: create
 *           delayMs: 5                # optional pause before sending (lets timestamps move)
 *           request:
 *             method: POST
 *             path: /v1/apps/{{app}}  # {{name}}: a captured variable, or {{baseUrl}}; an absolute URL is followed as is
 *             headers: {x-everruns-webhook-token: abc}
 *             body: {name: Bot}       # JSON; or rawBody: '{"broken"' sent byte for byte
 *           expect:
 *             status: 201
 *             contentType: application/json
 *             headers: {allow: '~contains:GET'}
 *             body: {id: '~id:app', channels: []}
 *           capture: {app: /id}       # variable ← JSON pointer into the response body
 *
 * Body matching: objects match the listed keys only, arrays element-wise and by length, scalars by
 * equality. Markers: ~any (present), ~absent (no such key), ~nullish (absent or null), ~string,
 * ~nonblank, ~iso (RFC 3339), ~hour (start of a UTC hour), ~id:<prefix> (<prefix>_ + 32 hex),
 * ~contains:<text>, ~match:<regex, case-insensitive>, ~ne:<value>, ~after:<timestamp>, ~length:<n>.
 * `~~x` is the literal string `~x`.
 *
 * Every step that expects an error names the problem's `code`, as the contract names one for each.
 *
 * Checked on every step without being written: a status >= 400 is application/problem+json with a
 * non-empty `title` and `status` equal to the HTTP status; a 204 has no body; no secret the client
 * sent (channel_config token/signing_secret/bot_token, webhook token headers, bearer values) appears
 * in any response body or header.
 */
import { describe, expect, it } from 'vitest';
import { getAtPointer } from '../../src/core/index.js';
import { inlineSpec } from '../helpers/inline-spec.js';
import { loadSpec } from '../../src/openapi/index.js';
import { PLATFORM_DOCUMENT, serveApps, serveDocument, serveStateless } from '../helpers/serve.js';
import { runStep } from './support/run-step.js';
import { loadScenarioFiles, type ScenarioFile, type Scenario } from './support/scenario-file.js';

const FILES = loadScenarioFiles(new URL('.', import.meta.url).pathname);

describe.each(FILES.map((file) => [file.title, file] as const))('scenario %s', (_title, file) => {
  it.each(file.scenarios.map((scenario) => [scenario.name, scenario] as const))('%s', async (_name, scenario) => {
    await runScenario(file, scenario);
  });

  // The Apps contract names a code for every error it defines; a file with a document of its own
  // answers that document's declared error bodies, which carry whatever members it gives them.
  if (!file.spec)
    it('names the problem code of every error it expects', () => {
      const unnamed = file.scenarios.flatMap((scenario) =>
        scenario.steps
          .filter((step) => step.expect.status >= 400 && typeof (step.expect.body as { code?: unknown } | undefined)?.code !== 'string')
          .map((step) => `${scenario.name} › ${step.name}`),
      );
      expect(unnamed).toEqual([]);
    });
});

async function runScenario(file: ScenarioFile, scenario: Scenario): Promise<void> {
  const env = { runDurationMs: 0, runFailureRate: 0, ...file.env, ...scenario.env };
  const server = file.spec
    ? await serveStateless(await inlineSpec(file.spec))
    : file.document === 'platform'
      ? await serveDocument(await loadSpec(PLATFORM_DOCUMENT), env)
      : await serveApps(env);
  // {{baseUrl}} is where this scenario's mock listens (for self_url).
  const variables = new Map<string, unknown>([['baseUrl', server.url]]);
  const secrets = new Set(file.secrets ?? []);
  for (const [index, step] of scenario.steps.entries()) {
    const result = await runStep(server.url, step, variables, secrets, file.errorMediaTypes);
    const where = `${file.file} › ${scenario.name} › step ${index + 1} "${step.name}" (${step.request.method} ${step.request.path})`;
    // Soft, so one broken rule does not hide what the later steps would reveal.
    expect.soft(result.mismatches, `${where}\nreceived ${result.status}: ${result.text.slice(0, 600)}`).toEqual([]);
    for (const [name, pointer] of Object.entries(step.capture ?? {})) {
      const value = getAtPointer(result.json, pointer);
      expect(value, `${where}: nothing to capture at ${pointer} for {{${name}}}`).not.toBeUndefined();
      variables.set(name, value);
    }
  }
}

/**
 * The Apps sequences wherever the Apps routes are: against the mock of the platform's own document
 * (its Apps routes bound by method and path, no channel routes, a webhook taking bytes, no 403 on
 * the webhook), they report nothing, and they send only what that document declares.
 */
import { describe, expect, it } from 'vitest';
import { APPS_SEQUENCES } from '../../../src/conformance/apps/index.js';
import { runStatefulChecks, type StatefulFinding } from '../../../src/conformance/stateful/index.js';
import { loadSpec } from '../../../src/openapi/index.js';
import { SpecValidator } from '../../../src/validation/index.js';
import { PLATFORM_DOCUMENT, serveDocument } from '../../helpers/serve.js';
import { optionsFor } from './support.js';

const describeFindings = (findings: readonly StatefulFinding[]) =>
  findings.map((finding) => `${finding.check}: ${finding.title} | expected ${finding.expected} | received ${finding.received} | ${finding.steps.join(' ; ')}`);

describe("the Apps sequences on the platform's document", () => {
  it('report nothing at three seeds, send no channel route it lacks, and reach accepted webhooks', async () => {
    const spec = await loadSpec(PLATFORM_DOCUMENT);
    const validator = new SpecValidator(spec);
    const server = await serveDocument(spec, { runDurationMs: 0 });
    const sent: string[] = [];
    for (const seed of [1, 2, 3]) {
      const options = await optionsFor(server.url, { spec, validator, seed, numRuns: 40 });
      const send = options.send;
      options.send = async (request) => {
        const answer = await send(request);
        sent.push(`${request.method} ${request.path.replace(/(app|appchan)_[0-9a-f]{32}/g, '{$1}')} ${answer.status}`);
        return answer;
      };
      const result = await runStatefulChecks(APPS_SEQUENCES, options);
      expect(describeFindings(result.findings), `seed ${seed}`).toEqual([]);
      for (const path of options.created) expect(path).toMatch(/^\/v1\/apps\/app_[0-9a-f]{32}$/);
    }
    expect(sent.filter((line) => line.includes('/channels'))).toEqual([]);
    expect(sent).toContain('POST /v1/apps/{app}/webhooks/{appchan} 202');
    // The document declares no 403 for the webhook: an unpublished app is a 404 there.
    expect(sent.some((line) => /webhooks\/\{appchan\} 403/.test(line))).toBe(false);
    expect(sent.some((line) => /webhooks\/\{appchan\} 404/.test(line))).toBe(true);
  }, 120_000);
});

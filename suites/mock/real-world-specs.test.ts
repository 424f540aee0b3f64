import { resolve } from 'node:path';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { isJsonMediaType } from '../../src/core/index.js';
import type { SchemaContext } from '../../src/generate/index.js';
import { createMockServer } from '../../src/mock/index.js';
import { findResponse, loadSpec, resolveRef, type LoadedSpec, type Operation } from '../../src/openapi/index.js';
import { SpecValidator, validateResponse } from '../../src/validation/index.js';
import { credentials, fillRequest, flatHeaders } from '../helpers/fill-request.js';

/**
 * Public documents served the way `mock --spec FILE` serves them (no stateful layer): every GET
 * operation must answer its declared success, with a body that validates against its own schema.
 */

const EXAMPLES = resolve(import.meta.dirname, '../../node_modules/@readme/oas-examples');
const GITHUB = resolve(import.meta.dirname, '../../node_modules/@octokit/openapi/generated/api.github.com.json');

// Chosen for breadth: plain CRUD, circular refs, polymorphism and discriminators, nullable and
// every schema type, parameter styles, many media types, and 3.1-only features (webhooks, type arrays).
const DOCUMENTS = [
  '3.0/json/petstore.json',
  '3.0/json/petstore-expanded.json',
  '3.0/json/circular.json',
  '3.0/json/schema-circular.json',
  '3.0/json/circular-paths.json',
  '3.0/json/polymorphism.json',
  '3.0/json/discriminators.json',
  '3.0/json/complex-nesting.json',
  '3.0/json/schema-types.json',
  '3.0/json/parameters-style.json',
  '3.0/json/response-multiple-mediatypes.json',
  '3.0/json/star-trek.json',
  '3.1/json/petstore.json',
  '3.1/json/schema-types.json',
  '3.1/json/train-travel.json',
  '3.1/json/webhooks.json',
];

interface Failure {
  operation: string;
  url: string;
  status: number;
  problem: string;
}

/** Calls every GET operation of `spec` on a stateless mock and lists what broke its contract. */
async function exerciseGets(spec: LoadedSpec): Promise<{ failures: Failure[]; calls: number }> {
  const server = await createMockServer({ spec, host: '127.0.0.1', port: 0 });
  const validator = new SpecValidator(spec);
  const context: SchemaContext = { dialect: spec.version === '3.0' ? 'oas30' : 'oas31', resolveRef: (ref) => resolveRef(spec.document, ref) };
  const failures: Failure[] = [];
  let calls = 0;
  try {
    for (const operation of spec.operations.filter((entry) => entry.method === 'GET')) {
      const filled = fillRequest(operation, context);
      const { path, headers } = filled;
      const secured = credentials(spec, operation);
      Object.assign(headers, secured.headers);
      const query = [filled.query, secured.query].filter(Boolean).join('&');
      const url = `${server.url}${path}${query ? `?${query}` : ''}`;
      const response = await request(url, { headers });
      const text = await response.body.text();
      calls++;
      const fail = (problem: string) => failures.push({ operation: operation.id, url: url.slice(server.url.length), status: response.statusCode, problem });
      const contentType = String(response.headers['content-type'] ?? '');
      if (!expectedStatus(operation, response.statusCode)) {
        fail(`status ${response.statusCode} is not the declared success: ${text.slice(0, 300)}`);
        continue;
      }
      let body: unknown;
      if (text !== '' && isJsonMediaType(contentType)) {
        try {
          body = JSON.parse(text);
        } catch {
          fail(`body is not JSON although declared ${contentType}`);
          continue;
        }
      } else if (text !== '') body = text;
      const checked = validateResponse(validator, operation, { status: response.statusCode, headers: flatHeaders(response.headers), body });
      if (!checked.statusDeclared) fail('status not declared');
      if (!checked.mediaTypeDeclared) fail(`media type ${contentType} not declared`);
      for (const violation of checked.violations) fail(`${violation.pointer} ${violation.keyword}: ${violation.message}`);
    }
  } finally {
    await server.close();
  }
  return { failures, calls };
}

/** A 2xx when any success (exact, `2XX` or `default`) is declared; otherwise one of the declared codes. */
function expectedStatus(operation: Operation, status: number): boolean {
  const keys = operation.responses.map((response) => response.key.toUpperCase());
  const hasSuccess = keys.some((key) => /^2(\d\d|XX)$/.test(key) || key === 'DEFAULT');
  if (hasSuccess) return status >= 200 && status < 300;
  return findResponse(operation, status) !== undefined;
}

let github: Promise<LoadedSpec> | undefined;
/** GitHub's description takes seconds to load; both tests that need it share one load. */
function loadGithub(): Promise<LoadedSpec> {
  github ??= loadSpec(GITHUB);
  return github;
}

describe('real-world documents served by the stateless mock', () => {
  for (const document of DOCUMENTS) {
    it(`answers every GET of ${document} with a declared, schema-valid response`, async () => {
      const spec = await loadSpec(resolve(EXAMPLES, document));
      const { failures, calls } = await exerciseGets(spec);
      expect(failures).toEqual([]);
      expect(calls).toBe(spec.operations.filter((operation) => operation.method === 'GET').length);
    });
  }

  it("answers every GET of GitHub's REST description with a declared, schema-valid response", { timeout: 120_000 }, async () => {
    const started = performance.now();
    const spec = await loadGithub();
    const loaded = performance.now();
    const { failures, calls } = await exerciseGets(spec);
    const finished = performance.now();
    console.log(
      `GitHub REST description: ${spec.operations.length} operations loaded in ${(loaded - started).toFixed(0)} ms; ` +
        `${calls} GETs answered and validated in ${(finished - loaded).toFixed(0)} ms`,
    );
    expect(calls).toBeGreaterThan(400);
    expect(failures.slice(0, 20)).toEqual([]);
  });

  it("answers invalid input with the declared 400 even where GitHub's error schema types `status` as a string", { timeout: 60_000 }, async () => {
    const spec = await loadGithub();
    const server = await createMockServer({ spec, host: '127.0.0.1', port: 0 });
    try {
      // basic-error declares {message, documentation_url, url, status: string}: the problem body is
      // fitted to it, but the HTTP status must still be the 400 the operation declares.
      const response = await request(`${server.url}/users/octocat/settings/billing/usage?year=not-a-year`);
      const text = await response.body.text();
      expect(response.statusCode, text).toBe(400);
      const operation = spec.operations.find((entry) => entry.id === 'billing/get-github-billing-usage-report-user')!;
      const declared = findResponse(operation, 400)!.content.find((media) => media.mediaType === 'application/json')!;
      expect(new SpecValidator(spec).check('response-body', declared.schemaPointer!, JSON.parse(text))).toEqual([]);
    } finally {
      await server.close();
    }
  });
});

import { resolve } from 'node:path';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { isJsonMediaType } from '../../src/core/index.js';
import { sampleValue, type SchemaContext } from '../../src/generate/index.js';
import { createMockServer } from '../../src/mock/index.js';
import { findResponse, loadSpec, resolveRef, type LoadedSpec, type Operation, type Parameter } from '../../src/openapi/index.js';
import { SpecValidator, validateResponse } from '../../src/validation/index.js';

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

/** The path with each parameter filled from its schema, plus the required query and header parameters. */
function fillRequest(operation: Operation, context: SchemaContext): { path: string; query: string; headers: Record<string, string> } {
  let path = operation.path;
  const query = new URLSearchParams();
  const headers: Record<string, string> = {};
  for (const parameter of operation.parameters) {
    if (parameter.in !== 'path' && !parameter.required) continue;
    const value = valueFor(parameter, context);
    if (parameter.in === 'path') path = path.replace(`{${parameter.name}}`, serialisePath(value, parameter));
    else if (parameter.in === 'query') {
      if (Array.isArray(value) && parameter.explode) for (const item of value) query.append(parameter.name, String(item));
      else query.append(parameter.name, serialise(value, parameter));
    } else if (parameter.in === 'header') headers[parameter.name.toLowerCase()] = serialise(value, parameter);
  }
  return { path, query: query.toString(), headers };
}

/**
 * Credentials for the operation's first security requirement, placed where each scheme says: the
 * mock enforces security as Prism does, so a GET without them is a 401.
 */
function credentials(spec: LoadedSpec, operation: Operation): { headers: Record<string, string>; query: string } {
  const schemes = (spec.document.components as { securitySchemes?: Record<string, Record<string, string>> } | undefined)?.securitySchemes ?? {};
  const headers: Record<string, string> = {};
  const query = new URLSearchParams();
  const first = (operation.security ?? [])[0] as Record<string, unknown> | undefined;
  for (const name of Object.keys(first ?? {})) {
    const scheme = schemes[name];
    if (scheme?.type === 'apiKey' && scheme.in === 'header') headers[scheme.name!.toLowerCase()] = 'key-123';
    else if (scheme?.type === 'apiKey' && scheme.in === 'query') query.set(scheme.name!, 'key-123');
    else if (scheme?.type === 'apiKey' && scheme.in === 'cookie') headers.cookie = `${scheme.name}=key-123`;
    else if (scheme?.type === 'http' && scheme.scheme?.toLowerCase() === 'basic') headers.authorization = `Basic ${Buffer.from('user:pass').toString('base64')}`;
    else headers.authorization = 'Bearer token-123';
  }
  return { headers, query: query.toString() };
}

function valueFor(parameter: Parameter, context: SchemaContext): unknown {
  if (!parameter.schema) return 'x';
  try {
    return sampleValue(parameter.schema, context, { direction: 'request', seed: 7 });
  } catch {
    return 'x';
  }
}

/** RFC 6570 expansion of a path value by its style: items escaped, delimiters literal (OAS §4.8.12.4). */
function serialisePath(value: unknown, parameter: Parameter): string {
  const escape = (item: unknown) => encodeURIComponent(String(item));
  const { style, explode, name } = parameter;
  const items = Array.isArray(value) ? value.map(escape) : undefined;
  const members = value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.entries(value) : undefined;
  if (style === 'label') {
    if (items) return '.' + items.join(explode ? '.' : ',');
    if (members) return '.' + members.map(([k, v]) => (explode ? `${escape(k)}=${escape(v)}` : `${escape(k)},${escape(v)}`)).join(explode ? '.' : ',');
    return '.' + escape(value);
  }
  if (style === 'matrix') {
    if (items) return explode ? items.map((item) => `;${name}=${item}`).join('') : `;${name}=${items.join(',')}`;
    if (members) return explode ? members.map(([k, v]) => `;${escape(k)}=${escape(v)}`).join('') : `;${name}=${members.map(([k, v]) => `${escape(k)},${escape(v)}`).join(',')}`;
    return `;${name}=${escape(value)}`;
  }
  if (parameter.json) return escape(JSON.stringify(value));
  if (items) return items.join(',');
  if (members) return members.map(([k, v]) => (explode ? `${escape(k)}=${escape(v)}` : `${escape(k)},${escape(v)}`)).join(',');
  return escape(value);
}

/** `simple`/`form` serialisation of one value (OAS §4.8.12.4): arrays comma-joined, objects as key,value pairs. */
function serialise(value: unknown, parameter: Parameter): string {
  if (parameter.json) return JSON.stringify(value);
  if (Array.isArray(value)) return value.map(String).join(',');
  if (value !== null && typeof value === 'object') return Object.entries(value).flat().map(String).join(',');
  return String(value);
}

function flatHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  return flat;
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

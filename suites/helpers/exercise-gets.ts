import { request } from 'undici';
import { isJsonMediaType } from '../../src/core/index.js';
import { sampleValue, UnsatisfiableSchema, type SchemaContext } from '../../src/generate/index.js';
import { findResponse, resolveRef, type LoadedSpec, type Operation } from '../../src/openapi/index.js';
import { validateResponse, type SpecValidator } from '../../src/validation/index.js';
import { credentials, fieldValue, flatHeaders, serialise, serialisePath, valueFor } from './fill-request.js';

export { flatHeaders };

/**
 * Valid GET requests built from a document, and a judge of the answers: the tooling shared by the
 * real-world suites and the APIs.guru bench, which holds this mock and Prism to the same standard.
 */

export interface FilledGet {
  operation: Operation;
  /** Path and query, ready to append to a base URL. */
  target: string;
  headers: Record<string, string>;
}

export interface GetVerdict {
  operation: string;
  target: string;
  /** 0 when no answer came (connection refused or reset). */
  status: number;
  /** The status is the declared success (a 2xx when one is declared), or else a declared code. */
  declaredStatus: boolean;
  /** The body is in a declared media type and valid against its schema. */
  validBody: boolean;
  problem: string | undefined;
}

// OAS 3.1 §4.8.12.1: header parameters with these names SHALL be ignored.
const IGNORED_HEADERS = new Set(['accept', 'content-type', 'authorization']);

export interface FilledGets {
  filled: FilledGet[];
  /** GETs with a required parameter no value could be generated for, or a required body (we send none). */
  unfillable: string[];
  /**
   * GETs whose declared success schema admits no value (`required` a property that an
   * `additionalProperties: false` in its `allOf` forbids): no answer can be schema-valid.
   */
  unsatisfiable: string[];
}

/** A GET request for every GET operation whose required parameters can be generated. */
export function fillGets(spec: LoadedSpec): FilledGets {
  const context: SchemaContext = {
    dialect: spec.version === '3.0' ? 'oas30' : 'oas31',
    resolveRef: (ref) => resolveRef(spec.document, ref),
  };
  const result: FilledGets = { filled: [], unfillable: [], unsatisfiable: [] };
  for (const operation of spec.operations.filter((entry) => entry.method === 'GET')) {
    const request = fillRequest(spec, operation, context);
    if (!request) result.unfillable.push(operation.id);
    else if (!successSatisfiable(spec, operation)) result.unsatisfiable.push(operation.id);
    else result.filled.push(request);
  }
  return result;
}

/** Whether the generator finds a value for the declared success schema within the first `seeds` seeds. */
export function successSatisfiable(spec: LoadedSpec, operation: Operation, seeds = 3): boolean {
  const context: SchemaContext = {
    dialect: spec.version === '3.0' ? 'oas30' : 'oas31',
    resolveRef: (ref) => resolveRef(spec.document, ref),
  };
  const success =
    operation.responses.find((response) => /^2(\d\d|XX)$/i.test(response.key)) ??
    operation.responses.find((response) => response.key === 'default');
  const schema = success?.content.find((media) => media.schema !== undefined)?.schema;
  if (!schema) return true;
  for (let seed = 0; seed < seeds; seed++) {
    try {
      sampleValue(schema, context, { direction: 'response', seed });
      return true;
    } catch (error) {
      if (!(error instanceof UnsatisfiableSchema)) return true;
    }
  }
  return false;
}

/**
 * Why a GET may go wrong for a reason another slice of issue 10 owns, so suites and the bench can
 * count those apart and hold everything else to the contract.
 */
export function knownCause(spec: LoadedSpec, get: FilledGet): string | undefined {
  if (!successSatisfiable(spec, get.operation, 1))
    return "item 2: the stateless answer is null when the generator's first sample of the success schema fails";
  return undefined;
}

/** True when the operation declares a 2xx (or `2XX`) response with a schema for some media type. */
export function declaresSuccessSchema(operation: Operation): boolean {
  return operation.responses.some(
    (response) => /^2(\d\d|XX)$/i.test(response.key) && response.content.some((media) => media.schemaPointer !== undefined),
  );
}

/** Sends one filled GET to `baseUrl` and judges the answer against the operation. */
export async function judgeGet(baseUrl: string, validator: SpecValidator, get: FilledGet): Promise<GetVerdict> {
  const verdict = (status: number, declaredStatus: boolean, validBody: boolean, problem?: string): GetVerdict => ({
    operation: get.operation.id,
    target: get.target,
    status,
    declaredStatus,
    validBody,
    problem,
  });
  let response: Awaited<ReturnType<typeof request>>;
  let text: string;
  try {
    response = await request(`${baseUrl}${get.target}`, { headers: get.headers, headersTimeout: 15_000, bodyTimeout: 15_000 });
    text = await response.body.text();
  } catch (error) {
    return verdict(0, false, false, `no answer: ${(error as Error).message}`);
  }
  const status = response.statusCode;
  if (!expectedStatus(get.operation, status))
    return verdict(status, false, false, `status ${status} is not the declared success: ${text.slice(0, 300)}`);
  const headers = flatHeaders(response.headers);
  const contentType = headers['content-type'] ?? '';
  let body: unknown;
  if (text !== '' && isJsonMediaType(contentType)) {
    try {
      body = JSON.parse(text);
    } catch {
      return verdict(status, true, false, `body is not JSON although declared ${contentType}`);
    }
  } else if (text !== '') body = text;
  let checked: ReturnType<typeof validateResponse>;
  try {
    checked = validateResponse(validator, get.operation, { status, headers, body });
  } catch (error) {
    return verdict(status, true, false, `the judge cannot check the body: ${(error as Error).message}`);
  }
  if (!checked.mediaTypeDeclared) return verdict(status, true, false, `media type ${contentType} not declared`);
  const violations = checked.violations.map((violation) => `${violation.pointer} ${violation.keyword}: ${violation.message}`);
  return verdict(status, true, violations.length === 0, violations.length === 0 ? undefined : violations.slice(0, 3).join('; '));
}

/** A 2xx when any success (exact, `2XX` or `default`) is declared; otherwise one of the declared codes. */
export function expectedStatus(operation: Operation, status: number): boolean {
  const keys = operation.responses.map((response) => response.key.toUpperCase());
  const hasSuccess = keys.some((key) => /^2(\d\d|XX)$/.test(key) || key === 'DEFAULT');
  if (hasSuccess) return status >= 200 && status < 300;
  return findResponse(operation, status) !== undefined;
}

/** The path with each parameter filled from its schema, plus the required query, header and credentials. */
function fillRequest(spec: LoadedSpec, operation: Operation, context: SchemaContext): FilledGet | undefined {
  if (operation.requestBody?.required) return undefined;
  // A path key may carry a query or fragment that tells operations apart (`/rest?method=x`, `/tags#arn`).
  const [, templatePath = operation.path, fixedQuery = '', fragment = ''] = /^([^?#]*)(?:\?([^#]*))?(?:#(.*))?/.exec(operation.path) ?? [];
  let path = templatePath;
  const query = new URLSearchParams(fixedQuery);
  const headers: Record<string, string> = {};
  // AWS's `/#X-Amz-Target=Service.Action` tells operations apart by a header of that value.
  const [fragmentName, fragmentValue] = fragment.split('=');
  if (fragmentName && fragmentValue !== undefined) headers[fragmentName.toLowerCase()] = decodeURIComponent(fragmentValue);
  for (const parameter of operation.parameters) {
    if (parameter.in !== 'path' && !parameter.required) continue;
    if (parameter.in === 'header' && IGNORED_HEADERS.has(parameter.name.toLowerCase())) continue;
    const value = valueFor(parameter, context, undefined);
    if (value === undefined) return undefined;
    // OAS §4.8.12.4 serialises arrays of primitives only: an array of objects (AWS's `Tags`) has no
    // form a server could read back, so no valid request can be filled.
    if (Array.isArray(value) && !parameter.json && value.some((item) => item !== null && typeof item === 'object')) return undefined;
    if (parameter.in === 'path') path = path.replace(`{${parameter.name}}`, serialisePath(value, parameter));
    else if (parameter.in === 'query') {
      if (Array.isArray(value) && parameter.explode) for (const item of value) query.append(parameter.name, String(item));
      else query.append(parameter.name, serialise(value, parameter));
    } else if (parameter.in === 'header') headers[parameter.name.toLowerCase()] = fieldValue(serialise(value, parameter));
  }
  const secured = credentials(spec, operation);
  Object.assign(headers, secured.headers);
  for (const [name, value] of new URLSearchParams(secured.query)) query.set(name, value);
  const search = query.toString();
  return { operation, target: `${path}${search ? `?${search}` : ''}`, headers };
}

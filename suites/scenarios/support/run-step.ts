import { request } from 'undici';
import { matchSubset, type Mismatch } from './match-subset.js';
import { substitute, type Step } from './scenario-file.js';

/** What a step received, kept for captures and failure messages. */
export interface StepResult {
  status: number;
  headers: Record<string, string>;
  text: string;
  json: unknown;
  mismatches: Mismatch[];
}

const SECRET_KEYS = new Set(['token', 'signing_secret', 'bot_token']);

/** Sends one step's request to `baseUrl` and checks the response against the step and the global rules. */
export async function runStep(
  baseUrl: string,
  step: Step,
  variables: Map<string, unknown>,
  secrets: Set<string>,
  errorMediaTypes: readonly string[] = ['application/problem+json'],
): Promise<StepResult> {
  const sent = substitute(step.request, variables) as Step['request'];
  const headers: Record<string, string> = { ...sent.headers };
  let body: string | undefined = sent.rawBody;
  if (sent.body !== undefined) {
    body = JSON.stringify(sent.body);
    if (!Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
  }
  collectSecrets(sent.body, secrets);
  collectHeaderSecrets(headers, secrets);
  if (step.delayMs) await new Promise((resolve) => setTimeout(resolve, step.delayMs));

  const response = await request(new URL(sent.path, baseUrl), { method: sent.method.toUpperCase(), headers, body });
  const text = await response.body.text();
  const received = flattenHeaders(response.headers);
  const mediaType = (received['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  let json: unknown;
  if (/[/+]json$/.test(mediaType) && text !== '') {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  const mismatches = [
    ...globalRules(response.statusCode, mediaType, text, json, errorMediaTypes),
    ...secretLeaks(received, text, secrets),
    ...expectation(step, variables, response.statusCode, mediaType, received, json),
  ];
  return { status: response.statusCode, headers: received, text, json, mismatches };
}

/** Every error is a problem (problem+json, or the JSON the document declares) whose `status` mirrors the status line; a 204 has no body. */
function globalRules(status: number, mediaType: string, text: string, json: unknown, errorMediaTypes: readonly string[]): Mismatch[] {
  const found: Mismatch[] = [];
  if (status >= 400) {
    if (!errorMediaTypes.includes(mediaType)) found.push({ pointer: 'content-type', message: `a ${status} must be ${errorMediaTypes.join(' or ')}, got ${mediaType || 'none'}` });
    const problem = (json ?? {}) as Record<string, unknown>;
    if (typeof problem.title !== 'string' || problem.title === '') found.push({ pointer: '/title', message: 'a problem needs a non-empty title' });
    if (problem.status !== status) found.push({ pointer: '/status', message: `problem status ${JSON.stringify(problem.status)} differs from HTTP ${status}` });
  }
  if (status === 204 && text !== '') found.push({ pointer: '', message: `a 204 must have no body, got ${text.slice(0, 80)}` });
  return found;
}

function secretLeaks(headers: Record<string, string>, text: string, secrets: Set<string>): Mismatch[] {
  const found: Mismatch[] = [];
  for (const secret of secrets) {
    if (text.includes(secret)) found.push({ pointer: 'body', message: `the secret ${secret} leaked into the response body` });
    for (const [name, value] of Object.entries(headers)) {
      if (value.includes(secret)) found.push({ pointer: `header ${name}`, message: `the secret ${secret} leaked into a response header` });
    }
  }
  return found;
}

function expectation(step: Step, variables: Map<string, unknown>, status: number, mediaType: string, headers: Record<string, string>, json: unknown): Mismatch[] {
  const expected = substitute(step.expect, variables) as Step['expect'];
  const found: Mismatch[] = [];
  if (status !== expected.status) found.push({ pointer: 'status', message: `expected ${expected.status}, got ${status}` });
  if (expected.contentType !== undefined && mediaType !== expected.contentType) {
    found.push({ pointer: 'content-type', message: `expected ${expected.contentType}, got ${mediaType || 'none'}` });
  }
  for (const [name, value] of Object.entries(expected.headers ?? {})) {
    found.push(...matchSubset(headers[name.toLowerCase()], value, `header ${name.toLowerCase()}`));
  }
  if (expected.body !== undefined) found.push(...matchSubset(json, expected.body));
  return found;
}

function collectSecrets(value: unknown, secrets: Set<string>): void {
  if (Array.isArray(value)) value.forEach((item) => collectSecrets(item, secrets));
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (SECRET_KEYS.has(key) && typeof item === 'string' && item.trim() !== '') secrets.add(item);
      else collectSecrets(item, secrets);
    }
  }
}

function collectHeaderSecrets(headers: Record<string, string>, secrets: Set<string>): void {
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (lower === 'x-everruns-webhook-token' && value.trim() !== '') secrets.add(value.trim());
    if (lower === 'authorization' && /^bearer\s+\S/i.test(value)) secrets.add(value.replace(/^bearer\s+/i, '').trim());
  }
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

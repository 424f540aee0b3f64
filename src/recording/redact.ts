import type { HeaderMap, RequestFacts, ResponseFacts } from '../core/index.js';
import { REDACTED, isJsonMediaType, parseMediaType } from '../core/index.js';
import { tryParseJson } from './try-parse-json.js';
import { redactJsonFields, scrubJsonStrings } from './redact-json.js';
import { SecretValues, scrubBytes, scrubString } from './scrub.js';
import type { NameRule, SecretRules } from './secret-rules.js';
import { createSecretRules } from './secret-rules.js';

/** Extra redaction rules; they add to the built-in ones. */
export interface RedactOptions {
  /** Header names, or `/regex/flags` strings, or RegExps. */
  headers?: readonly NameRule[];
  /** JSON field and query/form parameter names, or `/regex/flags` strings, or RegExps. */
  fields?: readonly NameRule[];
  /** Literal secret values to scrub wherever they appear (e.g. a password taken from a URL). */
  values?: readonly string[];
}

/** Redacts exchanges so that no secret reaches the disk. */
export interface Redactor {
  request(facts: RequestFacts): RequestFacts;
  response(facts: ResponseFacts): ResponseFacts;
  /** Redacts both sides, scrubbing secrets seen on either side from both. */
  exchange(request: RequestFacts, response: ResponseFacts): { request: RequestFacts; response: ResponseFacts };
  /** Replaces URL userinfo with the marker. */
  url(url: string): string;
}

interface Message {
  headers: HeaderMap;
  body?: Buffer;
}

/** Creates a redactor from the built-in secret rules plus `options`. */
export function createRedactor(options: RedactOptions = {}): Redactor {
  const rules = createSecretRules(options.headers, options.fields);

  const run = <R extends RequestFacts | undefined, S extends ResponseFacts | undefined>(request: R, response: S) => {
    const seen = new SecretValues();
    for (const value of options.values ?? []) seen.add(value);
    const req = request && { ...request, ...redactMessage(request, rules, seen), query: redactParams(request.query, rules, seen) };
    const res = response && { ...response, ...redactMessage(response, rules, seen) };
    const secrets = seen.list();
    return {
      request: (req && {
        ...req,
        ...scrubMessage(req, secrets),
        path: scrubString(req.path, secrets, true),
        query: scrubString(req.query, secrets, true),
      }) as R,
      response: (res && { ...res, ...scrubMessage(res, secrets) }) as S,
    };
  };

  return {
    request: (facts) => run(facts, undefined).request,
    response: (facts) => run(undefined, facts).response as ResponseFacts,
    exchange: (request, response) => run(request, response),
    url: redactUserinfo,
  };
}

function redactMessage(message: Message, rules: SecretRules, seen: SecretValues): Message {
  const headers: HeaderMap = {};
  for (const [name, value] of Object.entries(message.headers)) {
    if (rules.isSecretHeader(name) && value !== REDACTED) {
      seen.addHeader(name, value);
      headers[name] = REDACTED;
    } else headers[name] = value;
  }
  const body = message.body && redactBody(message.body, headers['content-type'], rules, seen);
  return withBody(headers, message.body, body);
}

function redactBody(body: Buffer, contentType: string | undefined, rules: SecretRules, seen: SecretValues): Buffer {
  if (looksLikeJson(body, contentType)) {
    const parsed = tryParseJson(body);
    if (parsed) {
      const walked = redactJsonFields(parsed.value, rules.isSecretField, seen);
      return walked.changed ? Buffer.from(JSON.stringify(walked.value), 'utf8') : body;
    }
  }
  if (parseMediaType(contentType)?.subtype === 'x-www-form-urlencoded') {
    const text = body.toString('utf8');
    const redacted = redactParams(text, rules, seen);
    return redacted === text ? body : Buffer.from(redacted, 'utf8');
  }
  return body;
}

/** Replaces secret parameter values in a raw `a=b&c=d` string, leaving every other part byte for byte. */
function redactParams(raw: string, rules: SecretRules, seen: SecretValues): string {
  if (raw === '') return raw;
  return raw
    .split('&')
    .map((part) => {
      const eq = part.indexOf('=');
      const name = decodeComponent(eq < 0 ? part : part.slice(0, eq));
      if (eq < 0 || !rules.isSecretField(name)) return part;
      const value = decodeComponent(part.slice(eq + 1));
      if (value === REDACTED) return part;
      seen.add(value);
      return `${part.slice(0, eq)}=${encodeURIComponent(REDACTED)}`;
    })
    .join('&');
}

function scrubMessage(message: Message, secrets: readonly string[]): Message {
  if (secrets.length === 0) return message;
  const headers: HeaderMap = {};
  for (const [name, value] of Object.entries(message.headers)) headers[name] = scrubString(value, secrets);
  let body = message.body;
  if (body && body.length > 0) {
    const parsed = looksLikeJson(body, headers['content-type']) ? tryParseJson(body) : undefined;
    if (parsed) {
      const walked = scrubJsonStrings(parsed.value, (text) => scrubString(text, secrets));
      if (walked.changed) body = Buffer.from(JSON.stringify(walked.value), 'utf8');
    } else body = scrubBytes(body, secrets);
  }
  return withBody(headers, message.body, body);
}

/** Keeps `content-length` true to the body when redaction changed its size. */
function withBody(headers: HeaderMap, before: Buffer | undefined, after: Buffer | undefined): Message {
  if (after && before && after !== before && 'content-length' in headers) headers['content-length'] = String(after.length);
  return after === undefined ? { headers } : { headers, body: after };
}

function looksLikeJson(body: Buffer, contentType: string | undefined): boolean {
  if (isJsonMediaType(contentType)) return true;
  // Untyped or octet-stream bodies (callback payloads) are often JSON; secrets first, so try.
  const first = body.toString('utf8', 0, Math.min(body.length, 64)).trimStart()[0];
  return first === '{' || first === '[';
}

function decodeComponent(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** Replaces the username and password of a URL with the marker; other URLs pass unchanged. */
export function redactUserinfo(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  if (parsed.username === '' && parsed.password === '') return url;
  parsed.username = encodeURIComponent(REDACTED);
  if (parsed.password !== '') parsed.password = encodeURIComponent(REDACTED);
  return parsed.href;
}

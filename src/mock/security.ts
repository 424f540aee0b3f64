import { escapeToken, type HeaderMap } from '../core/index.js';
import { locate, type OpenApiDocument, type Operation } from '../openapi/index.js';
import { parseCookies } from '../validation/index.js';

/** The credentials a request carries, as the security check reads them. */
export interface SecurityFacts {
  headers: HeaderMap;
  query: URLSearchParams;
}

/** Why a request was refused, and the challenges a 401 must carry (RFC 9110 §11.6.1). */
export interface SecurityRefusal {
  detail: string;
  challenges: string;
}

interface SchemeCheck {
  /** How a client satisfies it, for the problem's detail. */
  label: string;
  challenge: string;
  present(facts: SecurityFacts, cookies: () => ReadonlyMap<string, readonly string[]>): boolean;
}

type Requirement = SchemeCheck[];

const REALM = 'realm="mock"';

/**
 * Enforces each operation's security requirements (OAS §4.8.30): the requirements are
 * alternatives, the schemes inside one are all needed, and `security: []` or an empty requirement
 * `{}` lets anonymous requests through. Like Prism, the mock checks that credentials are present
 * and well-formed, not that they are valid; OAuth2 and OpenID Connect are bearer tokens here.
 */
export class SecurityGate {
  #document: OpenApiDocument;
  #compiled = new Map<Operation, Requirement[] | undefined>();

  constructor(document: OpenApiDocument) {
    this.#document = document;
  }

  /** The refusal for a request without the credentials its operation demands, or undefined. */
  check(operation: Operation, facts: SecurityFacts): SecurityRefusal | undefined {
    let requirements = this.#compiled.get(operation);
    if (!this.#compiled.has(operation)) {
      requirements = compileRequirements(this.#document, operation);
      this.#compiled.set(operation, requirements);
    }
    if (!requirements) return undefined;
    let cookies: Map<string, string[]> | undefined;
    const readCookies = () => (cookies ??= parseCookies(facts.headers.cookie));
    if (requirements.some((requirement) => requirement.every((scheme) => scheme.present(facts, readCookies)))) return undefined;
    const schemes = [...new Set(requirements.flat())];
    const options = requirements.map((requirement) => requirement.map((scheme) => scheme.label).join(' and '));
    return {
      detail: `this operation needs credentials: ${options.join('; or ')}`,
      challenges: [...new Set(schemes.map((scheme) => scheme.challenge))].join(', '),
    };
  }
}

/** The requirements of an operation as checks, or undefined when anonymous requests may pass. */
function compileRequirements(document: OpenApiDocument, operation: Operation): Requirement[] | undefined {
  const declared = Array.isArray(operation.security) ? operation.security : [];
  const requirements: Requirement[] = [];
  for (const entry of declared) {
    if (entry === null || typeof entry !== 'object') continue;
    // A scheme the mock cannot check (mutualTLS over plain HTTP, an undeclared name) is taken as met.
    const checks = Object.keys(entry).flatMap((name) => {
      const check = schemeCheck(document, name);
      return check ? [check] : [];
    });
    if (checks.length === 0) return undefined;
    requirements.push(checks);
  }
  return requirements.length > 0 ? requirements : undefined;
}

const cache = new WeakMap<OpenApiDocument, Map<string, SchemeCheck | undefined>>();

function schemeCheck(document: OpenApiDocument, name: string): SchemeCheck | undefined {
  let known = cache.get(document);
  if (!known) cache.set(document, (known = new Map()));
  if (!known.has(name)) known.set(name, buildCheck(document, name));
  return known.get(name);
}

/** Lower-case names of the headers the document's API keys are sent in (what a request is judged by besides Authorization and cookies). */
export function apiKeyHeaders(document: OpenApiDocument): string[] {
  return Object.keys(securitySchemes(document) ?? {}).flatMap((name) => {
    const scheme = schemeNamed(document, name);
    return scheme?.type === 'apiKey' && scheme.in === 'header' && typeof scheme.name === 'string' ? [scheme.name.toLowerCase()] : [];
  });
}

const securitySchemes = (document: OpenApiDocument) =>
  (document.components as { securitySchemes?: Record<string, unknown> } | undefined)?.securitySchemes;

/** The scheme `components.securitySchemes` names `name`, its `$ref` followed. */
function schemeNamed(document: OpenApiDocument, name: string): Record<string, unknown> | undefined {
  const schemes = securitySchemes(document);
  return schemes && Object.hasOwn(schemes, name) ? locate(document, schemes[name], `#/components/securitySchemes/${escapeToken(name)}`)?.node : undefined;
}

function buildCheck(document: OpenApiDocument, name: string): SchemeCheck | undefined {
  const scheme = schemeNamed(document, name);
  if (!scheme) return undefined;
  const type = String(scheme.type ?? '');
  if (type === 'apiKey' && typeof scheme.name === 'string') return apiKeyCheck(String(scheme.in), scheme.name);
  if (type === 'http' && typeof scheme.scheme === 'string') {
    const httpScheme = scheme.scheme.toLowerCase();
    if (httpScheme === 'basic') return authorizationCheck('Basic', 'HTTP Basic credentials (Authorization: Basic …)', isBasicToken);
    if (httpScheme === 'bearer') return bearerCheck();
    const token = scheme.scheme;
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(token)) return undefined;
    return authorizationCheck(token, `Authorization: ${token} …`, (credentials) => credentials !== '');
  }
  if (type === 'oauth2' || type === 'openIdConnect') return bearerCheck();
  return undefined;
}

function apiKeyCheck(location: string, name: string): SchemeCheck | undefined {
  const challenge = `ApiKey ${REALM}, in="${location}", name="${name.replace(/["\\]/g, '')}"`;
  if (location === 'header') {
    const lower = name.toLowerCase();
    return { label: `the ${name} header`, challenge, present: (facts) => Boolean(facts.headers[lower]?.trim()) };
  }
  if (location === 'query') return { label: `the ${name} query parameter`, challenge, present: (facts) => Boolean(facts.query.get(name)) };
  if (location === 'cookie') return { label: `the ${name} cookie`, challenge, present: (_facts, cookies) => Boolean(cookies().get(name)?.[0]) };
  return undefined;
}

function bearerCheck(): SchemeCheck {
  return authorizationCheck('Bearer', 'a bearer token (Authorization: Bearer …)', (credentials) => credentials !== '');
}

/** RFC 9110 §11.4: `Authorization: <scheme> <credentials>`, the scheme compared case-insensitively. */
function authorizationCheck(scheme: string, label: string, valid: (credentials: string) => boolean): SchemeCheck {
  const prefix = scheme.toLowerCase();
  return {
    label,
    challenge: `${scheme} ${REALM}`,
    present(facts) {
      const header = facts.headers.authorization?.trim();
      if (!header) return false;
      const space = header.search(/\s/);
      if (space < 0 || header.slice(0, space).toLowerCase() !== prefix) return false;
      return valid(header.slice(space + 1).trim());
    },
  };
}

// RFC 7617 §2: base64 of `user-id:password`.
function isBasicToken(credentials: string): boolean {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(credentials)) return false;
  return Buffer.from(credentials, 'base64').toString('utf8').includes(':');
}

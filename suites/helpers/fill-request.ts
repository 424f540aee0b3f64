import { sampleValue, type SchemaContext } from '../../src/generate/index.js';
import { escapeToken } from '../../src/core/index.js';
import { resolveRef, type LoadedSpec, type Operation, type Parameter } from '../../src/openapi/index.js';

/** Requests built from a document: parameters filled from their schemas, credentials where security asks for them. */

/**
 * Credentials for the operation's first security requirement, placed where each scheme says: the
 * mock enforces security as Prism does, so a GET without them is a 401.
 */
export function credentials(spec: LoadedSpec, operation: Operation): { headers: Record<string, string>; query: string } {
  const headers: Record<string, string> = {};
  const query = new URLSearchParams();
  const requirement = (operation.security ?? [])[0];
  for (const name of Object.keys(requirement !== null && typeof requirement === 'object' ? requirement : {})) {
    const scheme = resolveRef(spec.document, `#/components/securitySchemes/${escapeToken(name)}`) as
      { type?: string; in?: string; name?: string; scheme?: string } | undefined;
    if (!scheme) continue;
    if (scheme.type === 'apiKey' && typeof scheme.name === 'string') {
      if (scheme.in === 'query') query.set(scheme.name, 'key-123');
      else if (scheme.in === 'cookie') headers.cookie = `${scheme.name}=key-123`;
      else headers[scheme.name.toLowerCase()] = 'key-123';
    } else if (scheme.type === 'http' && scheme.scheme?.toLowerCase() === 'basic')
      headers.authorization = `Basic ${Buffer.from('user:pass').toString('base64')}`;
    else headers.authorization = 'Bearer token-123';
  }
  return { headers, query: query.toString() };
}

/** A value for the parameter from its schema, or `fallback` when none can be generated. */
export function valueFor(parameter: Parameter, context: SchemaContext, fallback: unknown = 'x'): unknown {
  if (!parameter.schema) return 'x';
  try {
    return sampleValue(parameter.schema, context, { direction: 'request', seed: 7 });
  } catch {
    return fallback;
  }
}

/** RFC 6570 expansion of a path value by its style: items escaped, delimiters literal (OAS §4.8.12.4). */
export function serialisePath(value: unknown, parameter: Parameter): string {
  const escape = (item: unknown) => encodeURIComponent(String(item));
  const { style, explode, name } = parameter;
  const items = Array.isArray(value) ? value.map(escape) : undefined;
  const members = value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.entries(value) : undefined;
  if (style === 'label') {
    if (items) return '.' + items.join(explode ? '.' : ',');
    if (members)
      return '.' + members.map(([k, v]) => (explode ? `${escape(k)}=${escape(v)}` : `${escape(k)},${escape(v)}`)).join(explode ? '.' : ',');
    return '.' + escape(value);
  }
  if (style === 'matrix') {
    if (items) return explode ? items.map((item) => `;${name}=${item}`).join('') : `;${name}=${items.join(',')}`;
    if (members)
      return explode
        ? members.map(([k, v]) => `;${escape(k)}=${escape(v)}`).join('')
        : `;${name}=${members.map(([k, v]) => `${escape(k)},${escape(v)}`).join(',')}`;
    return `;${name}=${escape(value)}`;
  }
  if (parameter.json) return escape(JSON.stringify(value));
  if (items) return items.join(',');
  if (members) return members.map(([k, v]) => (explode ? `${escape(k)}=${escape(v)}` : `${escape(k)},${escape(v)}`)).join(',');
  return escape(value);
}

/** `simple`/`form` serialisation of one value (OAS §4.8.12.4): arrays comma-joined, objects as key,value pairs. */
export function serialise(value: unknown, parameter: Parameter): string {
  if (parameter.json) return JSON.stringify(value);
  if (Array.isArray(value)) return value.map(String).join(',');
  if (value !== null && typeof value === 'object') return Object.entries(value).flat().map(String).join(',');
  return String(value);
}

/** RFC 9110 §5.5: a field value is visible ASCII; anything else a client must send escaped. */
export function fieldValue(text: string): string {
  return /^[\x20-\x7e]*$/.test(text) ? text : encodeURIComponent(text);
}

export function flatHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers))
    if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  return flat;
}

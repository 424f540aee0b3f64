import { sampleValue, type SchemaContext } from '../../src/generate/index.js';
import type { LoadedSpec, Operation, Parameter } from '../../src/openapi/index.js';

/** Requests built from a document: parameters filled from their schemas, credentials where security asks for them. */

/** The path with each parameter filled from its schema, plus the required query and header parameters. */
export function fillRequest(
  operation: Operation,
  context: SchemaContext,
): { path: string; query: string; headers: Record<string, string> } {
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
export function credentials(spec: LoadedSpec, operation: Operation): { headers: Record<string, string>; query: string } {
  const schemes =
    (spec.document.components as { securitySchemes?: Record<string, Record<string, string>> } | undefined)?.securitySchemes ?? {};
  const headers: Record<string, string> = {};
  const query = new URLSearchParams();
  const first = (operation.security ?? [])[0] as Record<string, unknown> | undefined;
  for (const name of Object.keys(first ?? {})) {
    const scheme = schemes[name];
    if (scheme?.type === 'apiKey' && scheme.in === 'header') headers[scheme.name!.toLowerCase()] = 'key-123';
    else if (scheme?.type === 'apiKey' && scheme.in === 'query') query.set(scheme.name!, 'key-123');
    else if (scheme?.type === 'apiKey' && scheme.in === 'cookie') headers.cookie = `${scheme.name}=key-123`;
    else if (scheme?.type === 'http' && scheme.scheme?.toLowerCase() === 'basic')
      headers.authorization = `Basic ${Buffer.from('user:pass').toString('base64')}`;
    else headers.authorization = 'Bearer token-123';
  }
  return { headers, query: query.toString() };
}

export function valueFor(parameter: Parameter, context: SchemaContext): unknown {
  if (!parameter.schema) return 'x';
  try {
    return sampleValue(parameter.schema, context, { direction: 'request', seed: 7 });
  } catch {
    return 'x';
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
function serialise(value: unknown, parameter: Parameter): string {
  if (parameter.json) return JSON.stringify(value);
  if (Array.isArray(value)) return value.map(String).join(',');
  if (value !== null && typeof value === 'object') return Object.entries(value).flat().map(String).join(',');
  return String(value);
}

export function flatHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers))
    if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  return flat;
}

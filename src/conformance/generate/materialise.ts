import type { HeaderMap } from '../../core/index.js';
import type { Operation } from '../../openapi/index.js';
import type { OutgoingRequest } from '../../transport/index.js';
import type { IdPool } from './id-pool.js';
import type { RequestPlan } from './request-plan.js';

export interface MaterialiseOptions {
  operation: Operation;
  /** The target's base URL, without a trailing slash. */
  baseUrl: string;
  pool: IdPool;
  /** `--var name=value`: used for every parameter or body property of that name. */
  vars: Readonly<Record<string, string>>;
  /** Sent with every request (user headers and the API key). */
  headers: HeaderMap;
  /** Prefixed to the `name` of anything the run creates, so leftovers are recognisable. */
  namePrefix?: string;
  /** Follows `$ref`s (the validator's lookup), to read the `name` length limit. */
  lookup?: (schema: unknown) => Record<string, unknown> | undefined;
  /** State-changing requests only touch resources this run created (never someone else's on a live deployment). */
  ownedOnly?: boolean;
  /** Ids to favour for every other draw (resources whose token the run holds), so guarded calls can succeed. */
  prefer?: ReadonlySet<string>;
  /** Extra credentials for a request once its path ids are known (a resource's own token). */
  authFor?: (operation: Operation, pathParams: Record<string, string>) => HeaderMap;
}

/** A concrete request plus the decoded values it was built from (for local validation and the id pool). */
export interface Materialised {
  request: OutgoingRequest;
  pathParams: Record<string, string>;
  /** The path parameters whose value the target handed out (the pool) or the user named (`--var`); the others are made up. */
  knownIds: Set<string>;
  query: URLSearchParams;
  body?: { mediaType: string; value: unknown; raw: boolean };
}

/** Turns a plan into bytes: pool ids and variables filled in, parameters serialised (OAS simple/form style). */
export function materialise(plan: RequestPlan, options: MaterialiseOptions): Materialised {
  const { operation, vars } = options;
  const skip = plan.kind.kind === 'negative' ? plan.kind.pointer : undefined;
  const knownIds = new Set<string>();
  const pathParams = resolvePath(plan, options, skip, knownIds);
  const url = options.baseUrl + operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(pathParams[name] ?? ''));
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(plan.query)) {
    const chosen = name in vars && !covers(skip, `/query/${name}`) ? vars[name] : value;
    for (const [key, text] of formPairs(name, chosen)) query.append(key, text);
  }
  const headers: HeaderMap = {};
  for (const [name, value] of Object.entries(plan.headers)) {
    headers[name.toLowerCase()] = name in vars && !covers(skip, `/header/${name}`) ? vars[name]! : simple(value);
  }
  let body: Materialised['body'];
  let bytes: Buffer | undefined;
  if (plan.body && 'raw' in plan.body) {
    bytes = Buffer.from(plan.body.raw);
    body = { mediaType: plan.body.mediaType, value: plan.body.raw, raw: true };
  } else if (plan.body) {
    let value = overrideVars(plan.body.value, vars, skip, '/body');
    if (options.namePrefix && operation.method === 'POST') value = prefixName(value, options, skip);
    bytes = Buffer.from(plan.body.form ? formText(value) : JSON.stringify(value));
    body = { mediaType: plan.body.mediaType, value, raw: false };
  }
  if (body) headers['content-type'] = body.mediaType;
  Object.assign(headers, options.headers, options.authFor?.(operation, pathParams) ?? {});
  const search = query.toString();
  return {
    request: { method: operation.method, url: search ? `${url}?${search}` : url, headers, ...(bytes ? { body: bytes } : {}) },
    pathParams,
    knownIds,
    query,
    ...(body ? { body } : {}),
  };
}

function resolvePath(plan: RequestPlan, options: MaterialiseOptions, skip: string | undefined, known: Set<string>): Record<string, string> {
  const names = [...options.operation.path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!);
  const resolved: Record<string, string> = {};
  const parents: Record<string, string> = {};
  // Deepest first: a child drawn from the pool brings the parent it belongs to.
  for (const name of [...names].reverse()) {
    const planned = plan.path[name];
    if (name in options.vars && !covers(skip, `/path/${name}`)) {
      resolved[name] = options.vars[name]!;
      known.add(name);
    } else if (planned && 'pool' in planned) {
      const ownedOnly = options.ownedOnly ?? false;
      const favoured =
        options.prefer && planned.pool % 2 === 0
          ? options.pool.pick(name, planned.pool >> 1, parents, ownedOnly, options.prefer)
          : undefined;
      const entry =
        name in parents ? { value: parents[name]!, parents: {} } : (favoured ?? options.pool.pick(name, planned.pool, parents, ownedOnly));
      resolved[name] = entry ? entry.value : simple(planned.fallback);
      if (entry) known.add(name);
      Object.assign(parents, entry?.parents ?? {});
    } else if (planned) resolved[name] = simple(planned.value);
    else {
      // A template variable the document declares no parameter for: an id the target handed out
      // under that name if there is one, else a made-up one (never the text "undefined").
      const entry =
        name in parents ? { value: parents[name]!, parents: {} } : options.pool.pick(name, 0, parents, options.ownedOnly ?? false);
      resolved[name] = entry?.value ?? '0';
      if (entry) known.add(name);
    }
  }
  return resolved;
}

function prefixName(value: unknown, options: MaterialiseOptions, skip: string | undefined): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const object = value as Record<string, unknown>;
  if (typeof object.name !== 'string' || covers(skip, '/body/name')) return value;
  const schema = options.lookup?.(options.operation.requestBody?.content.find((c) => c.schema)?.schema);
  const nameSchema = options.lookup?.((schema?.properties as Record<string, unknown> | undefined)?.name);
  const max = typeof nameSchema?.maxLength === 'number' ? nameSchema.maxLength : Infinity;
  return { ...object, name: (options.namePrefix + object.name).slice(0, max) };
}

/** Replaces existing properties named like a variable; never adds one, never touches the mutated spot. */
function overrideVars(value: unknown, vars: Readonly<Record<string, string>>, skip: string | undefined, pointer: string): unknown {
  if (value === null || typeof value !== 'object' || covers(skip, pointer)) return value;
  if (Array.isArray(value)) return value.map((item, index) => overrideVars(item, vars, skip, `${pointer}/${index}`));
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const childPointer = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    out[key] =
      key in vars && typeof child === 'string' && !covers(skip, childPointer) ? vars[key] : overrideVars(child, vars, skip, childPointer);
  }
  return out;
}

/** True when this spot is the mutated one or lies inside it, so it must stay as generated. */
function covers(skip: string | undefined, pointer: string): boolean {
  return skip !== undefined && (pointer === skip || pointer.startsWith(skip + '/'));
}

/** OAS style=simple: `a,b,c` for arrays, `k,v,k2,v2` for objects. */
function simple(value: unknown): string {
  if (Array.isArray(value)) return value.map(simple).join(',');
  if (value !== null && typeof value === 'object')
    return Object.entries(value)
      .flatMap(([k, v]) => [k, simple(v)])
      .join(',');
  return String(value);
}

/** An `application/x-www-form-urlencoded` body: each field as a query parameter of style form (OAS §4.8.15.4). */
function formText(value: unknown): string {
  const form = new URLSearchParams();
  for (const [name, field] of Object.entries((value ?? {}) as Record<string, unknown>)) {
    if (field !== undefined) for (const [key, text] of formPairs(name, field)) form.append(key, text);
  }
  return form.toString();
}

/** OAS style=form, explode=true: repeated names for arrays, one pair per member for objects. */
function formPairs(name: string, value: unknown): Array<[string, string]> {
  if (Array.isArray(value)) return value.map((item) => [name, simple(item)]);
  if (value !== null && typeof value === 'object') return Object.entries(value).map(([k, v]) => [k, simple(v)]);
  return [[name, String(value)]];
}

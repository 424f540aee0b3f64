import type { Operation } from '../../openapi/index.js';
import type { SpecValidator } from '../../validation/index.js';

/** An id learned from a response, with the ids of the resources it lives under (a pet's owner). */
export interface PooledId {
  value: string;
  parents: Record<string, string>;
  /** Created by this run (or inside something it created): safe to change or archive. */
  owned: boolean;
}

const MAX_PER_PARAM = 256;

/**
 * Ids the target handed out, keyed by the path parameter they can fill. A path `…/pets/{pet_id}`
 * teaches that ids found under `pets` fill `pet_id`; a candidate must also validate against every
 * schema the document declares for that parameter, so run ids never pose as app ids.
 */
export class IdPool {
  #bySegment = new Map<string, string>();
  #schemas = new Map<string, string[]>();
  #entries = new Map<string, PooledId[]>();
  #owned = new Set<string>();
  #validator: SpecValidator;

  constructor(operations: readonly Operation[], validator: SpecValidator) {
    this.#validator = validator;
    for (const operation of operations) {
      const segments = operation.path.split('/');
      segments.forEach((segment, index) => {
        const param = paramName(segment);
        const before = segments[index - 1];
        if (param && before && !paramName(before) && !this.#bySegment.has(before)) this.#bySegment.set(before, param);
      });
      for (const parameter of operation.parameters) {
        if (parameter.in !== 'path' || !parameter.schemaPointer) continue;
        const list = this.#schemas.get(parameter.name) ?? [];
        if (!list.includes(parameter.schemaPointer)) list.push(parameter.schemaPointer);
        this.#schemas.set(parameter.name, list);
      }
    }
  }

  /** Learns every `id` of a 2xx JSON body answered to `operation`; `created` marks the answer to a create as the run's own. */
  learn(operation: Operation, pathParams: Record<string, string>, status: number, body: unknown, created = false): void {
    if (status < 200 || status > 299 || body === null || typeof body !== 'object') return;
    const resource = this.#resourceParam(operation.path);
    const parents = { ...pathParams };
    if (resource) delete parents[resource];
    const owned =
      (created && this.#bySegment.has(operation.path.split('/').pop() ?? '')) || Object.values(parents).some((id) => this.#owned.has(id));
    this.#scan(body, resource, parents, owned, 0);
  }

  /** Adds one id directly. */
  add(param: string, value: string, parents: Record<string, string> = {}, owned = false): void {
    if (!this.#fits(param, value)) return;
    const list = this.#entries.get(param) ?? [];
    const existing = list.findIndex((entry) => entry.value === value);
    const isOwned = owned || this.#owned.has(value);
    if (existing >= 0) list.splice(existing, 1);
    if (isOwned) this.#owned.add(value);
    list.push({ value, parents, owned: isOwned });
    if (list.length > MAX_PER_PARAM) list.shift();
    this.#entries.set(param, list);
  }

  /** The `index`-th id (modulo the pool) for `param`, preferring ids under the given parents. */
  pick(
    param: string,
    index: number,
    parents: Record<string, string> = {},
    ownedOnly = false,
    among?: ReadonlySet<string>,
  ): PooledId | undefined {
    const all = (this.#entries.get(param) ?? []).filter((entry) => (!ownedOnly || entry.owned) && (!among || among.has(entry.value)));
    const fitting = all.filter((entry) =>
      Object.entries(parents).every(([name, value]) => entry.parents[name] === undefined || entry.parents[name] === value),
    );
    const list = fitting.length > 0 ? fitting : all;
    return list.length === 0 ? undefined : list[index % list.length];
  }

  /** True when the run created this id (or it lives inside something the run created). */
  isOwned(id: string): boolean {
    return this.#owned.has(id);
  }

  /** How many ids are known for `param`. */
  size(param: string): number {
    return this.#entries.get(param)?.length ?? 0;
  }

  #scan(value: unknown, param: string | undefined, parents: Record<string, string>, owned: boolean, depth: number): void {
    if (depth > 6 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const item of value) this.#scan(item, param, parents, owned, depth + 1);
      return;
    }
    const object = value as Record<string, unknown>;
    let below = parents;
    let ownedBelow = owned;
    if (param && typeof object.id === 'string') {
      this.add(param, object.id, parents, owned);
      below = { ...parents, [param]: object.id };
      ownedBelow = this.#owned.has(object.id);
    }
    for (const [key, child] of Object.entries(object)) {
      if (child === null || typeof child !== 'object') continue;
      // A list wrapper (`data`) holds more of the same resource; a named collection (`pets` in an owner) holds its own kind.
      const childParam = this.#bySegment.get(key) ?? (Array.isArray(child) && key === 'data' ? param : undefined);
      if (childParam)
        this.#scan(child, childParam, childParam === param ? parents : below, childParam === param ? owned : ownedBelow, depth + 1);
    }
  }

  /** The parameter naming the resource an answer to `path` describes: `{pet_id}` for `/pets`, `/pets/{pet_id}` and `/pets/{pet_id}/adopt`. */
  #resourceParam(path: string): string | undefined {
    const segments = path.split('/').filter(Boolean);
    const last = segments[segments.length - 1];
    if (!last) return undefined;
    const own = paramName(last) ?? this.#bySegment.get(last);
    if (own) return own;
    for (let i = segments.length - 1; i >= 0; i--) {
      const param = paramName(segments[i]!);
      if (param) return param;
    }
    return undefined;
  }

  #fits(param: string, value: string): boolean {
    // An empty or dot-segment value cannot travel as a path segment (it would reach another route).
    if (value === '' || /^(?:\.|%2e){1,2}$/i.test(value)) return false;
    const pointers = this.#schemas.get(param);
    if (!pointers) return false;
    return pointers.every((pointer) => this.#validator.check('path', pointer, value).length === 0);
  }
}

function paramName(segment: string): string | undefined {
  const match = /^\{([^}]+)\}$/.exec(segment);
  return match?.[1];
}

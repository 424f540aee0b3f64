import { request } from 'undici';
import { isJsonMediaType, isProblemMediaType } from '../../../src/core/index.js';
import { sampleValue, type SchemaContext } from '../../../src/generate/index.js';
import {
  createdId,
  type CollectionRole,
  type Endpoint,
  type ResourceCollection,
  type ResourceMap,
} from '../../../src/model/resources/index.js';
import { findResponse, resolveRef, type LoadedSpec, type Operation } from '../../../src/openapi/index.js';
import { SpecValidator, validateResponse } from '../../../src/validation/index.js';
import { credentials, flatHeaders, serialisePath, valueFor } from '../../helpers/fill-request.js';

/** One exchange of a walk, as the client saw it. */
export interface Exchange {
  method: string;
  path: string;
  status: number;
  headers: Record<string, string>;
  body: any;
  text: string;
  /** The JSON value sent, if any. */
  sent?: unknown;
}

/** What broke the contract during a walk, one line each (empty when the walk passed). */
export type Failures = string[];

export interface WalkOptions {
  /** Where requests go (the mock, or Prism's proxy in front of it). */
  url: string;
  /** Called with every exchange, to add checks (Prism's `sl-violations`). */
  inspect?: (exchange: Exchange, failures: Failures) => void;
  /** Seed of the generated bodies. */
  seed?: number;
  /** Walk reads only: no create, update or delete (GitHub, where writes make no sense). */
  readOnly?: boolean;
}

/**
 * A create → read → list → update → replace → delete → 404 walk over one inferred collection, with
 * its parents created first. Every request is generated from the document (bodies by the project's
 * generator, valid against the request schema; parameters from their schemas; the credentials the
 * document's security asks for), and every answer is validated against the document: a declared
 * status, a declared media type, a body its schema accepts.
 */
export class ResourceWalker {
  readonly failures: Failures = [];
  /**
   * Successes the document does not declare because the operation declares none at all (petstore's
   * `POST /pet` declares only a 405): defects of the document, kept apart so a test pins them.
   */
  readonly gaps = new Set<string>();
  readonly exchanges: Exchange[] = [];
  readonly #spec: LoadedSpec;
  readonly #validator: SpecValidator;
  readonly #context: SchemaContext;
  readonly #collections: Map<string, ResourceCollection>;
  readonly #options: WalkOptions;

  constructor(spec: LoadedSpec, map: ResourceMap, options: WalkOptions) {
    this.#spec = spec;
    this.#validator = new SpecValidator(spec);
    this.#context = { dialect: spec.version === '3.0' ? 'oas30' : 'oas31', resolveRef: (ref) => resolveRef(spec.document, ref) };
    this.#collections = new Map(map.collections.map((collection) => [collection.name, collection]));
    this.#options = options;
  }

  /** Walks one collection through every role it has (or those of `only`); returns the id it created. */
  async walk(collection: ResourceCollection, only?: readonly CollectionRole[]): Promise<string | undefined> {
    const where = (step: string) => `${collection.name} ${step}`;
    const scope = await this.scopeOf(collection);
    if (!scope) return undefined;
    const roles = only ? Object.fromEntries(only.map((role) => [role, collection.roles[role]])) : collection.roles;
    const id = await this.create(collection, scope);
    if (id === undefined) return undefined;
    const item = { ...scope, [collection.id.parameter]: id };
    if (roles.read) {
      const read = await this.send(roles.read, item);
      this.expectStatus(where('read'), read, roles.read.status);
      this.expectId(where('read'), collection, read.body, id);
    }
    if (roles.list) {
      const list = await this.send(roles.list, scope);
      this.expectStatus(where('list'), list, roles.list.status);
      const ids = this.listedIds(collection, list.body);
      if (ids && !ids.includes(id)) this.failures.push(`${where('list')}: ${id} is not listed (${ids.join(', ')})`);
    }
    if (roles.update)
      this.expectId(
        where('update'),
        collection,
        this.expectStatus(where('update'), await this.send(roles.update, item, true), roles.update.status),
        id,
      );
    if (roles.replace) this.expectStatus(where('replace'), await this.send(roles.replace, item, true), roles.replace.status);
    if (roles.delete) {
      this.expectStatus(where('delete'), await this.send(roles.delete, item), roles.delete.status);
      if (roles.read) this.expectStatus(where('read after delete'), await this.send(roles.read, item), 404);
      if (roles.update) this.expectStatus(where('update after delete'), await this.send(roles.update, item, true), 404);
      if (roles.delete) this.expectStatus(where('delete after delete'), await this.send(roles.delete, item), 404);
    }
    return id;
  }

  /** Creates one item below `scope` and returns its id, as the answer hands it out. */
  async create(collection: ResourceCollection, scope: Record<string, string>): Promise<string | undefined> {
    const endpoint = collection.roles.create;
    if (!endpoint) return undefined;
    // Where the answer carries no body, a client-chosen id (petstore's username) is the only one the client can know.
    const field = collection.id.field;
    const choose = endpoint.body === 'none' && collection.id.clientSupplied && field !== undefined;
    const chosenId = collection.id.fieldType === 'number' ? 1000 + this.exchanges.length : `walk${this.exchanges.length}`;
    const created = await this.send(endpoint, scope, choose ? { [field]: chosenId } : true);
    this.expectStatus(`${collection.name} create`, created, endpoint.status);
    const chosen =
      collection.id.clientSupplied && field !== undefined ? (created.sent as Record<string, unknown> | undefined)?.[field] : undefined;
    const id = createdId(collection, created.body, created.headers) ?? (chosen === undefined ? undefined : String(chosen));
    if (id === undefined && created.status < 300 && collection.id.source !== 'none')
      this.failures.push(`${collection.name} create: no id in ${created.text.slice(0, 200)}`);
    return created.status < 300 ? id : undefined;
  }

  /** Values for the collection's scope: each writable ancestor created (outermost first), other parameters from their schemas. */
  async scopeOf(collection: ResourceCollection): Promise<Record<string, string> | undefined> {
    const values: Record<string, string> = {};
    const endpoint = Object.values(collection.roles)[0]!;
    const operation = this.operation(endpoint);
    for (const [index, name] of collection.scope.entries()) {
      const link = collection.ancestors.find((entry) => this.#collections.get(entry.collection)?.scope.length === index);
      const ancestor = link && this.#collections.get(link.collection);
      if (ancestor?.writable && ancestor.roles.create) {
        const parents = Object.fromEntries(ancestor.scope.map((parameter, at) => [parameter, values[collection.scope[at]!]!]));
        const id = await this.create(ancestor, parents);
        if (id === undefined) return undefined;
        values[name] = id;
      } else {
        const parameter = operation.parameters.find((entry) => entry.in === 'path' && entry.name === name);
        values[name] = parameter ? String(valueFor(parameter, this.#context)) : 'x1';
      }
    }
    return values;
  }

  /** Sends an endpoint's request with the path filled from `values`, a generated body when `withBody`. */
  /** Sends an endpoint's request; `body` true generates one, an object is laid over the generated one. */
  async send(endpoint: Endpoint, values: Record<string, string>, body: boolean | Record<string, unknown> = false): Promise<Exchange> {
    const operation = this.operation(endpoint);
    let path = operation.path;
    for (const parameter of operation.parameters.filter((entry) => entry.in === 'path')) {
      const value = values[parameter.name] ?? String(valueFor(parameter, this.#context));
      path = path.replace(`{${parameter.name}}`, serialisePath(value, parameter));
    }
    const query = new URLSearchParams();
    for (const parameter of operation.parameters) {
      if (parameter.in === 'query' && parameter.required) query.set(parameter.name, String(valueFor(parameter, this.#context)));
    }
    const secured = credentials(this.#spec, operation);
    for (const [name, value] of new URLSearchParams(secured.query)) query.set(name, value);
    const headers: Record<string, string> = { ...secured.headers };
    for (const parameter of operation.parameters) {
      if (parameter.in === 'header' && parameter.required)
        headers[parameter.name.toLowerCase()] = String(valueFor(parameter, this.#context));
    }
    const sent = body === false ? undefined : this.bodyFor(operation, body === true ? {} : body);
    if (sent !== undefined) headers['content-type'] = sent.contentType;
    const target = `${path}${query.size > 0 ? `?${query}` : ''}`;
    const exchange = await this.exchange(operation, target, headers, sent?.payload);
    if (sent?.contentType === 'application/json') exchange.sent = JSON.parse(sent.payload);
    return exchange;
  }

  /** Sends any request and validates its answer against `operation`. */
  async exchange(operation: Operation, target: string, headers: Record<string, string>, body?: string): Promise<Exchange> {
    const response = await request(`${this.#options.url}${target}`, { method: operation.method as 'GET', headers, body });
    const text = await response.body.text();
    const flat = flatHeaders(response.headers);
    let parsed: unknown;
    if (text !== '' && isJsonMediaType(flat['content-type'])) {
      try {
        parsed = JSON.parse(text);
      } catch {
        this.failures.push(`${operation.method} ${target}: the body is not JSON: ${text.slice(0, 200)}`);
      }
    } else if (text !== '') parsed = text;
    const exchange: Exchange = { method: operation.method, path: target, status: response.statusCode, headers: flat, body: parsed, text };
    this.exchanges.push(exchange);
    const checked = validateResponse(this.#validator, operation, { status: exchange.status, headers: flat, body: parsed });
    const where = `${operation.method} ${target} → ${exchange.status}`;
    if (!checked.statusDeclared && exchange.status < 300 && !declaresSuccess(operation))
      this.gaps.add(`${operation.method} ${operation.path} → ${exchange.status}`);
    else if (!checked.statusDeclared) this.failures.push(`${where}: status not declared (${text.slice(0, 200)})`);
    // An error declared without content still gets the mock's problem+json, as the runner accepts.
    const bareError =
      exchange.status >= 400 && !findResponse(operation, exchange.status)?.content.length && isProblemMediaType(flat['content-type']);
    if (!checked.mediaTypeDeclared && !bareError) this.failures.push(`${where}: media type ${flat['content-type']} not declared`);
    for (const violation of checked.violations)
      this.failures.push(`${where}: ${violation.in} ${violation.pointer} ${violation.keyword}: ${violation.message}`);
    this.#options.inspect?.(exchange, this.failures);
    return exchange;
  }

  /**
   * A body for the operation, generated from its request schema and valid against it: JSON where
   * JSON is declared, else a multipart form (one part per property, or one `file` part).
   */
  bodyFor(operation: Operation, extra: Record<string, unknown> = {}): { contentType: string; payload: string } | undefined {
    const content = operation.requestBody?.content ?? [];
    const json = content.find((entry) => isJsonMediaType(entry.mediaType));
    if (json) {
      const generated = this.valueFor(operation, json);
      const value =
        generated !== null && typeof generated === 'object' && !Array.isArray(generated) ? { ...generated, ...extra } : generated;
      return value === undefined ? undefined : { contentType: 'application/json', payload: JSON.stringify(value) };
    }
    const form = content.find((entry) => entry.mediaType === 'multipart/form-data');
    if (!form) return undefined;
    const value = form.schema ? this.valueFor(operation, form) : undefined;
    const fields =
      value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.entries(value) : [['file', value ?? 'content']];
    const boundary = 'walk-boundary-7f3a';
    const parts = fields.map(([name, field]) => {
      const text = typeof field === 'string' ? field : JSON.stringify(field);
      const file = name === 'file' ? '; filename="walk.txt"' : '';
      return `--${boundary}\r\ncontent-disposition: form-data; name="${name}"${file}\r\n\r\n${text}\r\n`;
    });
    return { contentType: `multipart/form-data; boundary=${boundary}`, payload: `${parts.join('')}--${boundary}--\r\n` };
  }

  valueFor(operation: Operation, media: { schema?: unknown; schemaPointer?: string | undefined }): unknown {
    if (!media.schema || !media.schemaPointer) return operation.requestBody?.required ? {} : undefined;
    for (let attempt = 0; attempt < 20; attempt++) {
      const seed = (this.#options.seed ?? 1) * 1000 + attempt;
      const value = sampleValue(media.schema, this.#context, { direction: 'request', readable: true, seed });
      if (this.#validator.check('body', media.schemaPointer, value).length === 0) return value;
    }
    this.failures.push(`${operation.method} ${operation.path}: the generator found no valid request body`);
    return undefined;
  }

  operation(endpoint: Endpoint): Operation {
    return this.#spec.operations.find((entry) => entry.method === endpoint.method && entry.path === endpoint.path)!;
  }

  expectStatus(step: string, exchange: Exchange, status: number): Exchange {
    if (exchange.status !== status)
      this.failures.push(
        `${step}: ${exchange.method} ${exchange.path} answered ${exchange.status}, expected ${status}: ${exchange.text.slice(0, 300)}`,
      );
    return exchange;
  }

  expectId(step: string, collection: ResourceCollection, body: unknown, id: string): void {
    const field = collection.id.field;
    if (field === undefined || body === null || typeof body !== 'object') return;
    const value = (body as Record<string, unknown>)[field];
    if (value !== undefined && String(value) !== id) this.failures.push(`${step}: ${field} is ${JSON.stringify(value)}, expected ${id}`);
  }

  /** The ids a list answer holds, or undefined when the collection's id cannot be read from its items. */
  listedIds(collection: ResourceCollection, body: unknown): string[] | undefined {
    const field = collection.id.field;
    const list = collection.list;
    if (field === undefined || !list) return undefined;
    const items = list.shape === 'array' ? body : (body as Record<string, unknown> | undefined)?.[list.property!];
    if (!Array.isArray(items)) return [];
    return items.map((entry) => String((entry as Record<string, unknown>)?.[field]));
  }
}

/** The collections with a create and an item read, the ones a walk goes through. */
export function creatableAndReadable(map: ResourceMap): ResourceCollection[] {
  return map.collections.filter((collection) => collection.writable && collection.roles.create && collection.roles.read);
}

function declaresSuccess(operation: Operation): boolean {
  return operation.responses.some((response) => /^(2\d\d|2XX|default)$/i.test(response.key));
}

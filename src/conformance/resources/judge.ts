import { isJsonObject, isSecretName, type ResponseFacts } from '../../core/index.js';
import { createdId, type ResourceCollection, type ResourceMap, type ResourceRoute } from '../../model/resources/index.js';
import { declaredStatus, findResponse, type LoadedSpec, type Operation } from '../../openapi/index.js';
import type { SpecValidator } from '../../validation/index.js';
import {
  decodeRequest,
  OperationRouter,
  show,
  type Mismatch,
  type Routed,
  type SequenceJudge,
  type StatefulRequest,
} from '../stateful/index.js';
import { itemPath, itemTarget, normalisedId, type ItemTarget } from './item-target.js';
import { isBelow, KnownItems, type KnownItem, type Probe } from './known-items.js';
import { readListPage } from './list-page.js';
import { ListWalk } from './list-walk.js';
import { ResourceOracle } from './oracle.js';
import { writtenMismatches, type Writer } from './written-fields.js';

// Values this short could occur in any body by chance, so they are not held as secrets.
const MIN_SECRET_LENGTH = 8;

/**
 * Holds each exchange of one sequence against the resource model: the target answers first, the
 * oracle takes the id and the body it handed out and predicts. A status the model does not predict
 * breaks the rule of the state the item was in (created, deleted, deleted with its parent); a
 * success is held to what was written, the id the create handed out, and what a list must hold.
 */
export class ResourceJudge implements SequenceJudge {
  readonly items = new KnownItems();
  /** True once the target refused something for a reason no check here names (an input it finds invalid). */
  diverged = false;
  /** The query of the next page of the list walk in progress; undefined after its last page. */
  nextPage: URLSearchParams | undefined;
  readonly #oracle: ResourceOracle;
  readonly #router: OperationRouter;
  readonly #validator: SpecValidator;
  readonly #collections: ReadonlyMap<string, ResourceCollection>;
  readonly #writers = new Map<string, Map<string, Writer>>();
  readonly #secrets = new Set<string>();
  readonly #walk = new ListWalk();
  #probe: Probe | undefined;

  constructor(spec: LoadedSpec, validator: SpecValidator, map: ResourceMap) {
    this.#validator = validator;
    this.#router = new OperationRouter(spec.operations);
    this.#oracle = new ResourceOracle(map);
    this.#collections = new Map(map.collections.map((collection) => [collection.name, collection]));
  }

  route(method: string, path: string): Routed | undefined {
    return this.#router.route(method, path);
  }

  /** Where a DELETE removes what a create made, for the runner's clean-up. */
  createdPath(routed: Routed, response: ResponseFacts, json: unknown): string | undefined {
    const route = this.#oracle.route(routed.operation);
    if (route?.kind !== 'create' || response.status < 200 || response.status > 299 || !route.collection.roles.delete) return undefined;
    const id = createdId(route.collection, json, response.headers);
    return id === undefined ? undefined : itemPath(route.collection, id, itemTarget(route, routed.pathParams).parents);
  }

  secrets(): readonly string[] {
    return [...this.#secrets];
  }

  /** The read the judge asks for before anything else is sent (the next exchange it judges settles it); undefined when it needs none. */
  get probe(): Probe | undefined {
    return this.#probe;
  }

  judge(routed: Routed, request: StatefulRequest, response: ResponseFacts, json: unknown): Mismatch[] {
    this.nextPage = undefined;
    const pending = this.#probe;
    this.#probe = undefined;
    const route = this.#oracle.route(routed.operation);
    const input = decodeRequest(this.#validator, routed, request);
    // A request the document itself refuses is the stateless checks' business; the model never sees it.
    if (!route || !input.ok || input.violations.length > 0) {
      this.diverged = true;
      return [];
    }
    const body = Buffer.isBuffer(input.validated) ? undefined : input.validated;
    this.#noteSecrets(body);
    const target = itemTarget(route, input.pathParams);
    const subject = this.#subject(route, target);
    const predicted = this.#oracle.predict(
      { operation: routed.operation, path: request.path, pathParams: input.pathParams, query: input.query, headers: input.headers, body },
      { status: response.status, headers: response.headers, json },
    );
    const { operation } = routed;
    const expected = predicted.kind === 'problem' ? declaredStatus(operation, predicted.status) : predicted.status;
    const agreed = expected === response.status || (isSuccess(expected) && isSuccess(response.status));
    if (!agreed) return this.#disagreement(operation, subject, expected, response, json);
    if (pending && subject === pending.item && !isSuccess(response.status)) return [pending.mismatch];
    if (!isSuccess(response.status)) return [];
    return this.#success(operation, route, target, input.query, body, response, json);
  }

  /** The item whose state decides the answer: the one named (item routes), else the parent its collection sits below. */
  #subject(route: ResourceRoute, target: ItemTarget): KnownItem | undefined {
    const { collection } = route;
    if (target.id !== undefined) return this.items.find(collection.name, target.id, target.parents);
    const link = collection.ancestors[collection.ancestors.length - 1];
    const parent = link && this.#collections.get(link.collection);
    if (!parent || parent.scope.length !== collection.scope.length - 1) return undefined;
    const id = normalisedId(parent, target.parents[collection.scope[parent.scope.length]!] ?? '');
    return this.items.find(parent.name, id, target.parents);
  }

  /**
   * A status the model does not predict. A deleted item that answers 2xx is use_after_free; one
   * deleted with its parent is no_orphans once a read shows the parent gone (were the parent still
   * there, that read is the use_after_free). An item the target created that answers 404 or 5xx
   * breaks ensure_resource_availability. Anything else (an input the target finds invalid, a
   * conflict) is no property these checks hold: the sequence stops there without a finding.
   */
  #disagreement(
    operation: Operation,
    subject: KnownItem | undefined,
    expected: number,
    response: ResponseFacts,
    json: unknown,
  ): Mismatch[] {
    const received = response.status;
    const gone = new Set([404, 410, declaredStatus(operation, 404)]);
    const mismatch = (check: string, about: string): Mismatch => ({
      check,
      title: `${operation.id} answered ${received} for ${about}`,
      expected: String(expected),
      received: `${received} ${show(json ?? response.body.toString('utf8').slice(0, 200))}`,
      key: `status:${expected}->${received}`,
    });
    if (subject?.gone === 'deleted' && gone.has(expected) && isSuccess(received)) {
      return [mismatch('use_after_free', `${subject.id}, which was deleted`)];
    }
    if (subject?.gone === 'with-parent' && gone.has(expected) && isSuccess(received)) {
      const parent = this.#deletedAncestor(subject);
      if (parent) this.#probe = { item: parent, mismatch: mismatch('no_orphans', `${subject.id}, whose parent ${parent.id} was deleted`) };
      else this.diverged = true;
      return [];
    }
    if (subject && !subject.gone && isSuccess(expected) && (gone.has(received) || received >= 500)) {
      return [mismatch('ensure_resource_availability', `${subject.id}, which the target created`)];
    }
    this.diverged = true;
    return [];
  }

  #deletedAncestor(item: KnownItem): KnownItem | undefined {
    for (const link of [...item.collection.ancestors].reverse()) {
      const parent = this.items.of(link.collection).find((candidate) => candidate.gone === 'deleted' && isBelow(item, candidate));
      if (parent) return parent;
    }
    return undefined;
  }

  #success(
    operation: Operation,
    route: ResourceRoute,
    target: ItemTarget,
    query: URLSearchParams,
    body: unknown,
    response: ResponseFacts,
    json: unknown,
  ): Mismatch[] {
    const { collection } = route;
    const upserted = route.kind === 'replace' && response.status === 201;
    if (route.kind === 'create' || upserted) {
      const raw = route.kind === 'create' ? createdId(collection, json, response.headers) : target.id;
      if (raw === undefined) {
        this.diverged = true;
        return [];
      }
      const id = normalisedId(collection, raw);
      this.items.created(collection, id, target.parents);
      this.#noteWriters(collection, id, target.parents, 'create', undefined);
      return this.#itemBody(operation, collection, id, target.parents, response, json, false);
    }
    if (route.kind === 'list') {
      const seen = this.#walk.page(operation, collection, target.parents, readListPage(collection, query, json), this.items);
      this.nextPage = seen.next;
      if (seen.probe) this.#probe = seen.probe;
      return seen.mismatches;
    }
    const id = target.id!;
    if (route.kind === 'delete') {
      const item = this.items.find(collection.name, id, target.parents);
      if (item) this.items.deleted(item);
      return [];
    }
    if (route.kind === 'update') this.#noteWriters(collection, id, target.parents, 'update', isJsonObject(body) ? body : {});
    if (route.kind === 'replace') this.#noteWriters(collection, id, target.parents, 'update', undefined);
    if (route.kind !== 'read' && route.kind !== 'update' && route.kind !== 'replace') return [];
    return this.#itemBody(operation, collection, id, target.parents, response, json, true);
  }

  /** Who wrote which field: all written fields on a create or a replace, the members of a merge patch on an update. */
  #noteWriters(
    collection: ResourceCollection,
    id: string,
    parents: Record<string, string>,
    writer: Writer,
    patch: object | undefined,
  ): void {
    const key = itemKey(collection, id, parents);
    const writers = patch === undefined ? new Map<string, Writer>() : (this.#writers.get(key) ?? new Map<string, Writer>());
    const fields = patch === undefined ? Object.keys(this.#oracle.find(collection.name, id, parents)?.written ?? {}) : Object.keys(patch);
    for (const field of fields) writers.set(field, writer);
    this.#writers.set(key, writers);
  }

  /** An answer carrying the item: the id the create handed out, and every field as it was last written. */
  #itemBody(
    operation: Operation,
    collection: ResourceCollection,
    id: string,
    parents: Record<string, string>,
    response: ResponseFacts,
    json: unknown,
    holdId: boolean,
  ): Mismatch[] {
    if (!isJsonObject(json)) return [];
    const out: Mismatch[] = [];
    const field = collection.id.field;
    const shown = field === undefined ? undefined : json[field];
    if (holdId && (typeof shown === 'string' || typeof shown === 'number') && normalisedId(collection, String(shown)) !== id) {
      out.push({
        check: 'ids_stable',
        title: `${operation.id}: ${id} answers with another id`,
        expected: show(id),
        received: show(shown),
        key: `id:${field}`,
      });
    }
    const record = this.#oracle.find(collection.name, id, parents);
    if (!record) return out;
    const writers = this.#writers.get(itemKey(collection, id, parents));
    const schemaPointer = findResponse(operation, response.status)?.content.find((media) => media.schemaPointer)?.schemaPointer;
    const written = { collection, id, written: record.written, writer: (name: string) => writers?.get(name) ?? 'create', schemaPointer };
    out.push(...writtenMismatches(written, json, this.#validator, operation.id));
    return out;
  }

  #noteSecrets(value: unknown, depth = 0): void {
    if (depth > 6 || !isJsonObject(value)) return;
    for (const [key, child] of Object.entries(value)) {
      if (typeof child === 'string' && isSecretName(key) && child.length >= MIN_SECRET_LENGTH) this.#secrets.add(child);
      else this.#noteSecrets(child, depth + 1);
    }
  }
}

function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}

function itemKey(collection: ResourceCollection, id: string, parents: Readonly<Record<string, string>>): string {
  return JSON.stringify([collection.name, collection.scope.map((name) => parents[name]), id]);
}

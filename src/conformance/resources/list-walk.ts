import type { ResourceCollection } from '../../model/resources/index.js';
import type { Operation } from '../../openapi/index.js';
import type { Mismatch } from '../stateful/index.js';
import { normalisedId } from './item-target.js';
import type { KnownItems, Probe } from './known-items.js';
import type { ListPage } from './list-page.js';

/** What a page of the walk says: rules broken, the next page to ask for, a read that settles a doubt. */
export interface WalkStep {
  mismatches: Mismatch[];
  next: URLSearchParams | undefined;
  probe?: Probe;
}

/**
 * A list walked page by page. An item of the sequence that was deleted must be on no page (a read
 * then tells a stale list from a delete that never happened); every live one must be on some page
 * by the last. A walk cut short before its last page holds the list to nothing more.
 */
export class ListWalk {
  #walk: { scope: string; seen: Set<string> } | undefined;

  page(
    operation: Operation,
    collection: ResourceCollection,
    parents: Readonly<Record<string, string>>,
    page: ListPage,
    items: KnownItems,
  ): WalkStep {
    if (page.ids === undefined) return { mismatches: [], next: undefined };
    const scope = JSON.stringify([collection.name, parents]);
    if (page.first || this.#walk?.scope !== scope) this.#walk = { scope, seen: new Set() };
    const walk = this.#walk;
    for (const id of page.ids) walk.seen.add(normalisedId(collection, id));
    const ours = items.of(collection.name).filter((item) => collection.scope.every((name) => item.parents[name] === parents[name]));
    const listed = ours.find((item) => item.gone && walk.seen.has(item.id));
    if (listed) {
      this.#walk = undefined;
      const mismatch: Mismatch = {
        check: 'list_consistent',
        title: `${operation.id} lists ${listed.id}, which was deleted and reads as gone`,
        expected: `no ${listed.id}`,
        received: `${listed.id} listed`,
        key: 'listed:deleted',
      };
      return { mismatches: [], next: undefined, probe: { item: listed, mismatch } };
    }
    if (page.next) return { mismatches: [], next: page.next };
    this.#walk = undefined;
    const missing = ours.find((item) => !item.gone && !walk.seen.has(item.id));
    if (!missing) return { mismatches: [], next: undefined };
    const mismatch: Mismatch = {
      check: 'list_consistent',
      title: `${operation.id} leaves out ${missing.id}, which the target created`,
      expected: `${missing.id} on a page`,
      received: `${walk.seen.size} item(s), not ${missing.id}`,
      key: 'missing:created',
    };
    return { mismatches: [mismatch], next: undefined };
  }
}

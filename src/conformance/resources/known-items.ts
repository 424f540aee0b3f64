import type { ResourceCollection } from '../../model/resources/index.js';
import type { Mismatch } from '../stateful/index.js';

/** How an item the sequence created stopped existing: its own DELETE, or one of an item above it. */
export type Gone = 'deleted' | 'with-parent';

/** An item the sequence created, by collection, scope values and id. */
export interface KnownItem {
  collection: ResourceCollection;
  id: string;
  /** Its scope parameters' values (its parents' ids, outermost first). */
  parents: Record<string, string>;
  gone?: Gone;
}

/** A read the judge needs before it can name the rule an answer broke: is the item it names really gone? */
export interface Probe {
  item: KnownItem;
  /** The rule broken when the probed item reads as gone (else its own read breaks use_after_free). */
  mismatch: Mismatch;
}

/** The items one sequence created, oldest first, and how each one went. */
export class KnownItems {
  readonly #items: KnownItem[] = [];

  /** Every item the sequence created, oldest first. */
  all(): readonly KnownItem[] {
    return this.#items;
  }

  /** Every item of a collection the sequence created, oldest first. */
  of(collection: string): KnownItem[] {
    return this.#items.filter((item) => item.collection.name === collection);
  }

  /** The item of `collection` with this id below these parents, if the sequence created it. */
  find(collection: string, id: string, parents: Readonly<Record<string, string>>): KnownItem | undefined {
    return this.#items.find(
      (item) =>
        item.collection.name === collection &&
        item.id === id &&
        Object.entries(item.parents).every(([name, value]) => parents[name] === value),
    );
  }

  /** Notes a create (or an upsert bringing a deleted item back). */
  created(collection: ResourceCollection, id: string, parents: Record<string, string>): void {
    const known = this.find(collection.name, id, parents);
    if (known) delete known.gone;
    else this.#items.push({ collection, id, parents: { ...parents } });
  }

  /** Notes a DELETE the target acknowledged: the item is gone, and every item created below it with it. */
  deleted(item: KnownItem): void {
    item.gone = 'deleted';
    for (const other of this.#items) {
      if (other.gone || other === item || !isBelow(other, item)) continue;
      other.gone = 'with-parent';
    }
  }
}

/** True when `child` sits below `parent`: its scope starts with the parent's scope values and id. */
export function isBelow(child: KnownItem, parent: KnownItem): boolean {
  if (!child.collection.ancestors.some((link) => link.collection === parent.collection.name)) return false;
  const values = [...parent.collection.scope.map((name) => parent.parents[name]), parent.id];
  const own = child.collection.scope.map((name) => child.parents[name]);
  return values.every((value, index) => own[index] === value);
}

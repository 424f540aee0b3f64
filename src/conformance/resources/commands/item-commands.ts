import type { Operation } from '../../../openapi/index.js';
import { isBelow, type KnownItem } from '../known-items.js';
import { firstPageQuery } from '../list-page.js';
import type { ResourceSequence } from '../resource-sequence.js';
import { pick, ResourceCommand, valuesOf, type CommandContext } from './resource-command.js';

// The longest list walk: more pages than a run leaves items for, and a bound on a list that never ends.
const MAX_PAGES = 20;

/** What an item command does to an item the sequence created. */
export type ItemAction = 'read' | 'update' | 'replace' | 'delete';

const METHOD: Record<ItemAction, string> = { read: 'GET', update: 'PATCH', replace: 'PUT', delete: 'DELETE' };

/** An item of the sequence and the operation a command sends to it. */
interface ItemTarget {
  item: KnownItem;
  operation: Operation;
}

/** A command on one item the sequence created, the `index`-th counted from the newest. */
abstract class OnItem extends ResourceCommand<ItemTarget> {
  constructor(
    context: CommandContext,
    readonly index: number,
    readonly seed: number,
  ) {
    super(context);
  }

  /** Sends the target's operation to its item, under `step`. */
  protected sendTo(world: ResourceSequence, { item, operation }: ItemTarget, step: string): Promise<void> {
    return this.send(world, operation, valuesOf(item), { seed: this.seed }, step);
  }

  /** The operation it sends, where the item's collection has one the generators can satisfy. */
  protected sendable(operation: Operation | undefined): operation is Operation {
    return operation !== undefined && this.context.plans.can(operation);
  }
}

/** GET, PATCH, PUT or DELETE of an item the sequence created (deleted ones too: they must answer 404). */
export class ItemCommand extends OnItem {
  constructor(
    context: CommandContext,
    readonly action: ItemAction,
    index: number,
    seed: number,
  ) {
    super(context, index, seed);
  }

  protected target(world: ResourceSequence): ItemTarget | undefined {
    const item = pick(world.items(), this.index);
    const operation = item && this.context.byName.get(item.collection.name)?.operations[this.action];
    return item && this.sendable(operation) ? { item, operation } : undefined;
  }

  protected async act(world: ResourceSequence, target: ItemTarget): Promise<void> {
    await this.sendTo(world, target, `${METHOD[this.action]} ${target.item.collection.itemPath} (item#${this.index})`);
  }

  toString(): string {
    return `${METHOD[this.action]} {item#${this.index}}`;
  }
}

/** DELETE of the parent of the `index`-th item created below another (newest first): what no_orphans looks at next. */
export class DeleteParent extends OnItem {
  protected target(world: ResourceSequence): ItemTarget | undefined {
    const child = pick(
      world.items().filter((item) => this.context.byName.get(item.collection.name)?.parent !== undefined),
      this.index,
    );
    const parentEntry = child && this.context.byName.get(this.context.byName.get(child.collection.name)!.parent!.name);
    const parent = parentEntry && world.items().find((item) => item.collection === parentEntry.collection && isBelow(child!, item));
    const operation = parentEntry?.operations.delete;
    return parent && this.sendable(operation) ? { item: parent, operation } : undefined;
  }

  protected async act(world: ResourceSequence, target: ItemTarget): Promise<void> {
    await this.sendTo(world, target, `DELETE ${target.item.collection.itemPath} (parent of item#${this.index})`);
  }

  toString(): string {
    return `DELETE {parent of item#${this.index}}`;
  }
}

/** GET on the collection of the `index`-th item the sequence created, below the same parents, page after page. */
export class ListItems extends OnItem {
  protected target(world: ResourceSequence): ItemTarget | undefined {
    const item = pick(world.items(), this.index);
    const operation = item && this.context.byName.get(item.collection.name)?.operations.list;
    return item && this.sendable(operation) ? { item, operation } : undefined;
  }

  protected async act(world: ResourceSequence, { item, operation }: ItemTarget): Promise<void> {
    const values = valuesOf(item).slice(0, -1);
    const step = `GET ${item.collection.path} (of item#${this.index})`;
    let query: URLSearchParams | undefined = firstPageQuery(item.collection.list);
    for (let page = 1; page <= MAX_PAGES && query && world.active; page++) {
      await this.send(world, operation, values, { seed: this.seed, query }, page === 1 ? step : `${step} (page ${page})`);
      query = world.judge.nextPage;
    }
  }

  toString(): string {
    return `GET {collection of item#${this.index}}`;
  }
}

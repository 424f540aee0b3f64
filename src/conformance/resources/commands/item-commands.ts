import { firstPageQuery } from '../list-page.js';
import type { Operation } from '../../../openapi/index.js';
import { isBelow, type KnownItem } from '../known-items.js';
import type { ResourceSequence } from '../resource-sequence.js';
import { pick, ResourceCommand, valuesOf, type CommandContext } from './resource-command.js';

// The longest list walk: more pages than a run leaves items for, and a bound on a list that never ends.
const MAX_PAGES = 20;

/** What an item command does to an item the sequence created. */
export type ItemAction = 'read' | 'update' | 'replace' | 'delete';

const METHOD: Record<ItemAction, string> = { read: 'GET', update: 'PATCH', replace: 'PUT', delete: 'DELETE' };

/** GET, PATCH, PUT or DELETE of the `index`-th item the sequence created, newest first (deleted ones too: they must answer 404). */
export class ItemCommand extends ResourceCommand {
  constructor(
    context: CommandContext,
    readonly action: ItemAction,
    readonly index: number,
    readonly seed: number,
  ) {
    super(context);
  }

  protected runnable(world: ResourceSequence): boolean {
    return this.#operation(world) !== undefined;
  }

  async run(_model: ResourceSequence, world: ResourceSequence): Promise<void> {
    const target = this.#operation(world);
    if (!target) return;
    const step = `${METHOD[this.action]} ${target.item.collection.itemPath} (item#${this.index})`;
    await this.send(world, target.operation, valuesOf(target.item), { seed: this.seed }, step);
  }

  toString(): string {
    return `${METHOD[this.action]} {item#${this.index}}`;
  }

  #operation(world: ResourceSequence) {
    const item = pick(world.items(), this.index);
    const operation = item && this.context.byName.get(item.collection.name)?.operations[this.action];
    return item && operation && this.context.plans.can(operation) ? { item, operation } : undefined;
  }
}

/** DELETE of the parent of the `index`-th item created below another (newest first): what no_orphans looks at next. */
export class DeleteParent extends ResourceCommand {
  constructor(
    context: CommandContext,
    readonly index: number,
  ) {
    super(context);
  }

  protected runnable(world: ResourceSequence): boolean {
    return this.#target(world) !== undefined;
  }

  async run(_model: ResourceSequence, world: ResourceSequence): Promise<void> {
    const target = this.#target(world);
    if (!target) return;
    const step = `DELETE ${target.parent.collection.itemPath} (parent of item#${this.index})`;
    await this.send(world, target.operation, valuesOf(target.parent), { seed: 0 }, step);
  }

  toString(): string {
    return `DELETE {parent of item#${this.index}}`;
  }

  #target(world: ResourceSequence): { parent: KnownItem; operation: Operation } | undefined {
    const withParent = world.items().filter((item) => this.context.byName.get(item.collection.name)?.parent !== undefined);
    const child = pick(withParent, this.index);
    const entry = child && this.context.byName.get(child.collection.name);
    const parentEntry = entry?.parent && this.context.byName.get(entry.parent.name);
    const parent = parentEntry && world.items().find((item) => item.collection === parentEntry.collection && isBelow(child!, item));
    const operation = parentEntry?.operations.delete;
    return parent && operation && this.context.plans.can(operation) ? { parent, operation } : undefined;
  }
}

/** GET on the collection of the `index`-th item the sequence created, below the same parents, page after page. */
export class ListItems extends ResourceCommand {
  constructor(
    context: CommandContext,
    readonly index: number,
    readonly seed: number,
  ) {
    super(context);
  }

  protected runnable(world: ResourceSequence): boolean {
    return this.#target(world) !== undefined;
  }

  async run(_model: ResourceSequence, world: ResourceSequence): Promise<void> {
    const target = this.#target(world);
    if (!target) return;
    const { item, operation } = target;
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

  #target(world: ResourceSequence): { item: KnownItem; operation: NonNullable<ReturnType<typeof listOf>> } | undefined {
    const item = pick(world.items(), this.index);
    const operation = item && listOf(this.context, item);
    return item && operation && this.context.plans.can(operation) ? { item, operation } : undefined;
  }
}

function listOf(context: CommandContext, item: KnownItem) {
  return context.byName.get(item.collection.name)?.operations.list;
}

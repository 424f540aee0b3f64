import fc from 'fast-check';
import type { IdFormat } from '../../../model/resources/index.js';
import type { KnownItem } from '../known-items.js';
import type { Sequenceable } from '../resource-map.js';
import type { ResourceSequence } from '../resource-sequence.js';
import { pick, ResourceCommand, valuesOf, type CommandContext } from './resource-command.js';

/**
 * A POST that creates an item of `entry` below the scope `values` give. Where the client chooses
 * the id, a fresh one of the collection's format is drawn from the seed, so that no create of the
 * run collides with an item an earlier sequence (or the document's examples) left behind.
 */
abstract class CreateCommand<T> extends ResourceCommand<T> {
  constructor(
    context: CommandContext,
    readonly seed: number,
  ) {
    super(context);
  }

  protected async create(world: ResourceSequence, entry: Sequenceable, values: readonly string[], below = ''): Promise<void> {
    const { collection, operations } = entry;
    const field = collection.id.field;
    const fresh = field !== undefined && collection.id.clientSupplied ? freshId(collection.id.format, this.seed) : undefined;
    // Integer ids are numbers in bodies and strings in paths.
    const chosen = fresh !== undefined && collection.id.fieldType === 'number' ? Number(fresh) : fresh;
    const step = `POST ${collection.path}${below}`;
    await this.send(
      world,
      operations.create!,
      values,
      { seed: this.seed, ...(chosen !== undefined ? { body: { [field!]: chosen } } : {}) },
      step,
    );
  }
}

/** A fresh id in a format, drawn from a seed; undefined where only a pattern says what one looks like (the schema's draw stands). */
function freshId(format: IdFormat, seed: number): string | undefined {
  const hex = (length: number) => fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: length, maxLength: length });
  const arbitrary =
    format.kind === 'prefixed'
      ? hex(format.hexLength).map((digits) => format.prefix + digits)
      : format.kind === 'uuid'
        ? fc.uuid()
        : format.kind === 'integer'
          ? fc.integer({ min: format.minimum, max: format.maximum }).map(String)
          : format.kind === 'string'
            ? hex(Math.min(Math.max(16, format.minLength), format.maxLength))
            : undefined;
  return arbitrary && fc.sample(arbitrary, { seed: seed ^ 0x5bd1e995, numRuns: 1 })[0];
}

/** POST on a top-level collection (its scope, if any, from `--var`). */
export class CreateItem extends CreateCommand<Sequenceable> {
  constructor(
    context: CommandContext,
    readonly entry: Sequenceable,
    seed: number,
  ) {
    super(context, seed);
  }

  protected target(): Sequenceable {
    return this.entry;
  }

  protected async act(world: ResourceSequence, entry: Sequenceable): Promise<void> {
    await this.create(
      world,
      entry,
      entry.collection.scope.map((name) => this.context.vars[name] ?? ''),
    );
  }

  toString(): string {
    return `POST ${this.entry.collection.path}`;
  }
}

/** POST on a collection below an item the sequence created (or deleted: then the create must be a 404). */
export class CreateChild extends CreateCommand<{ item: KnownItem; entry: Sequenceable }> {
  constructor(
    context: CommandContext,
    readonly parent: number,
    readonly child: number,
    seed: number,
  ) {
    super(context, seed);
  }

  protected async act(world: ResourceSequence, target: { item: KnownItem; entry: Sequenceable }): Promise<void> {
    await this.create(world, target.entry, valuesOf(target.item), ` (below item#${this.parent})`);
  }

  toString(): string {
    return `POST {item#${this.parent}}/{collection#${this.child}}`;
  }

  // The `parent`-th item (newest first) that has collections below it, and the `child`-th of those.
  protected target(world: ResourceSequence): { item: KnownItem; entry: Sequenceable } | undefined {
    const childrenOf = (item: KnownItem) => this.context.entries.filter((entry) => entry.parent?.name === item.collection.name);
    const item = pick(
      world.items().filter((candidate) => childrenOf(candidate).length > 0),
      this.parent,
    );
    const children = item ? childrenOf(item) : [];
    return item && children.length > 0 ? { item, entry: children[this.child % children.length]! } : undefined;
  }
}

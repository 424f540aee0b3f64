import type fc from 'fast-check';
import type { Operation } from '../../../openapi/index.js';
import type { KnownItem } from '../known-items.js';
import type { Sequenceable } from '../resource-map.js';
import type { ResourceSequence } from '../resource-sequence.js';
import type { RequestPlans } from './request-plans.js';

/** What every command works with: the collections it can drive, and how requests are drawn and sent. */
export interface CommandContext {
  entries: readonly Sequenceable[];
  /** The entries by collection name. */
  byName: ReadonlyMap<string, Sequenceable>;
  plans: RequestPlans;
  /** `--var name=value`: the scope of a collection no parent of the run's own can give. */
  vars: Readonly<Record<string, string>>;
}

/**
 * Base of every command over the inferred resources: it acts on what `target` finds in the
 * sequence (an item, a parent, a collection), and runs while the sequence can still be judged and
 * there is such a target.
 */
export abstract class ResourceCommand<T = unknown> implements fc.AsyncCommand<ResourceSequence, ResourceSequence> {
  constructor(readonly context: CommandContext) {}

  check(world: Readonly<ResourceSequence>): boolean {
    return world.active && this.target(world as ResourceSequence) !== undefined;
  }

  async run(_model: ResourceSequence, world: ResourceSequence): Promise<void> {
    const target = this.target(world);
    if (target !== undefined) await this.act(world, target);
  }

  /** What the command acts on in this sequence, undefined when there is nothing yet. */
  protected abstract target(world: ResourceSequence): T | undefined;

  protected abstract act(world: ResourceSequence, target: T): Promise<void>;

  abstract toString(): string;

  /** Sends `operation` with the path values given by position (the document may name them otherwise). */
  protected async send(
    world: ResourceSequence,
    operation: Operation,
    values: readonly string[],
    draw: { seed: number; body?: Record<string, unknown>; query?: URLSearchParams },
    step = this.toString(),
  ): Promise<void> {
    const names = [...operation.path.matchAll(/\{([^{}]+)\}/g)].map((match) => match[1]!);
    const path = Object.fromEntries(names.map((name, index) => [name, values[index] ?? '']));
    await world.perform(step, this.context.plans.request(operation, draw.seed, path, draw.body, draw.query));
  }
}

/** The `index`-th of a list counted from its end (the newest), so that short sequences keep to one item. */
export function pick<T>(list: readonly T[], index: number): T | undefined {
  return list.length === 0 ? undefined : list[list.length - 1 - (index % list.length)];
}

/** An item's path values in order: its parents' ids, then its own. */
export function valuesOf(item: KnownItem): string[] {
  return [...item.collection.scope.map((name) => item.parents[name]!), item.id];
}

import fc from 'fast-check';
import { CreateChild, CreateItem } from './commands/create-commands.js';
import { DeleteParent, ItemCommand, ListItems } from './commands/item-commands.js';
import type { CommandContext, ResourceCommand } from './commands/resource-command.js';

// Small indices, counted from the newest item: most steps act on what was just created, which is
// what it takes to reach create → update → delete → use → its children within a short sequence.
const index = fc.oneof({ arbitrary: fc.constant(0), weight: 3 }, { arbitrary: fc.nat({ max: 3 }), weight: 1 });
const seed = fc.integer({ min: 0, max: 0x7fffffff });

/**
 * The commands of the sequences: creates in a top-level collection or below an item the sequence
 * created, and reads, updates, replaces, deletes and lists of its items, each acting on the item
 * its index names (counted from the newest), so that any document's collections reach their deep
 * states within a short sequence. Bodies and parameters are drawn from the operations' schemas.
 */
export function commandArbitraries(context: CommandContext): fc.Arbitrary<ResourceCommand>[] {
  const tops = context.entries.filter((entry) => entry.parent === undefined && context.plans.can(entry.operations.create!));
  if (tops.length === 0) return [];
  const createTop = fc.tuple(fc.nat({ max: tops.length - 1 }), seed).map(([at, drawn]) => new CreateItem(context, tops[at]!, drawn));
  const createChild = fc
    .tuple(index, fc.nat({ max: 7 }), seed)
    .map(([parent, child, drawn]) => new CreateChild(context, parent, child, drawn));
  const item = (action: 'read' | 'update' | 'replace' | 'delete') =>
    fc.tuple(index, seed).map(([at, drawn]) => new ItemCommand(context, action, at, drawn));
  return [
    createTop,
    createTop,
    ...(context.entries.some((entry) => entry.parent !== undefined)
      ? [createChild, createChild, index.map((at) => new DeleteParent(context, at, 0))]
      : []),
    item('read'),
    item('read'),
    item('update'),
    item('replace'),
    item('delete'),
    fc.tuple(index, seed).map(([at, drawn]) => new ListItems(context, at, drawn)),
  ];
}

import { describeIdFormat } from './id-format.js';
import { COLLECTION_ROLES, type CreatorSpec, type ResourceCollection, type ResourceMap } from './types.js';

export interface DescribeOptions {
  /** Adds one line per stateless operation with its reason. */
  stateless?: boolean;
}

/**
 * The map as aligned lines, one per collection, for a server to print at start:
 * `agents  /v1/agents[/{agent_id}]  create list read update replace delete  id: id (agent_<32 hex>)  actions: copy`.
 */
export function describeResourceMap(map: ResourceMap, options: DescribeOptions = {}): string[] {
  const rows = map.collections.map((collection) => [collection.name, pathOf(collection), rolesOf(collection), detailsOf(collection, map)]);
  const widths = [0, 1, 2].map((column) => Math.max(0, ...rows.map((row) => row[column]!.length)));
  const lines = rows.map((row) => row.map((cell, column) => (column < 3 ? cell.padEnd(widths[column]!) : cell)).join('  ').trimEnd());
  const count = map.stateless.length;
  lines.push(`${map.collections.length} collection${map.collections.length === 1 ? '' : 's'}, ${count} operation${count === 1 ? '' : 's'} left stateless`);
  if (options.stateless) for (const entry of map.stateless) lines.push(`  stateless  ${entry.method} ${entry.path}  (${entry.reason})`);
  return lines;
}

const EFFECT_NOTES: Readonly<Record<CreatorSpec['effect'], string>> = { create: '', once: ' (get-or-create)' };

// A start-up line stays readable: GitHub's orgs have a hundred routes below an org.
const MAX_NAMES = 8;

function few(names: readonly string[]): string {
  if (names.length <= MAX_NAMES) return names.join(', ');
  return `${names.slice(0, MAX_NAMES).join(', ')} +${names.length - MAX_NAMES} more`;
}

function pathOf(collection: ResourceCollection): string {
  const { roles } = collection;
  const itemLevel = roles.read || roles.update || roles.replace || roles.delete || collection.actions.length > 0 || collection.subResources.length > 0;
  return itemLevel ? `${collection.path}[/{${collection.id.parameter}}]` : collection.path;
}

function rolesOf(collection: ResourceCollection): string {
  return COLLECTION_ROLES.filter((role) => collection.roles[role])
    .map((role) => (role === 'replace' && collection.upsert ? 'upsert' : role))
    .join(' ');
}

function detailsOf(collection: ResourceCollection, map: ResourceMap): string {
  const parts: string[] = [];
  const { id } = collection;
  const field = id.source === 'property' ? id.field! : id.source === 'location' ? '(Location header)' : '(none)';
  parts.push(`id: ${field} (${describeIdFormat(id.format)})`);
  const parent = collection.ancestors[collection.ancestors.length - 1];
  if (parent) parts.push(`in: ${parent.collection}`);
  if (collection.list) {
    const { list } = collection;
    const where = list.shape === 'array' ? '[]' : `.${list.property}`;
    const paging = list.pagination.kind === 'none' ? '' : ` ${list.pagination.kind}`;
    const filters = list.filters.length > 0 ? ` by ${list.filters.map((filter) => filter.parameter).join(',')}` : '';
    parts.push(`list: ${where}${paging}${filters}`);
  }
  if (collection.creators.length > 0) {
    const routes = collection.creators.map(({ endpoint, effect }) => `${endpoint.method} ${endpoint.path}${EFFECT_NOTES[effect]}`);
    parts.push(`also created by: ${few(routes)}`);
  }
  if (collection.actions.length > 0) parts.push(`actions: ${few(collection.actions.map((action) => action.name))}`);
  if (collection.subResources.length > 0) parts.push(`sub: ${few(collection.subResources.map((sub) => `${sub.endpoint.method} ${sub.name}`))}`);
  if (!collection.writable) {
    const served = collection.ancestors.some((link) => map.collections.find((other) => other.name === link.collection)?.writable);
    parts.push(served ? 'read-only (exists while its parent does)' : 'read-only (stateless)');
  }
  return parts.join('  ');
}

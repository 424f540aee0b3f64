import type { Operation } from '../../openapi/index.js';
import type { CollectionOverride, OverrideOrigin } from './overrides.js';
import { overrideError } from './overrides.js';
import { isLiteral, joinSegments, parameterOf, parametersOf, segmentsOf } from './path-segments.js';

/** A collection found in the path templates, before its schemas are read. */
export interface CollectionDraft {
  path: string;
  itemPath: string;
  parameter: string;
  create: Operation | undefined;
  /** The GET on the collection path; a list only if its answer is shaped like one. */
  list: Operation | undefined;
  read: Operation | undefined;
  replace: Operation | undefined;
  update: Operation | undefined;
  delete: Operation | undefined;
  /** False for a create-only collection whose item path the document never writes out. */
  itemRoutes: boolean;
  override: (CollectionOverride & { origin: OverrideOrigin }) | undefined;
}

/** Operations by path template, then by upper-case method. */
export type PathTable = ReadonlyMap<string, ReadonlyMap<string, Operation>>;

interface ItemCandidate {
  itemPath: string;
  /** The item path itself has operations (not only routes below it). */
  hasOperations: boolean;
  uses: number;
}

/**
 * Finds collections: a literal path (`/v1/agents`) whose item path is that path plus one parameter
 * segment (`/v1/agents/{agent_id}`), kept when it has a create or an item read; and create-only
 * collections (`POST /v1/sessions/{id}/messages` answering 201 with an id), unless such a path is a
 * literal route beside another collection (`POST /v1/agents/import`) or `createsItem` refuses it
 * given the item it hangs under (`POST /v1/agents/{id}/copy` answers an agent: an action).
 */
export function findCollections(
  paths: PathTable,
  overrides: Readonly<Record<string, CollectionOverride & { origin: OverrideOrigin }>>,
  createsItem: (operation: Operation, parent: CollectionDraft | undefined) => boolean,
): CollectionDraft[] {
  const candidates = itemCandidates(paths);
  const drafts: CollectionDraft[] = [];
  for (const [path, items] of candidates) {
    const override = overrides[path];
    if (override?.collection === false) continue;
    const parameter = chooseParameter(items, override);
    const itemPath = items.get(parameter)!.itemPath;
    const draft = draftOf(paths, path, itemPath, parameter, true, override);
    if (draft.create || draft.read || override?.collection === true) drafts.push(draft);
  }
  const strong = new Set(drafts.map((draft) => draft.path));
  const byItemPath = new Map(drafts.map((draft) => [draft.itemPath, draft]));
  for (const [path, methods] of paths) {
    if (candidates.has(path)) continue;
    const override = overrides[path];
    if (override?.collection === false) continue;
    const segments = segmentsOf(path);
    const last = segments[segments.length - 1];
    if (last === undefined || !isLiteral(last)) continue;
    const post = methods.get('POST');
    const forced = override?.collection === true;
    const above = joinSegments(segments.slice(0, -1));
    // Directly under an item (`/sessions/{id}/messages`) or a plain top-level path; deeper literal
    // routes under an item (`/workspaces/{id}/fs/_/copy`) are that item's actions.
    const before = segments[segments.length - 2];
    const placed = before === undefined || parameterOf(before) !== undefined || segments.every(isLiteral);
    if (!forced && (!post || !placed || strong.has(above) || !createsItem(post, byItemPath.get(above)))) continue;
    // The item path is never written out, so its parameter is named here, apart from the path's own.
    const parameter = override?.idParameter ?? (parametersOf(path).includes('id') ? `${last}_id` : 'id');
    drafts.push(draftOf(paths, path, `${path}/{${parameter}}`, parameter, false, override));
  }
  return drafts;
}

/** Every literal path followed by a parameter segment somewhere in the document, with its item paths. */
function itemCandidates(paths: PathTable): Map<string, Map<string, ItemCandidate>> {
  const candidates = new Map<string, Map<string, ItemCandidate>>();
  for (const path of paths.keys()) {
    const segments = segmentsOf(path);
    for (let index = 1; index < segments.length; index++) {
      const parameter = parameterOf(segments[index]!);
      if (parameter === undefined || !isLiteral(segments[index - 1]!)) continue;
      const collection = joinSegments(segments.slice(0, index));
      let items = candidates.get(collection);
      if (!items) candidates.set(collection, (items = new Map()));
      const item = items.get(parameter) ?? { itemPath: joinSegments(segments.slice(0, index + 1)), hasOperations: false, uses: 0 };
      item.uses += 1;
      if (index === segments.length - 1) item.hasOperations = true;
      items.set(parameter, item);
    }
  }
  return candidates;
}

// OAS §4.8.8 forbids two item paths differing only in the parameter's name, but routes below the
// item may still name it differently (`{version_id}/fork` beside `{from_version_id}/diff`).
function chooseParameter(items: Map<string, ItemCandidate>, override: (CollectionOverride & { origin: OverrideOrigin }) | undefined): string {
  if (override?.idParameter !== undefined) {
    if (!items.has(override.idParameter)) {
      throw overrideError(override.origin, `idParameter ${JSON.stringify(override.idParameter)} is not a parameter after this path (found: ${[...items.keys()].join(', ')})`);
    }
    return override.idParameter;
  }
  let best: [string, ItemCandidate] | undefined;
  for (const entry of items) {
    const [, item] = entry;
    if (!best || (item.hasOperations && !best[1].hasOperations) || (item.hasOperations === best[1].hasOperations && item.uses > best[1].uses)) best = entry;
  }
  return best![0];
}

function draftOf(
  paths: PathTable,
  path: string,
  itemPath: string,
  parameter: string,
  itemRoutes: boolean,
  override: (CollectionOverride & { origin: OverrideOrigin }) | undefined,
): CollectionDraft {
  const onPath = paths.get(path);
  const onItem = paths.get(itemPath);
  return {
    path,
    itemPath,
    parameter,
    create: onPath?.get('POST'),
    list: onPath?.get('GET'),
    read: onItem?.get('GET'),
    replace: onItem?.get('PUT'),
    update: onItem?.get('PATCH'),
    delete: onItem?.get('DELETE'),
    itemRoutes,
    override,
  };
}

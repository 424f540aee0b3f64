import type { ResourceOutcome, ResourceProblemCode, ResourceResponse } from './model-types.js';
import type { ResourceCollection } from './types.js';

/** A problem answer; the mock renders it as problem+json with its catalogue. */
export function problem(status: number, code: ResourceProblemCode, detail: string): ResourceResponse {
  return { kind: 'problem', status, headers: {}, code, detail };
}

/** RFC 9110 §15.5.5: the item does not exist (never created, or deleted). */
export function itemNotFound(collection: ResourceCollection, id: string): ResourceResponse {
  return problem(404, 'resource_not_found', `No ${collection.name} item has ${collection.id.parameter} ${quote(id)}.`);
}

/** A request under a parent that does not exist: nothing below it exists either. */
export function parentNotFound(ancestor: ResourceCollection, id: string): ResourceResponse {
  return problem(404, 'resource_not_found', `No ${ancestor.name} item has ${ancestor.id.parameter} ${quote(id)}, so nothing below it exists.`);
}

/** A request below an item the map does not hold (another layer's) that does not exist. */
export function outsideParentNotFound(path: string): ResourceResponse {
  return problem(404, 'resource_not_found', `Nothing exists at ${quote(path)}, so nothing below it exists.`);
}

/** An outcome that changed nothing: every rejection and every read. */
export function unchanged(response: ResourceResponse): ResourceOutcome {
  return { response, changes: [] };
}

// Ids are echoed in details, so long ones are clipped to keep problems small.
function quote(id: string): string {
  return JSON.stringify(id.length > 80 ? `${id.slice(0, 80)}…` : id);
}

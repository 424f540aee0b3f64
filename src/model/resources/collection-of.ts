import { isJsonMediaType } from '../../core/index.js';
import type { Operation } from '../../openapi/index.js';
import { linkedIdField } from './declared-links.js';
import { bodyKindOf, endpointOf, type ItemOutline } from './endpoint.js';
import type { CollectionDraft } from './find-collections.js';
import { inferIdFormat } from './id-format.js';
import { itemSchemaOf } from './item-schema.js';
import { itemSpecOf } from './item-spec.js';
import { filtersOf, paginationOf } from './list-params.js';
import { listShapeOf } from './list-shape.js';
import { overrideError } from './overrides.js';
import type { Facet, SchemaReader } from './schema-reader.js';
import { CREATE_STATUSES, DELETE_STATUSES, READ_STATUSES, declares, successResponse } from './success-response.js';
import type { CollectionRole, Endpoint, LinkHint, ResourceCollection, StatelessOperation } from './types.js';

/** A collection read from its draft, and the operations at its paths it could not give a role. */
export interface BuiltCollection {
  collection: ResourceCollection;
  stateless: StatelessOperation[];
}

/**
 * Reads a collection's schemas: the item (see `itemSchemaOf`), its id field and id format, each
 * role's endpoint, and the list shape. Name, scope and ancestors come later, once
 * every collection is known.
 */
export function collectionOf(reader: SchemaReader, draft: CollectionDraft, links: readonly LinkHint[], parameterFacet: Facet): BuiltCollection {
  const stateless: StatelessOperation[] = [];
  const itemSchema = itemSchemaOf(reader, draft);
  const properties = itemSchema.shape?.properties ?? new Map<string, unknown>();
  const createBody = draft.create ? reader.object(requestSchema(draft.create)) : undefined;

  const idField = idFieldOf(draft, properties, links, itemSchema.idField);
  const idFacet = idField === undefined ? undefined : reader.facet(properties.get(idField));
  const bodyIdFacet = idField === undefined ? undefined : createBody?.properties.has(idField) ? reader.facet(createBody.properties.get(idField)) : undefined;
  const createSuccess = draft.create ? successResponse(draft.create, CREATE_STATUSES) : undefined;
  const item = itemSpecOf(reader, itemSchema.shape, itemSchema.pointer, createBody);
  const outline: ItemOutline = { fields: item.fields, idField };

  const roles: Partial<Record<CollectionRole, Endpoint>> = {};
  const role = (name: CollectionRole, operation: Operation | undefined, preferred: readonly number[], conflict = false) => {
    if (!operation) return;
    const success = successResponse(operation, preferred);
    roles[name] = endpointOf(reader, operation, success, bodyKindOf(reader, success, outline), conflict);
  };
  role('create', draft.create, CREATE_STATUSES, true);
  role('read', draft.read, READ_STATUSES);
  role('update', draft.update, READ_STATUSES);
  role('replace', draft.replace, READ_STATUSES);
  role('delete', draft.delete, DELETE_STATUSES);

  let list: ResourceCollection['list'];
  if (draft.list) {
    const success = successResponse(draft.list, READ_STATUSES);
    const shape = listShapeOf(reader, success.schema, outline, draft.override);
    if (shape) {
      const pagination = paginationOf(reader, draft.list);
      list = { ...shape, pagination, filters: filtersOf(reader, draft.list, pagination, { properties, stringFields: item.stringFields }) };
      roles.list = endpointOf(reader, draft.list, success, 'list');
    } else {
      stateless.push(statelessOf(draft.list, 'a GET on the collection path that does not answer a list of its items'));
    }
  } else if (draft.override?.listProperty !== undefined) {
    throw overrideError(draft.override.origin, 'listProperty is set but the path has no GET');
  }

  const upsert = draft.replace !== undefined && declares(draft.replace, 201);
  const collection: ResourceCollection = {
    name: '',
    path: draft.path,
    itemPath: draft.itemPath,
    scope: [],
    ancestors: [],
    roles,
    upsert,
    writable: roles.create !== undefined || upsert,
    id: {
      parameter: draft.parameter,
      field: idField,
      source: idField !== undefined ? 'property' : createSuccess?.location ? 'location' : 'none',
      fieldType: idFacet && (idFacet.types.has('integer') || idFacet.types.has('number')) && !idFacet.types.has('string') ? 'number' : 'string',
      format: inferIdFormat(parameterFacet, idFacet),
      // The create body decides what a client may send, even where the answer marks the id readOnly.
      clientSupplied: bodyIdFacet !== undefined && !bodyIdFacet.readOnly,
    },
    item,
    list,
    actions: [],
    subResources: [],
    creators: [],
    source: draft.override ? 'override' : 'inferred',
  };
  return { collection, stateless };
}

function idFieldOf(draft: CollectionDraft, properties: ReadonlyMap<string, unknown>, links: readonly LinkHint[], guessed: string | undefined): string | undefined {
  const forced = draft.override?.idField;
  if (forced !== undefined) {
    if (properties.size > 0 && !properties.has(forced)) {
      throw overrideError(draft.override!.origin, `idField ${JSON.stringify(forced)} is not a member of the item (members: ${[...properties.keys()].join(', ')})`);
    }
    return forced;
  }
  const linked = draft.create && draft.read ? linkedIdField(links, draft.create, draft.read, draft.parameter) : undefined;
  if (linked !== undefined && properties.has(linked)) return linked;
  return guessed;
}

/** The JSON request body's schema of an operation, if it has one. */
function requestSchema(operation: Operation): unknown {
  return operation.requestBody?.content.find((media) => isJsonMediaType(media.mediaType))?.schema;
}

/** A stateless entry for an operation. */
export function statelessOf(operation: Operation, reason: string): StatelessOperation {
  return { operationId: operation.id, method: operation.method, path: operation.path, reason };
}

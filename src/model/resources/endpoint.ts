import type { Operation } from '../../openapi/index.js';
import { resemblesItem } from './item-spec.js';
import type { SchemaReader } from './schema-reader.js';
import { declares, type SuccessResponse } from './success-response.js';
import type { Endpoint, EndpointBody } from './types.js';

/** The item as endpoints compare against it. */
export interface ItemOutline {
  fields: readonly string[];
  idField: string | undefined;
}

/** What a success answer carries: nothing, the item's representation, or something else. */
export function bodyKindOf(reader: SchemaReader, success: SuccessResponse, item: ItemOutline): Exclude<EndpointBody, 'list'> {
  if (!success.hasContent) return 'none';
  return resemblesItem(reader.object(success.schema), item.fields, item.idField) ? 'item' : 'other';
}

/** An operation as the model answers it; `conflict` adds the status for an id that is taken. */
export function endpointOf(reader: SchemaReader, operation: Operation, success: SuccessResponse, body: EndpointBody, conflict = false): Endpoint {
  const endpoint: Endpoint = {
    operationId: operation.id,
    method: operation.method,
    path: operation.path,
    status: success.status,
    body,
    schemaPointer: success.schemaPointer,
    location: success.location,
  };
  const shape = body === 'item' ? reader.object(success.schema) : undefined;
  if (shape?.closed) endpoint.fields = [...shape.properties.keys()];
  // RFC 9110 §15.5.10: 409 for a request that conflicts with the target's state; an operation that
  // declares no 409 gets the 400 or 422 it declares instead, so the answer stays in its contract.
  if (conflict) endpoint.conflictStatus = [409, 400, 422].find((status) => declares(operation, status)) ?? 409;
  return endpoint;
}

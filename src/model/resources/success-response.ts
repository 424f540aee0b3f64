import { isJsonMediaType } from '../../core/index.js';
import type { Operation, ResponseSpec } from '../../openapi/index.js';

/** The success answer the model gives for an operation, as the document declares it. */
export interface SuccessResponse {
  status: number;
  /** The JSON body's schema as written, when the answer declares one. */
  schema: unknown;
  schemaPointer: string | undefined;
  /** True when the answer declares any content at all (JSON or not). */
  hasContent: boolean;
  location: boolean;
}

/** Success statuses in the order each kind of operation prefers them (RFC 9110 §15.3). */
export const CREATE_STATUSES = [201, 200, 202, 204] as const;
export const DELETE_STATUSES = [204, 200, 202] as const;
export const READ_STATUSES = [200, 201, 202, 204] as const;

/**
 * Picks the declared success: the first preferred status the operation declares, else its lowest
 * 2xx, else a `2XX` or `default` answer standing for the first preferred status.
 */
export function successResponse(operation: Operation, preferred: readonly number[]): SuccessResponse {
  const byKey = new Map(operation.responses.map((response) => [response.key.toUpperCase(), response]));
  let status = preferred.find((code) => byKey.has(String(code)));
  if (status === undefined) {
    const declared = operation.responses
      .map((response) => Number(response.key))
      .filter((code) => Number.isInteger(code) && code >= 200 && code < 300)
      .sort((a, b) => a - b);
    status = declared[0];
  }
  const response = status !== undefined ? byKey.get(String(status)) : (byKey.get('2XX') ?? byKey.get('DEFAULT'));
  return describe(status ?? preferred[0]!, response);
}

/** True when the operation declares exactly this status. */
export function declares(operation: Operation, status: number): boolean {
  return operation.responses.some((response) => response.key === String(status));
}

function describe(status: number, response: ResponseSpec | undefined): SuccessResponse {
  const json = response?.content.find((media) => isJsonMediaType(media.mediaType));
  return {
    status,
    schema: json?.schema,
    schemaPointer: json?.schemaPointer,
    hasContent: status !== 204 && (response?.content.length ?? 0) > 0,
    location: response !== undefined && 'location' in response.headers,
  };
}

import { escapeToken, unescapeToken } from '../../core/index.js';
import { locate, resolveRef, type OpenApiDocument, type Operation } from '../../openapi/index.js';
import type { LinkHint } from './types.js';

/** Every link the document declares on a response (OAS 3.1 §4.8.20), in document order. */
export function readDeclaredLinks(document: OpenApiDocument, operations: readonly Operation[]): LinkHint[] {
  const hints: LinkHint[] = [];
  for (const operation of operations) {
    const node = resolveRef(document, operation.pointer) as Record<string, unknown> | undefined;
    const responses = node?.responses;
    if (responses === null || typeof responses !== 'object') continue;
    for (const [status, raw] of Object.entries(responses as Record<string, unknown>)) {
      const response = locate(document, raw, `${operation.pointer}/responses/${escapeToken(status)}`);
      const links = response?.node.links;
      if (links === null || typeof links !== 'object') continue;
      for (const [name, rawLink] of Object.entries(links as Record<string, unknown>)) {
        const link = locate(document, rawLink, `${response!.pointer}/links/${escapeToken(name)}`)?.node;
        const to = typeof link?.operationId === 'string' ? link.operationId : typeof link?.operationRef === 'string' ? link.operationRef : undefined;
        if (!link || to === undefined) continue;
        const parameters: Record<string, string> = {};
        if (link.parameters !== null && typeof link.parameters === 'object') {
          for (const [parameter, expression] of Object.entries(link.parameters as Record<string, unknown>)) {
            if (typeof expression === 'string') parameters[parameter] = expression;
          }
        }
        hints.push({ from: operation.id, status, name, to, parameters });
      }
    }
  }
  return hints;
}

/**
 * The body field a create's declared link feeds into the read's id parameter
 * (`parameters: {petId: '$response.body#/id'}`), the strongest hint there is for the id field.
 */
export function linkedIdField(links: readonly LinkHint[], create: Operation, read: Operation, parameter: string): string | undefined {
  for (const link of links) {
    if (link.from !== create.id || !targets(link.to, read)) continue;
    // Parameters may be qualified by location (`path.petId`, OAS 3.1 §4.8.20.1).
    const expression = link.parameters[parameter] ?? link.parameters[`path.${parameter}`];
    const match = expression === undefined ? null : /^\$response\.body#\/([^/]+)$/.exec(expression);
    if (match) return unescapeToken(match[1]!);
  }
  return undefined;
}

function targets(to: string, operation: Operation): boolean {
  return to === operation.id || to === operation.pointer;
}

import { isJsonMediaType, type RequestFacts, type ResponseFacts } from '../core/index.js';
import { Router } from '../mock/index.js';
import type { LoadedSpec } from '../openapi/index.js';
import { SpecValidator, describe, validateResponse } from '../validation/index.js';

/** Checks recorded or proxied exchanges against a document, for live display while recording. */
export function createExchangeValidator(spec: LoadedSpec): (request: RequestFacts, response: ResponseFacts) => string[] {
  const validator = new SpecValidator(spec);
  const router = new Router(spec.operations);
  return (request, response) => {
    const route = router.resolve(request.method, request.path);
    if (!route.ok) return [`${request.method} ${request.path} is not declared in ${spec.source}`];
    const { operation } = route;
    let body: unknown;
    const contentType = response.headers['content-type'];
    if (response.body.length > 0) {
      if (isJsonMediaType(contentType)) {
        try {
          body = JSON.parse(response.body.toString('utf8'));
        } catch {
          return [`${operation.id}: the ${response.status} body claims JSON but does not parse`];
        }
      } else body = response.body;
    }
    const result = validateResponse(validator, operation, { status: response.status, headers: response.headers, body });
    const messages: string[] = [];
    if (!result.statusDeclared) messages.push(`${operation.id}: status ${response.status} is not declared`);
    if (!result.mediaTypeDeclared)
      messages.push(`${operation.id}: content type ${contentType ?? '(none)'} is not declared for ${response.status}`);
    for (const violation of result.violations)
      messages.push(`${operation.id}: ${response.status} ${describe(violation)} ${violation.message}`);
    return messages;
  };
}

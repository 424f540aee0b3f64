import { essence, mediaTypeMatches } from '../../core/index.js';
import { findResponse } from '../../openapi/index.js';
import type { Check } from './check.js';
import { findingOf } from '../findings/finding.js';

/**
 * A response with a body says what it is, in a media type declared for its status. An error's
 * media type comes from the server's one error writer, so a wrong one is one finding for the API.
 */
export const contentTypeConformance: Check = {
  name: 'content_type_conformance',
  description: 'a response body has a Content-Type declared for its status',
  run(exchange) {
    const { response, operation } = exchange;
    if (response.body.length === 0 || exchange.request.method === 'HEAD') return [];
    const declared = findResponse(operation, response.status);
    if (!declared || declared.content.length === 0) return [];
    const received = essence(response.headers['content-type']);
    const allowed = declared.content.map((entry) => entry.mediaType);
    if (received && allowed.some((range) => essence(range) === received || mediaTypeMatches(range, received))) return [];
    return [
      findingOf('content_type_conformance', exchange, {
        title: received ? `Undeclared media type ${received}` : 'Body without a Content-Type',
        expected: `Content-Type ${allowed.join(' or ')} for status ${response.status}`,
        received: received ? `Content-Type ${response.headers['content-type']}` : 'no Content-Type header',
        key: `${response.status}:${received ?? 'none'}`,
        ...(response.status >= 400 ? { scope: 'api' as const } : {}),
      }),
    ];
  },
};

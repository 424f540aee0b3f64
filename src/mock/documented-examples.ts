import type { MediaTypeSpec } from '../openapi/index.js';

/**
 * What a media type documents as its content, most specific first (OAS 3.x §4.8.14): its
 * `example`, its named `examples` in document order, then its schema's `example` and `examples`.
 */
export function documentedExamples(media: MediaTypeSpec): unknown[] {
  const candidates: unknown[] = [];
  if ('example' in media) candidates.push(media.example);
  candidates.push(...Object.values(media.examples));
  const schema = media.schema;
  if (schema && 'example' in schema) candidates.push(schema['example']);
  if (schema && Array.isArray(schema['examples'])) candidates.push(...(schema['examples'] as unknown[]));
  return candidates;
}

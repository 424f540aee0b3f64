import type { ResponseHeaderSpec, ResponseSpec } from '../openapi/index.js';
import type { AnswerMode, SchemaValues } from './schema-values.js';

// OAS 3.x §4.8.17: a response header named Content-Type is ignored; the others here frame the
// message itself, and a declared value would corrupt it.
const FRAMING = new Set(['content-type', 'content-length', 'transfer-encoding', 'connection', 'keep-alive', 'upgrade', 'trailer', 'te']);

// RFC 9110 §5.5: a field value is visible ASCII, spaces and tabs, not starting or ending with white space.
const FIELD_VALUE = /^(?:[\x21-\x7e](?:[\t\x20-\x7e]*[\x21-\x7e])?)?$/;

const SEEDS = 3;

/**
 * Every header the response declares, with its example (static answers) or a generated value,
 * each valid against the header's schema and serialised in the `simple` style (OAS §4.8.12.4);
 * a header no safe value can be found for is left out.
 */
export function responseHeaders(response: ResponseSpec, values: SchemaValues, mode: AnswerMode, seed: number): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, header] of Object.entries(response.headers)) {
    if (FRAMING.has(name)) continue;
    const value = headerValue(header, values, mode, seed);
    if (value !== undefined) headers[name] = value;
  }
  return headers;
}

function headerValue(header: ResponseHeaderSpec, values: SchemaValues, mode: AnswerMode, seed: number): string | undefined {
  const { schema, schemaPointer } = header;
  if (mode === 'static' && 'example' in header) {
    const text = serialise(header.example);
    const fits = !schemaPointer || values.accepts('response-header', schemaPointer, header.example);
    if (text !== undefined && fits) return text;
  }
  if (!schema || !schemaPointer) return undefined;
  for (let attempt = 0; attempt < SEEDS; attempt++) {
    const value = values.draw(schema, schemaPointer, 'response-header', mode, seed + attempt * 101);
    const text = serialise(value);
    if (text !== undefined && values.accepts('response-header', schemaPointer, value)) return text;
  }
  return undefined;
}

/** `simple` style: arrays and objects (as key,value pairs) comma-joined, scalars as text. */
function serialise(value: unknown): string | undefined {
  let text: string;
  if (Array.isArray(value)) text = value.map(String).join(',');
  else if (value !== null && typeof value === 'object') text = Object.entries(value).flat().map(String).join(',');
  else if (value === null || value === undefined) return undefined;
  else text = String(value);
  return FIELD_VALUE.test(text) ? text : undefined;
}

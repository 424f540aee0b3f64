import { escapeToken } from '../core/index.js';
import { locate, type OpenApiDocument } from './document.js';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export type ParameterLocation = 'path' | 'query' | 'header' | 'cookie';

/** A parameter with its refs followed; `schemaPointer` locates its schema for Ajv. */
export interface Parameter {
  name: string;
  in: ParameterLocation;
  required: boolean;
  style: string;
  explode: boolean;
  schema: Record<string, unknown> | undefined;
  schemaPointer: string | undefined;
  /** Content-based parameters (`content: {application/json: …}`) are parsed as JSON. */
  json: boolean;
  /** OAS §4.8.12: a query value may carry RFC 3986 reserved characters unescaped. */
  allowReserved: boolean;
}

/** How one property of a form or multipart body is serialised (OAS §4.8.15, the Encoding Object). */
export interface EncodingSpec {
  contentType?: string;
  style?: string;
  explode?: boolean;
  allowReserved?: boolean;
}

/** One media type of a body, with where its schema lives. */
export interface MediaTypeSpec {
  mediaType: string;
  schema: Record<string, unknown> | undefined;
  schemaPointer: string | undefined;
  example?: unknown;
  examples: Record<string, unknown>;
  /** Per-property serialisation of form and multipart bodies. */
  encoding?: Record<string, EncodingSpec>;
}

/** One declared response header; `example` is the header's own `example` or first `examples` value. */
export interface ResponseHeaderSpec {
  required: boolean;
  schema: Record<string, unknown> | undefined;
  schemaPointer: string | undefined;
  example?: unknown;
}

export interface ResponseSpec {
  /** `200`, `4XX` or `default`, as declared. */
  key: string;
  description: string;
  content: MediaTypeSpec[];
  headers: Record<string, ResponseHeaderSpec>;
}

/** One method on one path template, with everything the engine needs resolved once. */
export interface Operation {
  /** The operationId, or `METHOD /path` when the document gives none. */
  id: string;
  method: string;
  path: string;
  pointer: string;
  summary: string | undefined;
  tags: string[];
  parameters: Parameter[];
  requestBody: { required: boolean; content: MediaTypeSpec[] } | undefined;
  responses: ResponseSpec[];
  security: unknown[] | undefined;
}

/** Lists every operation of the document in document order. */
export function listOperations(document: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, rawItem] of Object.entries(document.paths ?? {})) {
    // Path keys begin with a slash (OAS §4.8.8); anything else is an `x-` extension.
    if (!path.startsWith('/')) continue;
    const itemPointer = `#/paths/${escapeToken(path)}`;
    const item = locate(document, rawItem, itemPointer);
    if (!item) continue;
    const shared = readParameters(document, item.node.parameters, `${item.pointer}/parameters`);
    for (const method of HTTP_METHODS) {
      const raw = item.node[method];
      if (raw === null || typeof raw !== 'object') continue;
      const pointer = `${item.pointer}/${method}`;
      const node = raw as Record<string, unknown>;
      const own = readParameters(document, node.parameters, `${pointer}/parameters`);
      operations.push({
        id: typeof node.operationId === 'string' ? node.operationId : `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        pointer,
        summary: typeof node.summary === 'string' ? node.summary : undefined,
        tags: Array.isArray(node.tags) ? node.tags.filter((tag): tag is string => typeof tag === 'string') : [],
        parameters: mergeParameters(shared, own),
        requestBody: readRequestBody(document, node.requestBody, `${pointer}/requestBody`),
        responses: readResponses(document, node.responses, `${pointer}/responses`),
        security: Array.isArray(node.security)
          ? node.security
          : Array.isArray(document.security)
            ? (document.security as unknown[])
            : undefined,
      });
    }
  }
  return operations;
}

// OAS §4.8.9: operation-level parameters override path-level ones with the same name and location.
function mergeParameters(shared: Parameter[], own: Parameter[]): Parameter[] {
  const merged = new Map<string, Parameter>();
  for (const parameter of [...shared, ...own]) merged.set(`${parameter.in}:${parameter.name}`, parameter);
  return [...merged.values()];
}

const IGNORED_HEADERS = new Set(['accept', 'content-type', 'authorization']);

function readParameters(document: OpenApiDocument, raw: unknown, pointer: string): Parameter[] {
  if (!Array.isArray(raw)) return [];
  const parameters: Parameter[] = [];
  raw.forEach((entry, index) => {
    const found = locate(document, entry, `${pointer}/${index}`);
    if (!found || typeof found.node.name !== 'string') return;
    const node = found.node;
    const location = node.in as ParameterLocation;
    // OAS §4.8.12.1: header parameters named Accept, Content-Type or Authorization SHALL be ignored.
    if (location === 'header' && IGNORED_HEADERS.has((node.name as string).toLowerCase())) return;
    const media = readContent(document, node.content, `${found.pointer}/content`)[0];
    const schema = media ?? schemaAt(document, node.schema, `${found.pointer}/schema`);
    const defaultStyle = location === 'query' || location === 'cookie' ? 'form' : 'simple';
    const style = typeof node.style === 'string' ? node.style : defaultStyle;
    parameters.push({
      name: node.name as string,
      in: location,
      required: location === 'path' || node.required === true,
      style,
      explode: typeof node.explode === 'boolean' ? node.explode : style === 'form',
      schema: schema?.schema,
      schemaPointer: schema?.schemaPointer,
      json: media !== undefined,
      allowReserved: node.allowReserved === true,
    });
  });
  return parameters;
}

function schemaAt(document: OpenApiDocument, raw: unknown, pointer: string) {
  if (raw === null || typeof raw !== 'object') return undefined;
  // The pointer names the schema as written (possibly a $ref), so Ajv follows the same refs we would.
  const resolved = locate(document, raw, pointer);
  return { schema: resolved?.node, schemaPointer: pointer };
}

function readContent(document: OpenApiDocument, raw: unknown, pointer: string): MediaTypeSpec[] {
  if (raw === null || typeof raw !== 'object') return [];
  const content: MediaTypeSpec[] = [];
  for (const [mediaType, entry] of Object.entries(raw as Record<string, unknown>)) {
    const mediaPointer = `${pointer}/${escapeToken(mediaType)}`;
    const node = (entry ?? {}) as Record<string, unknown>;
    const schema = schemaAt(document, node.schema, `${mediaPointer}/schema`);
    const examples: Record<string, unknown> = {};
    if (node.examples && typeof node.examples === 'object') {
      for (const [name, example] of Object.entries(node.examples as Record<string, unknown>)) {
        const found = locate(document, example, `${mediaPointer}/examples/${escapeToken(name)}`);
        if (found && 'value' in found.node) examples[name] = found.node.value;
      }
    }
    content.push({
      mediaType,
      schema: schema?.schema,
      schemaPointer: schema?.schemaPointer,
      ...('example' in node ? { example: node.example } : {}),
      examples,
      ...(node.encoding !== null && typeof node.encoding === 'object' ? { encoding: node.encoding as Record<string, EncodingSpec> } : {}),
    });
  }
  return content;
}

function readRequestBody(document: OpenApiDocument, raw: unknown, pointer: string): Operation['requestBody'] {
  const found = locate(document, raw, pointer);
  if (!found) return undefined;
  return { required: found.node.required === true, content: readContent(document, found.node.content, `${found.pointer}/content`) };
}

function readResponses(document: OpenApiDocument, raw: unknown, pointer: string): ResponseSpec[] {
  if (raw === null || typeof raw !== 'object') return [];
  const responses: ResponseSpec[] = [];
  for (const [key, entry] of Object.entries(raw as Record<string, unknown>)) {
    if (key.startsWith('x-')) continue;
    const found = locate(document, entry, `${pointer}/${escapeToken(key)}`);
    if (!found) continue;
    const headers: ResponseSpec['headers'] = {};
    const rawHeaders = found.node.headers;
    if (rawHeaders && typeof rawHeaders === 'object') {
      for (const [name, header] of Object.entries(rawHeaders as Record<string, unknown>)) {
        const headerFound = locate(document, header, `${found.pointer}/headers/${escapeToken(name)}`);
        if (!headerFound) continue;
        const schema = schemaAt(document, headerFound.node.schema, `${headerFound.pointer}/schema`);
        const example = headerExample(document, headerFound.node, headerFound.pointer);
        headers[name.toLowerCase()] = {
          required: headerFound.node.required === true,
          schema: schema?.schema,
          schemaPointer: schema?.schemaPointer,
          ...(example ? { example: example.value } : {}),
        };
      }
    }
    responses.push({
      key,
      description: typeof found.node.description === 'string' ? found.node.description : '',
      content: readContent(document, found.node.content, `${found.pointer}/content`),
      headers,
    });
  }
  return responses;
}

// OAS 3.x §4.8.21: a header carries `example` or named `examples` like a parameter does.
function headerExample(document: OpenApiDocument, node: Record<string, unknown>, pointer: string): { value: unknown } | undefined {
  if ('example' in node) return { value: node.example };
  if (!node.examples || typeof node.examples !== 'object') return undefined;
  for (const [name, example] of Object.entries(node.examples as Record<string, unknown>)) {
    const found = locate(document, example, `${pointer}/examples/${escapeToken(name)}`);
    if (found && 'value' in found.node) return { value: found.node.value };
  }
  return undefined;
}

/** Finds the response declared for a status: exact code, then `4XX`-style range, then `default`. */
export function findResponse<R extends { key: string } = ResponseSpec>(
  operation: { responses: readonly R[] },
  status: number,
): R | undefined {
  const exact = String(status);
  const range = `${exact[0]}XX`;
  return (
    operation.responses.find((response) => response.key === exact) ??
    operation.responses.find((response) => response.key.toUpperCase() === range) ??
    operation.responses.find((response) => response.key === 'default')
  );
}

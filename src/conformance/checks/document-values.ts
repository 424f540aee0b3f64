import { canonicalJson, essence, mediaTypeMatches } from '../../core/index.js';
import { findResponse, resolveRef, type LoadedSpec, type Operation } from '../../openapi/index.js';

/** What the document itself offers as values for one answer: its examples and defaults. */
export interface DocumentValues {
  /** Every example and default, as canonical JSON, to tell a value the document gave from one the target made. */
  readonly values: ReadonlySet<string>;
  /** Every string inside them, to recognise a link the document wrote. */
  readonly strings: ReadonlySet<string>;
}

const NONE: DocumentValues = { values: new Set(), strings: new Set() };
// Deep enough for any real response schema; a cycle is cut by the visited set anyway.
const MAX_DEPTH = 12;
const cache = new WeakMap<Operation, Map<string, DocumentValues>>();

/**
 * The examples (media `example`/`examples`, schema `example`/`examples`) and `default`s the
 * document declares anywhere in the response for this status and media type. A target that
 * answers with them answers from the document: where such a value breaks its own schema, or is a
 * link that cannot be followed, the cause is the document.
 */
export function documentValues(spec: LoadedSpec, operation: Operation, status: number, contentType: string | undefined): DocumentValues {
  const declared = findResponse(operation, status);
  if (!declared) return NONE;
  const type = essence(contentType);
  const media =
    declared.content.find((entry) => essence(entry.mediaType) === type) ??
    declared.content.find((entry) => type !== undefined && mediaTypeMatches(entry.mediaType, type));
  if (!media) return NONE;
  const key = `${declared.key} ${media.mediaType}`;
  const known = cache.get(operation)?.get(key);
  if (known) return known;
  const found: unknown[] = [...Object.values(media.examples), ...('example' in media ? [media.example] : [])];
  collect(media.schema, found, new Set(), 0, (ref) => resolveRef(spec.document, ref));
  const strings = new Set<string>();
  for (const value of found) stringsIn(value, strings, 0);
  const result: DocumentValues = { values: new Set(found.map((value) => canonicalJson(value))), strings };
  const byKey = cache.get(operation) ?? new Map<string, DocumentValues>();
  byKey.set(key, result);
  cache.set(operation, byKey);
  return result;
}

const everywhere = new WeakMap<LoadedSpec, ReadonlySet<string>>();

/**
 * Every string the document gives as an example or default, anywhere (operations and components):
 * an id among them that a target hands back is the document's example, not a resource it holds.
 */
export function documentStrings(spec: LoadedSpec): ReadonlySet<string> {
  let found = everywhere.get(spec);
  if (!found) {
    const strings = new Set<string>();
    examplesIn(spec.document, strings, new Set());
    everywhere.set(spec, (found = strings));
  }
  return found;
}

function examplesIn(node: unknown, out: Set<string>, seen: Set<object>): void {
  if (node === null || typeof node !== 'object' || seen.has(node)) return;
  seen.add(node);
  const record = node as Record<string, unknown>;
  for (const [key, value] of Object.entries(record)) {
    if (key === 'example' || key === 'default') stringsIn(value, out, 0);
    // OAS `examples`: a list (JSON Schema) or a map of Example Objects whose `value` is the example.
    else if (key === 'examples' && Array.isArray(value)) for (const example of value) stringsIn(example, out, 0);
    else if (key === 'examples' && value !== null && typeof value === 'object')
      for (const example of Object.values(value)) stringsIn((example as { value?: unknown } | null)?.value, out, 0);
    else examplesIn(value, out, seen);
  }
}

/** True when `value` is one of the document's own examples or defaults. */
export function isDocumentValue(values: DocumentValues, value: unknown): boolean {
  return value !== undefined && values.values.size > 0 && values.values.has(canonicalJson(value));
}

const CHILDREN = ['properties', 'patternProperties', '$defs', 'definitions'];
const SINGLE = ['items', 'additionalProperties', 'contains', 'not', 'if', 'then', 'else'];
const LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];

type Resolve = (ref: string) => unknown;

function collect(schema: unknown, out: unknown[], seen: Set<object>, depth: number, resolve: Resolve): void {
  if (schema === null || typeof schema !== 'object' || seen.has(schema) || depth > MAX_DEPTH) return;
  seen.add(schema);
  const node = schema as Record<string, unknown>;
  if (typeof node['$ref'] === 'string') collect(resolve(node['$ref']), out, seen, depth + 1, resolve);
  if ('example' in node) out.push(node['example']);
  if (Array.isArray(node['examples'])) out.push(...node['examples']);
  if ('default' in node) out.push(node['default']);
  for (const key of CHILDREN) {
    const map = node[key];
    if (map && typeof map === 'object') for (const child of Object.values(map)) collect(child, out, seen, depth + 1, resolve);
  }
  for (const key of SINGLE) collect(node[key], out, seen, depth + 1, resolve);
  for (const key of LISTS)
    if (Array.isArray(node[key])) for (const child of node[key] as unknown[]) collect(child, out, seen, depth + 1, resolve);
}

function stringsIn(value: unknown, out: Set<string>, depth: number): void {
  if (typeof value === 'string') out.add(value);
  else if (value !== null && typeof value === 'object' && depth <= MAX_DEPTH) {
    for (const child of Object.values(value as Record<string, unknown>)) stringsIn(child, out, depth + 1);
  }
}

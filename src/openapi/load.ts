import { readFile } from 'node:fs/promises';
import { SpecError } from '../core/index.js';
import { dropBrokenRefs } from './broken-refs.js';
import { dropUnusableKeywords } from './unusable-keywords.js';
import type { OpenApiDocument, OpenApiVersion } from './document.js';
import type { LoadWarning } from './load-warning.js';
import { listOperations, type Operation } from './operations.js';
import { parseText } from './parse-text.js';
import { patternWarnings } from './pattern-warnings.js';
import { structureWarnings, type DocumentVersion } from './structure-warnings.js';
import { convertSwagger2 } from './swagger2.js';
import { linesOf } from './text-lines.js';
import { cachedLoad, isJsonData, rememberLoad } from './validation-cache.js';
import { walkObjects } from './walk.js';

/** An OpenAPI document ready for routing, validation and generation, with what is wrong in it. */
export interface LoadedSpec {
  source: string;
  /** The version served: a Swagger 2.0 document is served as its OpenAPI 3.0 conversion. */
  version: OpenApiVersion;
  document: OpenApiDocument;
  operations: Operation[];
  /** Problems that do not stop serving, each where the document has it; printed once at start. */
  warnings: LoadWarning[];
}

/**
 * Reads a Swagger 2.0 or OpenAPI 3.0/3.1 document and serves what can be served: everything that
 * breaks the OpenAPI schema, every `$ref` that leads nowhere and every pattern that is not
 * ECMAScript becomes a warning naming its place; only text that cannot be read as a document of a
 * known version is refused.
 *
 * The document is kept with its `$ref`s: a dereferenced document turns circular schemas into
 * cyclic objects that Ajv cannot compile, whereas refs compile lazily and once. External refs are
 * bundled into the document first so every ref left is local. `fetched` is the text of a document
 * read from a URL (`source`) by the caller.
 */
export async function loadSpec(source: string, fetched?: string): Promise<LoadedSpec> {
  let text: string;
  try {
    // A document fetched from a URL arrives as text; `source` still names it and resolves its refs.
    text = fetched ?? (await readFile(source, 'utf8'));
  } catch (cause) {
    throw new SpecError(`cannot read spec file ${source}: ${(cause as NodeJS.ErrnoException).code ?? String(cause)}`, { cause });
  }
  const cached = cachedLoad(text);
  const parsed = cached?.yamlValue !== undefined ? { value: cached.yamlValue, json: false, warnings: [] } : parseText(text, source);
  // Taken before bundling and repairs change the document, so the next load starts from the same value.
  const yamlValue = cached || parsed.json || !isJsonData(parsed.value) ? undefined : structuredClone(parsed.value);
  if (text.trim() === '' || parsed.value === null || typeof parsed.value !== 'object' || Array.isArray(parsed.value)) {
    throw new SpecError(`spec file ${source} is empty or not an object`);
  }
  let document = parsed.value as Record<string, unknown>;
  const declared = declaredVersion(document, text, parsed.json, source);
  if (hasExternalRef(text, document)) {
    try {
      document = (await (await import('@apidevtools/swagger-parser')).default.bundle(source)) as unknown as Record<string, unknown>;
    } catch (cause) {
      throw new SpecError(`cannot resolve the external references of ${source}: ${firstLine(cause)}`, { cause });
    }
  }
  const found = [...parsed.warnings];
  if (!cached) found.push(...(await structureWarnings(document, declared)));
  // The repairs run on every load of a document that needed them: the rest of the engine follows
  // refs and reads keywords without checking them again.
  const repair = cached?.repaired !== false;
  const refRepairs = repair ? dropBrokenRefs(document) : [];
  const keywordRepairs = repair && declared !== '2.0' ? dropUnusableKeywords(document, declared) : [];
  let repaired = refRepairs.length + keywordRepairs.length > 0;
  found.push(...refRepairs);
  // The 3.0 schema check has already named unusable keywords; the 3.1 one leaves schemas to their dialect.
  if (declared === '3.1') found.push(...keywordRepairs);
  let warnings = cached?.warnings;
  if (!warnings) {
    found.push(...patternWarnings(document));
    const lines = linesOf(
      text,
      found.filter((warning) => warning.line === undefined).map((warning) => warning.pointer),
      parsed.json,
    );
    warnings = found
      .map((warning) =>
        warning.line === undefined && lines.has(warning.pointer) ? { ...warning, line: lines.get(warning.pointer)! } : warning,
      )
      .sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
  }
  if (declared === '2.0') {
    const converted = await convertSwagger2(document, source);
    document = converted.document as Record<string, unknown>;
    // The 2.0 schema check named the original places; the conversion's own notes point into the
    // converted document, which has no text and so no lines.
    if (repair && dropUnusableKeywords(document, '3.0').length > 0) repaired = true;
    if (!cached) warnings.push(...converted.warnings);
  }
  if (!cached) rememberLoad(text, { warnings, repaired, ...(yamlValue === undefined ? {} : { yamlValue }) });
  const served = document as OpenApiDocument;
  return { source, version: declared === '3.1' ? '3.1' : '3.0', document: served, operations: listOperations(served), warnings };
}

/** The version a document declares, read leniently (`3.0` and `3.0.0-rc` are 3.0); anything else is refused. */
function declaredVersion(document: Record<string, unknown>, text: string, json: boolean, source: string): DocumentVersion {
  const openapi = document.openapi;
  const swagger = document.swagger;
  // YAML reads an unquoted `swagger: 2.0` or `openapi: 3.0` as a number; the schema check warns.
  if (swagger === 2 || String(swagger).startsWith('2.0')) return '2.0';
  const match = /^3\.([01])(\.|$|-)/.exec(openapi === 3 ? '3.0' : String(openapi ?? ''));
  if (match) return match[1] === '1' ? '3.1' : '3.0';
  const field = openapi !== undefined ? 'openapi' : swagger !== undefined ? 'swagger' : undefined;
  if (field === undefined) {
    throw new SpecError(`spec file ${source} is not an OpenAPI document: it has neither "openapi" nor "swagger" at the top`);
  }
  const line = linesOf(text, [`/${field}`], json).get(`/${field}`);
  throw new SpecError(
    `spec file ${source} declares ${field} ${JSON.stringify(document[field])}${line === undefined ? '' : ` (line ${line})`}; ` +
      'the versions served are Swagger 2.0 and OpenAPI 3.0 and 3.1',
  );
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (
    message
      .split('\n')
      .find((line) => line.trim() !== '')
      ?.trim() ?? 'unknown error'
  );
}

function hasExternalRef(text: string, document: object): boolean {
  // Most documents have no `$ref` other than `#…` anywhere in their text; only those that may are walked.
  if (!/\$ref["']?\s*:(?!\s*["']?#)/.test(text)) return false;
  let found = false;
  walkObjects(document, (node) => {
    if (typeof node.$ref === 'string' && !node.$ref.startsWith('#')) found = true;
  });
  return found;
}

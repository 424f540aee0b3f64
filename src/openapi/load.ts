import { readFile } from 'node:fs/promises';
import { load as loadYaml } from 'js-yaml';
import { SpecError } from '../core/index.js';
import { versionOf, type OpenApiDocument, type OpenApiVersion } from './document.js';
import { listOperations, type Operation } from './operations.js';
import { rememberValidated, wasValidated } from './validation-cache.js';

/** A validated OpenAPI document ready for routing, validation and generation. */
export interface LoadedSpec {
  source: string;
  version: OpenApiVersion;
  document: OpenApiDocument;
  operations: Operation[];
}

/**
 * Reads, validates (swagger-parser) and indexes an OpenAPI 3.0/3.1 document.
 *
 * The document is validated on a copy and kept with its `$ref`s: a dereferenced document turns
 * circular schemas into cyclic objects that Ajv cannot compile, whereas refs compile lazily and once.
 * External refs are bundled into the document first so every ref left is local.
 */
export async function loadSpec(source: string): Promise<LoadedSpec> {
  let text: string;
  try {
    text = await readFile(source, 'utf8');
  } catch (cause) {
    throw new SpecError(`cannot read spec file ${source}: ${(cause as NodeJS.ErrnoException).code ?? String(cause)}`, { cause });
  }
  let document: OpenApiDocument;
  try {
    document = parseDocument(text) as OpenApiDocument;
  } catch (cause) {
    throw new SpecError(`cannot parse spec file ${source}: ${firstLine(cause)}`, { cause });
  }
  if (text.trim() === '' || document === null || typeof document !== 'object') {
    throw new SpecError(`spec file ${source} is empty or not an object`);
  }
  const version = versionOf(document);
  if (!version) {
    const found = (document as { swagger?: unknown; openapi?: unknown }).openapi ?? (document as { swagger?: unknown }).swagger;
    throw new SpecError(`spec file ${source} is not OpenAPI 3.0 or 3.1 (found ${JSON.stringify(found ?? null)})`);
  }
  if (hasExternalRef(document)) {
    try {
      document = (await (await swaggerParser()).bundle(source)) as unknown as OpenApiDocument;
    } catch (cause) {
      throw new SpecError(`cannot resolve references in ${source}: ${firstLine(cause)}`, { cause });
    }
  }
  if (!wasValidated(text)) {
    try {
      await (await swaggerParser()).validate(structuredClone(document) as never);
    } catch (cause) {
      throw new SpecError(`invalid OpenAPI document ${source}: ${firstLine(cause)}`, { cause });
    }
    rememberValidated(text);
  }
  return { source, version, document, operations: listOperations(document) };
}

// swagger-parser (and the Ajv build of the OpenAPI meta-schemas it carries) is loaded only when a
// document must be bundled or validated, so a restart on a known document starts faster.
async function swaggerParser() {
  return (await import('@apidevtools/swagger-parser')).default;
}

/** JSON first (the common case for big documents, and much faster), YAML otherwise. */
function parseDocument(text: string): unknown {
  const first = text.trimStart()[0];
  if (first === '{' || first === '[') {
    try {
      return JSON.parse(text);
    } catch {
      // Flow-style YAML may start with a brace too.
    }
  }
  return loadYaml(text);
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

function hasExternalRef(node: unknown): boolean {
  const stack: unknown[] = [node];
  while (stack.length > 0) {
    const current = stack.pop();
    if (current === null || typeof current !== 'object') continue;
    if (Array.isArray(current)) {
      for (const item of current) stack.push(item);
      continue;
    }
    for (const [key, value] of Object.entries(current)) {
      if (key === '$ref' && typeof value === 'string' && !value.startsWith('#')) return true;
      if (value !== null && typeof value === 'object') stack.push(value);
    }
  }
  return false;
}

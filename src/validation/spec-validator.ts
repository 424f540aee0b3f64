import type { ErrorObject, ValidateFunction } from 'ajv';
import { SpecError, getAtPointer } from '../core/index.js';
import { locate, type LoadedSpec, type OpenApiDocument } from '../openapi/index.js';
import { ajvDocument } from './ajv-document.js';
import { createAjv, type AnyAjv } from './ajv.js';
import { convertOas30Document } from './oas30.js';
import { SchemaLocator } from './schema-locator.js';
import { fromAjvError, type Violation, type ViolationLocation } from './violation.js';

const DOCUMENT_ID = 'https://everruns-contract.invalid/openapi.json';
// Keywords beside a `$ref` that say something about the schema but constrain no value.
const ANNOTATIONS = new Set(['$ref', 'description', 'title', 'summary', '$comment']);
const MAX_REF_HOPS = 64;

/**
 * Validates values against schemas of one document. The whole document is registered with Ajv once
 * and each schema is compiled by reference the first time it is needed, then kept: component
 * schemas shared by many operations compile once, and circular refs are Ajv's to resolve.
 */
export class SpecValidator {
  readonly spec: LoadedSpec;
  #ajv: AnyAjv;
  #compiled = new Map<string, ValidateFunction>();
  #registered: object;
  #locator: SchemaLocator;

  constructor(spec: LoadedSpec) {
    this.spec = spec;
    this.#ajv = createAjv(spec.version);
    const document = ajvDocument(spec.version === '3.0' ? convertOas30Document(spec.document) : spec.document) as object;
    const registered = { ...document, $id: DOCUMENT_ID } as object;
    this.#ajv.addSchema(registered, DOCUMENT_ID);
    this.#registered = registered;
    this.#locator = new SchemaLocator(registered);
  }

  /** The compiled validator of the schema at `pointer` (`#/components/schemas/App`). */
  validatorAt(pointer: string): ValidateFunction {
    let validate = this.#compiled.get(pointer);
    if (!validate) {
      const target = this.#refTarget(pointer);
      if (target !== pointer) validate = this.validatorAt(target);
      else {
        try {
          validate = this.#ajv.compile({ $ref: DOCUMENT_ID + toFragment(pointer) });
        } catch (cause) {
          throw new SpecError(`cannot compile the schema at ${pointer}: ${(cause as Error).message}`, { cause });
        }
      }
      this.#compiled.set(pointer, validate);
    }
    return validate;
  }

  /**
   * Where a schema that is only a `$ref` (a response's `$ref: '#/components/schemas/App'`) leads:
   * it shares its target's validator. Ajv compiles every root on its own, inlining what it refers
   * to, so without this a component that a dozen responses name is compiled a dozen times.
   */
  #refTarget(pointer: string): string {
    let at = pointer;
    for (let hops = 0; hops < MAX_REF_HOPS; hops++) {
      const node = getAtPointer(this.#registered, at.replace(/^#/, ''));
      const ref = node !== null && typeof node === 'object' ? (node as { $ref?: unknown }).$ref : undefined;
      if (typeof ref !== 'string' || !ref.startsWith('#') || Object.keys(node!).some((key) => !ANNOTATIONS.has(key))) return at;
      const next = plainFragment(ref);
      if (next === undefined) return at;
      at = next;
    }
    return at;
  }

  /** Violations of `value` against the schema at `pointer`, each prefixed with `prefix`. */
  check(location: ViolationLocation, pointer: string, value: unknown, prefix = ''): Violation[] {
    const validate = this.validatorAt(pointer);
    if (validate(value)) return [];
    // OAS §4.8.24: a required readOnly property is not expected in a request, nor a writeOnly one
    // in a response; Ajv knows no direction, so those `required` errors are dropped here.
    const skip = location === 'body' ? 'readOnly' : location === 'response-body' ? 'writeOnly' : undefined;
    return (validate.errors ?? [])
      .filter((error) => !(skip && error.keyword === 'required' && this.#missingIs(error, skip)))
      .map((error) => fromAjvError(location, error, prefix, this.#locator.locate(error)));
  }

  #missingIs(error: ErrorObject, flag: 'readOnly' | 'writeOnly'): boolean {
    const missing = (error.params as { missingProperty?: string }).missingProperty;
    const properties = (error.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties;
    if (missing === undefined || !properties) return false;
    const property = this.lookup(properties[missing]);
    return property?.[flag] === true;
  }

  /** Follows refs of a schema node of this document (for coercion and generation). */
  lookup = (schema: unknown): Record<string, unknown> | undefined => locate(this.spec.document, schema, '#')?.node;

  /**
   * Compiles every request and response schema of one operation per step, so callers can
   * interleave. It never throws: a schema that cannot be compiled fails only the requests that need it.
   */
  *warmSteps(): Generator<string> {
    for (const operation of this.spec.operations) {
      const pointers = [
        ...operation.parameters.map((parameter) => parameter.schemaPointer),
        ...(operation.requestBody?.content ?? []).map((media) => media.schemaPointer),
        ...operation.responses.flatMap((response) => response.content.map((media) => media.schemaPointer)),
      ];
      for (const pointer of pointers) {
        if (pointer === undefined) continue;
        try {
          this.validatorAt(pointer);
        } catch {
          // The request that needs this schema reports the SpecError itself.
        }
      }
      yield operation.id;
    }
  }
}

/** A `$ref`'s URI fragment as the plain pointer the operations use, or undefined when it is not valid percent-encoding. */
function plainFragment(fragment: string): string | undefined {
  try {
    return '#' + decodeURIComponent(fragment.slice(1));
  } catch {
    return undefined;
  }
}

/** A JSON pointer as a URI fragment: each token percent-encoded (RFC 6901 §6). */
function toFragment(pointer: string): string {
  const bare = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  return (
    '#' +
    bare
      .split('/')
      .map((token) => encodeURIComponent(token))
      .join('/')
  );
}

export type { OpenApiDocument };

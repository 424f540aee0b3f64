import fc from 'fast-check';
import { schemaArbitrary, UnsatisfiableSchema, type SchemaContext } from '../../generate/index.js';

const REQUEST = { direction: 'request' } as const;

/**
 * schemaArbitrary, falling back to the document's own examples when the generators cannot produce
 * a value for a schema: a run with fewer shapes beats a run that skips the operation.
 */
export function valueOrExamples(schema: unknown, ctx: SchemaContext, examples: readonly unknown[] = []): fc.Arbitrary<unknown> {
  try {
    return schemaArbitrary(schema, ctx, REQUEST);
  } catch (error) {
    const known = [...examples, ...schemaExamples(schema, ctx)];
    if (!(error instanceof UnsatisfiableSchema) || known.length === 0) throw error;
    return fc.constantFrom(...known);
  }
}

/** `examples` (3.1) and `example` (3.0) of a schema, following one `$ref`. */
function schemaExamples(schema: unknown, ctx: SchemaContext): unknown[] {
  let node = schema as Record<string, unknown> | undefined;
  if (node && typeof node.$ref === 'string') node = ctx.resolveRef(node.$ref) as Record<string, unknown> | undefined;
  if (!node || typeof node !== 'object') return [];
  return [...(Array.isArray(node.examples) ? node.examples : []), ...('example' in node ? [node.example] : [])];
}

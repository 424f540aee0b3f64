import { SpecError } from '../core/index.js';
import type { LoadWarning } from './load-warning.js';
import { walkObjects } from './walk.js';

const CONVERTER_WARNING = 'x-s2o-warning';

/**
 * Converts a Swagger 2.0 document to OpenAPI 3.0 with swagger2openapi, the converter the
 * APIs.guru directory itself is built with. `patch` lets it mend the small errors it knows, and
 * `warnOnly` turns what it cannot convert into notes on the objects, reported here as warnings.
 * External references were bundled before, so the converter never fetches anything.
 */
export async function convertSwagger2(document: object, source: string): Promise<{ document: object; warnings: LoadWarning[] }> {
  const { convertObj } = (await import('swagger2openapi')).default;
  let converted: object;
  try {
    converted = (
      await convertObj({ ...document, swagger: '2.0' } as never, { patch: true, warnOnly: true, warnProperty: CONVERTER_WARNING } as never)
    ).openapi;
  } catch (cause) {
    throw new SpecError(`cannot convert the Swagger 2.0 document ${source} to OpenAPI 3.0: ${(cause as Error).message}`, { cause });
  }
  const warnings: LoadWarning[] = [];
  walkObjects(converted, (node, pointer) => {
    const note = node[CONVERTER_WARNING];
    if (note === undefined) return;
    delete node[CONVERTER_WARNING];
    warnings.push({ pointer, message: `in the OpenAPI 3.0 conversion: ${String(note)}` });
  });
  return { document: converted, warnings };
}

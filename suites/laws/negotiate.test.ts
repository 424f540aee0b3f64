import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { selectResponse } from '../../src/mock/negotiate.js';
import type { Operation, ResponseSpec } from '../../src/openapi/index.js';

const SEED = Number(process.env.FC_SEED ?? 20261125);
const MEDIA = ['application/json', 'application/xml', 'text/plain', 'application/problem+json', '*/*'];

const response = fc.record({
  key: fc.oneof(
    fc.constantFrom('200', '201', '204', '2XX', '400', '404', '4XX', '500', 'default'),
    fc.integer({ min: 100, max: 599 }).map(String),
  ),
  media: fc.uniqueArray(fc.constantFrom(...MEDIA), { maxLength: 3 }),
});
const operation = fc.uniqueArray(response, { selector: (entry) => entry.key, maxLength: 6 }).map(
  (responses): Operation =>
    ({
      id: 'op',
      method: 'GET',
      path: '/x',
      pointer: '#/paths/~1x/get',
      parameters: [],
      responses: responses.map((entry): ResponseSpec => ({
        key: entry.key,
        description: '',
        headers: {},
        content: entry.media.map((mediaType) => ({ mediaType, schema: undefined, schemaPointer: undefined, examples: {} })),
      })),
    }) as unknown as Operation,
);
const accept = fc.option(fc.oneof(fc.constantFrom(...MEDIA, 'text/*;q=0.5', 'application/json;q=0', 'garbage'), fc.string()), {
  nil: undefined,
});
const preferences = fc.record({ code: fc.option(fc.integer({ min: 100, max: 599 }), { nil: undefined }) }, { requiredKeys: [] });

describe(`selectResponse is total (seed ${SEED})`, () => {
  it('always answers a declared status with a declared media type, or a 406/500 problem', () => {
    fc.assert(
      fc.property(operation, preferences, accept, (op, prefs, acceptHeader) => {
        const selection = selectResponse(op, prefs.code === undefined ? {} : { code: prefs.code }, acceptHeader);
        if (!selection.ok) {
          expect([406, 500]).toContain(selection.problem.status);
          return;
        }
        expect(op.responses).toContain(selection.response);
        if (selection.media) expect(selection.response.content).toContain(selection.media);
        if (prefs.code !== undefined) expect(selection.status).toBe(prefs.code);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { selectResponse } from '../../src/mock/negotiate.js';
import { findResponse, type Operation, type ResponseSpec } from '../../src/openapi/index.js';

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

const isFinal = (key: string) => /^[2-5](\d\d|XX)$/i.test(key) || key === 'default';

describe(`selectResponse is total (seed ${SEED})`, () => {
  it('always answers a declared status with a declared media type, or a 404/406/500 problem', () => {
    fc.assert(
      fc.property(operation, preferences, accept, (op, prefs, acceptHeader) => {
        const selection = selectResponse(op, prefs.code === undefined ? {} : { code: prefs.code }, acceptHeader);
        if (!selection.ok) {
          const { status } = selection.problem;
          // 404: the preferred code is not declared; 500: nothing final is declared at all.
          if (status === 404) expect(prefs.code !== undefined && findResponse(op, prefs.code) === undefined).toBe(true);
          else if (status === 500) expect(prefs.code === undefined && !op.responses.some((entry) => isFinal(entry.key))).toBe(true);
          else expect(status).toBe(406);
          return;
        }
        expect(op.responses).toContain(selection.response);
        expect(findResponse(op, selection.status)).toBeDefined();
        if (selection.media) expect(selection.response.content).toContain(selection.media);
        if (selection.mediaType) expect(selection.mediaType).not.toContain('*');
        if (prefs.code !== undefined) expect(selection.status).toBe(prefs.code);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('follows the documented order when no code is preferred', () => {
    fc.assert(
      fc.property(operation, (op) => {
        const selection = selectResponse(op, {}, undefined);
        const keys = op.responses.map((entry) => entry.key);
        const exact = keys.filter((key) => /^2\d\d$/.test(key)).map(Number);
        const expected =
          exact.length > 0
            ? Math.min(...exact)
            : keys.some((key) => key.toUpperCase() === '2XX' || key === 'default')
              ? 200
              : keys
                  .filter(isFinal)
                  .map((key) => (/^\d+$/.test(key) ? Number(key) : Number(key[0]) * 100))
                  .sort((a, b) => a - b)[0];
        if (expected === undefined) expect(selection.ok).toBe(false);
        else expect(selection).toMatchObject({ ok: true, status: expected });
      }),
      { seed: SEED, numRuns: 500 },
    );
  });
});

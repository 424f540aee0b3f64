import SwaggerParser from '@apidevtools/swagger-parser';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAppsModel } from '../../../../src/model/apps/index.js';
import { secretArb, sessionArb } from './arbitraries.js';
import { fakeEnv } from './fake-env.js';
import { play } from './play.js';

// ajv-formats is CommonJS; under NodeNext its default export may arrive wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as typeof import('ajv-formats').default;

const SPEC = new URL('../../../../spec/everruns-apps.openapi.yaml', import.meta.url).pathname;
const NUM_RUNS = Number(process.env.FC_NUM_RUNS ?? 40);

/** Response body validators from spec/, by `operationId status`; null where no body is declared. */
async function loadValidators(): Promise<Map<string, ValidateFunction | null>> {
  const document = (await SwaggerParser.dereference(SPEC)) as any;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  const validators = new Map<string, ValidateFunction | null>();
  for (const item of Object.values<any>(document.paths)) {
    for (const operation of Object.values<any>(item)) {
      if (!operation?.operationId) continue;
      for (const [status, response] of Object.entries<any>(operation.responses ?? {})) {
        const content = response.content ?? {};
        const media = content['application/json'] ?? content['application/problem+json'];
        validators.set(`${operation.operationId} ${status}`, media?.schema ? ajv.compile(media.schema) : null);
      }
    }
  }
  return validators;
}

describe(`the model's answers agree with spec/ (${NUM_RUNS} runs)`, () => {
  it('every status is declared and every body validates against its declared schema', async () => {
    const validators = await loadValidators();
    expect(validators.size).toBeGreaterThan(12);
    // Negative control: the validators must be able to reject, or this test would pass vacuously.
    expect(validators.get('get_app 200')!({ id: 'app_1', name: 'x' })).toBe(false);
    expect(validators.get('invoke_webhook 202')!({ accepted: true })).toBe(false);
    fc.assert(
      fc.property(sessionArb(secretArb, 25), fc.boolean(), (steps, withKey) => {
        const env = fakeEnv(withKey ? { apiKey: 'key' } : {});
        for (const { step, outcome } of play(createAppsModel(env), env, steps, new Set())) {
          const key = `${step.operationId} ${outcome.response.status}`;
          const validate = validators.get(key);
          expect(validate, `${key} is not declared`).toBeDefined();
          if (validate === null) {
            expect(outcome.response.body, `${key} declares no body`).toBeUndefined();
          } else if (!validate!(outcome.response.body)) {
            expect.fail(`${key}: ${JSON.stringify(validate!.errors)} in ${JSON.stringify(outcome.response.body)}`);
          }
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reasonPhrase } from '../../../../src/core/index.js';
import { createAppsModel } from '../../../../src/model/apps/index.js';
import type { AppsOperationId, AppsOutcome } from '../../../../src/model/apps/index.js';
import { secretArb, sessionArb } from './arbitraries.js';
import { fakeEnv } from './fake-env.js';
import { play } from './play.js';

const NUM_RUNS = Number(process.env.FC_NUM_RUNS ?? 60);
const SEED = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);

// The statuses each operation declares (apps-contract.md §1, plus 401 for management routes).
const DECLARED: Record<AppsOperationId, number[]> = {
  create_app: [201, 400, 401],
  list_apps: [200, 400, 401],
  get_app: [200, 400, 401, 404],
  update_app: [200, 400, 401, 404],
  delete_app: [204, 400, 401, 404],
  publish_app: [200, 400, 401, 404],
  unpublish_app: [200, 400, 401, 404],
  add_channel: [201, 400, 401, 404],
  update_channel: [200, 400, 401, 404],
  remove_channel: [204, 400, 401, 404],
  invoke_webhook: [202, 401, 403, 404],
  list_app_runs: [200, 400, 401, 404],
};

function expectWellFormed(operationId: AppsOperationId, path: string, outcome: AppsOutcome): void {
  const { status, body } = outcome.response;
  expect(DECLARED[operationId]).toContain(status);
  if (status >= 400) {
    const problem = body as Record<string, unknown>;
    expect(problem.status).toBe(status);
    expect(problem.title).toBe(reasonPhrase(status));
    expect(problem.type).toBe(`https://docs.everruns.com/errors/${problem.code as string}`);
    expect(problem.code).toMatch(/^[a-z]+(_[a-z]+)*$/);
    expect(typeof problem.detail).toBe('string');
    expect(problem.instance).toBe(path);
    expect(outcome.changes).toEqual([]);
  } else if (status === 204) {
    expect(body).toBeUndefined();
  }
  // Every response must survive JSON serialisation unchanged (plain data only).
  expect(JSON.parse(JSON.stringify(outcome.response))).toEqual(outcome.response);
}

describe(`Apps model properties (seed ${SEED ?? 'random'}, ${NUM_RUNS} runs)`, () => {
  it('answers every request with a declared status and a well-formed problem, never throwing', () => {
    fc.assert(
      fc.property(sessionArb(secretArb, 25), fc.boolean(), (steps, withKey) => {
        const env = fakeEnv(withKey ? { apiKey: 'key' } : {});
        const model = createAppsModel(env);
        for (const { step, request, outcome } of play(model, env, steps, new Set())) {
          expectWellFormed(step.operationId, request.path, outcome);
        }
      }),
      { numRuns: NUM_RUNS, seed: SEED },
    );
  });

  it('never returns a secret a client sent, in any body or header', () => {
    fc.assert(
      fc.property(sessionArb(secretArb, 30), (steps) => {
        const env = fakeEnv();
        const model = createAppsModel(env);
        const secrets = new Set<string>();
        for (const { outcome } of play(model, env, steps, secrets)) {
          const wire = JSON.stringify(outcome.response);
          for (const secret of secrets) expect(wire).not.toContain(secret);
        }
        // Reads after the session must be clean too.
        const everything = [
          model.handle({ operationId: 'list_apps', path: '/v1/apps', pathParams: {}, query: { include_archived: 'true' }, headers: {}, body: undefined, violations: [] }),
        ];
        for (const secret of secrets) expect(JSON.stringify(everything)).not.toContain(secret);
      }),
      { numRuns: NUM_RUNS, seed: SEED },
    );
  });

  it('keeps its state when handed raw junk instead of a request', () => {
    const model = createAppsModel(fakeEnv());
    fc.assert(
      fc.property(fc.anything(), (junk) => {
        const outcome = model.handle(junk as never);
        expect(outcome.response.status).toBeGreaterThanOrEqual(400);
        expect(outcome.response.status).toBeLessThan(500);
        expect(outcome.changes).toEqual([]);
      }),
      { numRuns: NUM_RUNS, seed: SEED },
    );
    expect(model.exportSnapshot().apps).toEqual([]);
  });

  it('changes replayed into an empty store rebuild the exported snapshot', () => {
    fc.assert(
      fc.property(sessionArb(secretArb, 25), (steps) => {
        const env = fakeEnv();
        const model = createAppsModel(env);
        const apps = new Map<string, unknown>();
        const runs = new Map<string, unknown>();
        for (const { outcome } of play(model, env, steps, new Set())) {
          for (const change of outcome.changes) {
            const copy = JSON.parse(JSON.stringify(change.record));
            (change.kind === 'app' ? apps : runs).set(change.record.id, copy);
          }
        }
        const snapshot = model.exportSnapshot();
        expect(snapshot.apps).toEqual([...apps.values()]);
        expect(new Set(snapshot.runs.map((r) => r.id))).toEqual(new Set(runs.keys()));
        expect(snapshot.runs.length).toBe(runs.size);
      }),
      { numRuns: NUM_RUNS, seed: SEED },
    );
  });
});

import { isJsonObject } from '../../core/index.js';
import type { SchemaContext } from '../../generate/index.js';
import { resolveRef, type LoadedSpec } from '../../openapi/index.js';
import type { SpecValidator } from '../../validation/index.js';
import { IdPool } from '../generate/id-pool.js';
import { STATEFUL_CHECKS, type StatefulSource } from '../stateful/index.js';
import { commandArbitraries } from './command-arbitraries.js';
import { RequestPlans } from './commands/request-plans.js';
import { ResourceJudge } from './judge.js';
import { sequenceableCollections, type ResourceMapOf } from './resource-map.js';
import { ResourceSequence } from './resource-sequence.js';

/** The replay prefix of the sequences over the inferred resources: `resources@0@-@3:1@…`. */
export const RESOURCES_REPLAY_PREFIX = 'resources';

/**
 * Command sequences over the resources inferred from any document (create, read, update, replace,
 * delete, list, below parents the sequence created), with the mock's own resource model as the
 * oracle; `mapOf` infers them as the mock does (a plug-in's operations left to it).
 */
export function createResourceSource(mapOf: ResourceMapOf): StatefulSource<ResourceSequence> {
  const judgeFor = (spec: LoadedSpec, validator: SpecValidator) => new ResourceJudge(spec, validator, mapOf(spec));
  return {
    replayPrefix: RESOURCES_REPLAY_PREFIX,
    checks: STATEFUL_CHECKS,
    commands(options) {
      const entries = sequenceableCollections(options.spec, mapOf(options.spec), options.vars);
      const plans = new RequestPlans({
        schemas: schemaContext(options.spec),
        pool: new IdPool([], options.validator),
        vars: options.vars,
        namePrefix: options.namePrefix,
        lookup: options.validator.lookup,
      });
      return commandArbitraries({
        entries,
        byName: new Map(entries.map((entry) => [entry.collection.name, entry])),
        plans,
        vars: options.vars,
      });
    },
    sequence: (session) => new ResourceSequence(session, judgeFor(session.options.spec, session.options.validator)),
    judge: ({ spec, validator }) => judgeFor(spec, validator),
    pairIds: (original, replayed, ids) => pairIds(original, replayed, ids),
  };
}

function schemaContext(spec: LoadedSpec): SchemaContext {
  return { dialect: spec.version === '3.0' ? 'oas30' : 'oas31', resolveRef: (ref) => resolveRef(spec.document, ref) };
}

// A fresh target hands out other ids: an `id`-like member of a create's answer pairs the two.
function pairIds(original: unknown, replayed: unknown, ids: Map<string, string>): void {
  if (!isJsonObject(original) || !isJsonObject(replayed)) return;
  for (const [name, value] of Object.entries(original)) {
    const other = replayed[name];
    if (!/(^|_)id$/i.test(name) || (typeof value !== 'string' && typeof value !== 'number')) continue;
    if ((typeof other === 'string' || typeof other === 'number') && String(other) !== String(value)) ids.set(String(value), String(other));
  }
}

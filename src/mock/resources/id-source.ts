import { createSampler, type Sampler, type SchemaContext } from '../../generate/index.js';
import { idFromFormat, type ResourceCollection } from '../../model/resources/index.js';

/**
 * New ids for inferred collections, all drawn from `random` so that `--seed` repeats them: a
 * `pattern` id from the schema generator (seeded from `random`), every other format by
 * `idFromFormat`. A generator is built once per pattern.
 */
export function createResourceIdSource(random: () => number, context: SchemaContext): (collection: ResourceCollection) => string {
  const samplers = new Map<string, Sampler>();
  return (collection) => {
    const { format } = collection.id;
    if (format.kind !== 'pattern') return idFromFormat(format, random);
    let sampler = samplers.get(format.pattern);
    if (!sampler) {
      sampler = createSampler({ type: 'string', pattern: format.pattern, minLength: 1 }, context, { direction: 'response' });
      samplers.set(format.pattern, sampler);
    }
    return String(sampler(Math.floor(random() * 2 ** 31)));
  };
}

export type { GenerateOptions, SchemaContext } from './context.js';
export { UnsatisfiableSchema } from './context.js';
export { schemaArbitrary } from './schema-arbitrary.js';
export type { Sampler } from './sample.js';
export { createSampler, sampleValue } from './sample.js';
export type { NegativeValue } from './negative.js';
export { hasNegative, negativeArbitrary } from './negative.js';
export { STRING_FORMATS, NUMBER_FORMAT_RANGES } from './formats.js';

import fc from 'fast-check';
import { plainString } from './string-arbitrary.js';

/** Small JSON scalars for schemas that constrain nothing (`{}` or `true`). */
export const anyJsonArbitrary: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -1000, max: 1000 }),
  plainString(0, 8),
);

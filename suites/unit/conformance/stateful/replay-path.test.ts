import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatStatefulReplay, parseStatefulReplay } from '../../../../src/conformance/stateful/replay-path.js';

const SEED = Number(process.env.FC_SEED ?? 4242);

describe(`stateful replay paths (seed ${SEED})`, () => {
  it('parse what they format', () => {
    const replay = fc.record({
      round: fc.nat({ max: 8 }),
      excluded: fc.subarray(['read_your_writes', 'partial_update', 'session_reuse']),
      path: fc.array(fc.nat({ max: 99 }), { minLength: 1, maxLength: 6 }).map((steps) => steps.join(':')),
      // fast-check's replayPath alphabet: base64 digits and one colon.
      replayPath: fc.oneof(fc.constant(''), fc.tuple(fc.base64String(), fc.base64String()).map(([a, b]) => `${a}:${b}`)),
    });
    fc.assert(
      fc.property(replay, (value) => {
        expect(parseStatefulReplay('stateful', formatStatefulReplay('stateful', value))).toEqual(value);
      }),
      { seed: SEED, numRuns: 100 },
    );
  });

  it('reject paths of other properties and of other sources', () => {
    expect(parseStatefulReplay('stateful', 'create_app:negative:0:12:3:0')).toBeUndefined();
    expect(parseStatefulReplay('stateful', 'stateful@x@-@1:2@')).toBeUndefined();
    expect(parseStatefulReplay('stateful', 'stateful@0@-@1:2')).toBeUndefined();
    expect(parseStatefulReplay('resources', 'stateful@0@-@1:2@')).toBeUndefined();
    expect(parseStatefulReplay('stateful', 'stateful@0@-@1:2@')).toEqual({ round: 0, excluded: [], path: '1:2', replayPath: '' });
  });
});

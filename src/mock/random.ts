/** A seedable PRNG (mulberry32): `--seed` makes ids and run outcomes repeat exactly. */
export function createRandom(seed: number | undefined): () => number {
  if (seed === undefined) return Math.random;
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Public ids as the platform makes them: a UUIDv7 (RFC 9562 §5.7) without dashes, so ids sort by
 * creation time. A counter breaks ties within one millisecond.
 */
export function createIdSource(random: () => number, now: () => number = Date.now): (prefix: string) => string {
  let lastMs = 0;
  let sequence = 0;
  return (prefix) => {
    const ms = now();
    sequence = ms === lastMs ? sequence + 1 : 0;
    lastMs = ms;
    const time = ms.toString(16).padStart(12, '0').slice(-12);
    const seq = (sequence & 0xfff).toString(16).padStart(3, '0');
    let tail = '';
    for (let i = 0; i < 4; i++)
      tail += Math.floor(random() * 0x10000)
        .toString(16)
        .padStart(4, '0');
    const variant = (8 + Math.floor(random() * 4)).toString(16);
    return `${prefix}_${time}7${seq}${variant}${tail.slice(1)}`;
  };
}

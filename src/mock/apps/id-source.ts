/**
 * Public ids as the Everruns platform makes them (`<prefix>_<32 hex>`, §2): a UUIDv7 (RFC 9562
 * §5.7) without dashes, so ids sort by creation time. A counter breaks ties within one millisecond.
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

// 2025-01-01T00:00:00Z: seeded clocks start here, so their ids look like ids of today's platform.
const SEEDED_EPOCH_MS = Date.UTC(2025, 0, 1);

/**
 * The clock of a seeded id source (`--seed N`): it starts N ms after 2025-01-01 and moves one ms per
 * id, so the UUIDv7 time prefix repeats with the seed like the random bits do. RFC 9562 §6.2 lets a
 * generator take its timestamps from any source that increases; ids still sort in creation order.
 */
export function seededClock(seed: number): () => number {
  let ms = SEEDED_EPOCH_MS + seed;
  return () => ms++;
}

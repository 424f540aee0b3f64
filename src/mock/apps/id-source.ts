/**
 * Public ids as the Everruns platform makes them (`<prefix>_<32 hex>`, §2): a UUIDv7 (RFC 9562
 * §5.7) without dashes, so ids sort by creation time. A counter breaks ties within one millisecond.
 */
export function createIdSource(random: () => number, now: () => number = Date.now): (prefix: string) => string {
  let lastMs = 0;
  let sequence = 0;
  // Written into one buffer and read out once, so an id is one flat string. Joined with `+`, it was
  // a rope of a dozen string objects (about 290 bytes), and every stored id kept them all alive.
  let scratch = Buffer.alloc(64);
  return (prefix) => {
    const ms = now();
    sequence = ms === lastMs ? sequence + 1 : 0;
    lastMs = ms;
    const length = prefix.length + 33;
    if (scratch.length < length) scratch = Buffer.alloc(length);
    let at = scratch.write(prefix, 0, 'latin1');
    scratch[at++] = UNDERSCORE;
    // The low 48 bits of the millisecond clock, as 12 hex digits, in two 24-bit halves.
    at = writeHex(scratch, at, Math.floor(ms / 2 ** 24) % 2 ** 24, 6);
    at = writeHex(scratch, at, ms % 2 ** 24, 6);
    scratch[at++] = VERSION_7;
    at = writeHex(scratch, at, sequence & 0xfff, 3);
    // Drawn in this order, so a seed gives the ids it always gave: four 16-bit words, then the
    // variant; the id ends with the words' last 15 digits.
    const w0 = word(random);
    const w1 = word(random);
    const w2 = word(random);
    const w3 = word(random);
    at = writeHex(scratch, at, 8 + Math.floor(random() * 4), 1);
    at = writeHex(scratch, at, w0, 3);
    at = writeHex(scratch, at, w1, 4);
    at = writeHex(scratch, at, w2, 4);
    at = writeHex(scratch, at, w3, 4);
    return scratch.toString('latin1', 0, at);
  };
}

const word = (random: () => number) => Math.floor(random() * 0x10000);
const UNDERSCORE = 0x5f;
const VERSION_7 = 0x37;
const HEX_DIGITS = Buffer.from('0123456789abcdef', 'latin1');

/** Writes the low `digits` hex digits of `value` (below 2^32) at `at`, and returns the index after them. */
function writeHex(target: Buffer, at: number, value: number, digits: number): number {
  for (let i = digits - 1; i >= 0; i--) {
    target[at + i] = HEX_DIGITS[value & 0xf]!;
    value = Math.floor(value / 16);
  }
  return at + digits;
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

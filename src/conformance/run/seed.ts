/** A 32-bit seed for one labelled part of a run (one property), derived from the run's seed (FNV-1a). */
export function deriveSeed(seed: number, label: string): number {
  let hash = 0x811c9dc5 ^ (seed >>> 0);
  for (const char of `${label}`) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  // fast-check takes any integer; keep it positive and 31-bit so it prints and parses plainly.
  return hash & 0x7fffffff;
}

/** A fresh run seed when none was given. */
export function randomSeed(): number {
  return Math.floor(Math.random() * 0x7fffffff);
}

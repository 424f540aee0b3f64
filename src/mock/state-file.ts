import { createRequire } from 'node:module';
import { UsageError } from '../core/index.js';

interface Statement {
  run(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
}

/** The part of better-sqlite3's Database the mock uses. */
export interface Database {
  pragma(source: string): unknown;
  exec(source: string): unknown;
  prepare(source: string): Statement;
  transaction<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void;
  close(): void;
}

/** One write to a layer's table: a value stored under its key, or the key removed (`value` undefined). */
export interface StateWrite {
  key: string;
  value: string | undefined;
}

/** A layer's key/value table in the state file. */
export interface StateTable {
  /** Every stored value, in no particular order. */
  values(): string[];
  isEmpty(): boolean;
  /** Applies the writes of one acknowledged request in one transaction. */
  write(writes: readonly StateWrite[]): void;
  clear(): void;
}

/** A `--state` file holding one key/value table per stateful layer. */
export interface StateFile {
  table(layer: string): StateTable;
  close(): void;
}

/**
 * Opens (or creates) a state file for layers that persist plain key/value records: one SQLite table,
 * keyed by layer and key. Each request's writes go in one transaction before the answer leaves.
 */
export function openStateFile(path: string): StateFile {
  const database = openDatabase(path);
  try {
    database.exec(
      'CREATE TABLE IF NOT EXISTS layer_state (layer TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (layer, key))',
    );
  } catch (cause) {
    database.close();
    throw new UsageError(`state file ${path} is not a usable SQLite database: ${(cause as Error).message}`);
  }
  const select = database.prepare('SELECT value FROM layer_state WHERE layer = ?');
  const upsert = database.prepare(
    'INSERT INTO layer_state (layer, key, value) VALUES (?, ?, ?) ON CONFLICT(layer, key) DO UPDATE SET value = excluded.value',
  );
  const remove = database.prepare('DELETE FROM layer_state WHERE layer = ? AND key = ?');
  const removeAll = database.prepare('DELETE FROM layer_state WHERE layer = ?');
  const any = database.prepare('SELECT 1 FROM layer_state WHERE layer = ? LIMIT 1');
  const write = database.transaction((layer: string, writes: readonly StateWrite[]) => {
    for (const { key, value } of writes) {
      if (value === undefined) remove.run(layer, key);
      else upsert.run(layer, key, value);
    }
  });
  return {
    table: (layer) => ({
      values: () => (select.all(layer) as Array<{ value: string }>).map((row) => row.value),
      isEmpty: () => any.all(layer).length === 0,
      write: (writes) => {
        if (writes.length > 0) write(layer, writes);
      },
      clear: () => void removeAll.run(layer),
    }),
    close: () => database.close(),
  };
}

/** Opens a SQLite database in WAL mode with better-sqlite3, an optional dependency: its absence is a one-line UsageError. */
export function openDatabase(path: string): Database {
  const require = createRequire(import.meta.url);
  let BetterSqlite3: new (file: string) => Database;
  try {
    BetterSqlite3 = require('better-sqlite3');
  } catch (cause) {
    throw new UsageError(
      `--state needs the optional package better-sqlite3, which is not installed or did not build (${(cause as Error).message.split('\n')[0]}); install it with: npm install better-sqlite3@12`,
    );
  }
  let database: Database;
  try {
    database = new BetterSqlite3(path);
  } catch (cause) {
    throw new UsageError(`cannot open state file ${path}: ${(cause as Error).message}`);
  }
  try {
    // WAL with synchronous=NORMAL survives a `kill -9` without an fsync per commit (SQLite §WAL): a
    // commit is in the WAL file once written, and only a checkpoint syncs. A checkpoint runs inside
    // the commit that crosses `wal_autocheckpoint` pages, so the default of 1,000 (4 MB) put one
    // in the request path every few hundred creates; at 10,000 pages (a WAL of up to 40 MB) they
    // are ten times rarer, and a create costs half as much.
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
    database.pragma(`wal_autocheckpoint = ${WAL_CHECKPOINT_PAGES}`);
  } catch (cause) {
    database.close();
    throw new UsageError(`state file ${path} is not a usable SQLite database: ${(cause as Error).message}`);
  }
  return database;
}

const WAL_CHECKPOINT_PAGES = 10_000;

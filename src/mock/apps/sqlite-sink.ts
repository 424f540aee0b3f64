import { UsageError } from '../../core/index.js';
import type { AppsSnapshot, StateChange } from '../../model/apps/index.js';
import { openDatabase } from '../state-file.js';
import type { ChangeSink } from './apps-layer.js';

/**
 * Persists the Apps state in SQLite (better-sqlite3, WAL). Each acknowledged request's changes are
 * written in one transaction before the answer leaves, so a `kill -9` loses nothing acknowledged
 * (`openDatabase` says how).
 */
export function openSqliteSink(path: string): { sink: ChangeSink; snapshot: AppsSnapshot | undefined } {
  const database = openDatabase(path);
  let snapshot: AppsSnapshot | undefined;
  try {
    database.exec(`
      CREATE TABLE IF NOT EXISTS apps (id TEXT PRIMARY KEY, record TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS runs (id TEXT PRIMARY KEY, record TEXT NOT NULL);
    `);
    const apps = database.prepare('SELECT record FROM apps').all() as Array<{ record: string }>;
    const runs = database.prepare('SELECT record FROM runs').all() as Array<{ record: string }>;
    snapshot =
      apps.length === 0 && runs.length === 0
        ? undefined
        : ({
            version: 1,
            apps: apps.map((row) => JSON.parse(row.record)),
            runs: runs.map((row) => JSON.parse(row.record)),
          } as AppsSnapshot);
  } catch (cause) {
    database.close();
    throw new UsageError(`state file ${path} is not a usable SQLite database: ${(cause as Error).message}`);
  }
  const upsertApp = database.prepare('INSERT INTO apps (id, record) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET record = excluded.record');
  const upsertRun = database.prepare('INSERT INTO runs (id, record) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET record = excluded.record');
  const clear = database.transaction(() => {
    database.exec('DELETE FROM apps; DELETE FROM runs;');
  });
  const write = database.transaction((changes: readonly StateChange[]) => {
    for (const change of changes) {
      const statement = change.kind === 'app' ? upsertApp : upsertRun;
      statement.run((change.record as { id: string }).id, JSON.stringify(change.record));
    }
  });
  return {
    snapshot,
    sink: {
      write: (changes) => write(changes),
      clear: () => clear(),
      close: () => database.close(),
    },
  };
}

import { UsageError } from '../../core/index.js';
import type { AppRecord, RunRecord } from './records.js';
import type { AppsSnapshot } from './types.js';

/**
 * The in-memory indexes of the model: apps by id, their creation order (so newest-first listing
 * is a backwards walk, not a sort) and each app's runs in start order (so a time window is a
 * backwards walk that stops at the first older run).
 */
export class AppsStore {
  readonly principalId: string;
  readonly #apps = new Map<string, AppRecord>();
  readonly #order: string[] = [];
  readonly #runs = new Map<string, RunRecord[]>();
  #version = 0;

  constructor(principalId: string) {
    this.principalId = principalId;
  }

  /** Rebuilds the indexes from a snapshot, copying it so the caller's object stays its own. */
  static fromSnapshot(snapshot: AppsSnapshot, newPrincipalId: () => string): AppsStore {
    if (snapshot === null || typeof snapshot !== 'object' || snapshot.version !== 1) {
      throw new UsageError('An Apps snapshot must be an object with version 1.');
    }
    const copy = structuredClone(snapshot);
    const apps = Array.isArray(copy.apps) ? copy.apps : [];
    const runs = Array.isArray(copy.runs) ? copy.runs : [];
    const principal = copy.principal_id ?? apps[0]?.owner_principal_id ?? newPrincipalId();
    const store = new AppsStore(principal);
    const sorted = apps
      .map((app, index) => ({ app, index, at: Date.parse(app.created_at) }))
      .sort((a, b) => a.at - b.at || a.index - b.index);
    for (const { app } of sorted) store.putApp(app);
    for (const run of runs) store.addRun(run);
    return store;
  }

  /** Bumped by every write, so an answer kept from the state can tell whether it still is current. */
  get version(): number {
    return this.#version;
  }

  /** The app with this id, deleted ones included. */
  app(id: string): AppRecord | undefined {
    return this.#apps.get(id);
  }

  /** Stores a new app or replaces an existing one with a newer version of its record. */
  putApp(record: AppRecord): void {
    if (!this.#apps.has(record.id)) this.#order.push(record.id);
    this.#apps.set(record.id, record);
    this.#version++;
  }

  /** Every app, most recently created first. */
  *appsNewestFirst(): Generator<AppRecord> {
    for (let i = this.#order.length - 1; i >= 0; i--) {
      const app = this.#apps.get(this.#order[i]!);
      if (app) yield app;
    }
  }

  /** Records a run, keeping the app's runs ordered by start time. */
  addRun(run: RunRecord): void {
    let list = this.#runs.get(run.app_id);
    if (!list) this.#runs.set(run.app_id, (list = []));
    const at = Date.parse(run.created_at);
    let i = list.length;
    // Runs almost always arrive in order, so this loop usually does not iterate.
    while (i > 0 && Date.parse(list[i - 1]!.created_at) > at) i--;
    list.splice(i, 0, run);
    this.#version++;
  }

  /** The app's runs, oldest first. */
  runsOf(appId: string): readonly RunRecord[] {
    return this.#runs.get(appId) ?? [];
  }

  /** A deep copy of the whole state. */
  snapshot(): AppsSnapshot {
    const apps: AppRecord[] = [];
    for (const id of this.#order) apps.push(this.#apps.get(id)!);
    const runs: RunRecord[] = [];
    // A loop, not push(...list): spreading a long list would overflow the call stack.
    for (const list of this.#runs.values()) for (const run of list) runs.push(run);
    return structuredClone({ version: 1, apps, runs, principal_id: this.principalId });
  }
}

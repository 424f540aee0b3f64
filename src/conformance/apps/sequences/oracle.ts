import {
  createAppsModel,
  type AppRecord,
  type AppsModel,
  type AppsOutcome,
  type AppsRequest,
  type AppsSnapshot,
} from '../../../model/apps/index.js';

/** What the oracle knows between two predictions. */
interface OracleState {
  snapshot: AppsSnapshot;
  runsPerApp?: Map<string, number>;
}

/** An id the target handed out, offered to the model when it asks for one of that prefix. */
export interface LearnedId {
  prefix: string;
  id: string;
}

/**
 * The pure Apps model as the oracle. It cannot know the target's ids or clock, so the ids it
 * draws are the ones the target's answer carried (learned before each prediction), falling back
 * to synthetic ids when the target handed out none; its clock is its own, one millisecond a step.
 */
export class Oracle {
  readonly #model: AppsModel;
  readonly #queue = new Map<string, string[]>();
  #clock: number;
  #synthetic = 0;
  // The commands ask for the apps many times a step (every candidate's precondition), and only a
  // prediction changes them: one copy of the state per prediction, not one per question.
  #state: OracleState | undefined;

  constructor(baseUrl: string, start: number = Date.now()) {
    this.#clock = start;
    this.#model = createAppsModel({
      now: () => new Date(this.#clock),
      newId: (prefix) => this.#take(prefix),
      // Run outcomes and durations are the platform's own, so nothing compares them.
      random: () => 0,
      baseUrl: baseUrl.replace(/\/+$/, ''),
      uiBaseUrl: 'https://oracle.invalid',
      runDurationMs: 0,
      runFailureRate: 0,
    });
  }

  /** The contract's answer to `request`, with the model's new ids taken from `learned` first. */
  predict(request: AppsRequest, learned: readonly LearnedId[]): AppsOutcome {
    this.#queue.clear();
    for (const { prefix, id } of learned) {
      const list = this.#queue.get(prefix) ?? [];
      list.push(id);
      this.#queue.set(prefix, list);
    }
    this.#clock += 1;
    this.#state = undefined;
    try {
      return this.#model.handle(request);
    } finally {
      // Ids the model did not ask for must not leak into the next request.
      this.#queue.clear();
    }
  }

  /** Every app the oracle knows, oldest first, secrets included (shared until the next prediction: read, never change). */
  apps(): readonly AppRecord[] {
    return this.#current().snapshot.apps;
  }

  /** How many runs each app that has any has. */
  runsPerApp(): ReadonlyMap<string, number> {
    const state = this.#current();
    if (state.runsPerApp) return state.runsPerApp;
    const counts = new Map<string, number>();
    for (const run of state.snapshot.runs) counts.set(run.app_id, (counts.get(run.app_id) ?? 0) + 1);
    return (state.runsPerApp = counts);
  }

  #current(): OracleState {
    return (this.#state ??= { snapshot: this.#model.exportSnapshot() });
  }

  #take(prefix: string): string {
    const learned = this.#queue.get(prefix)?.shift();
    if (learned) return learned;
    this.#synthetic += 1;
    // A well-formed id no target hands out: 'e' digits then a counter.
    return `${prefix}_${'e'.repeat(20)}${this.#synthetic.toString(16).padStart(12, '0')}`;
  }
}

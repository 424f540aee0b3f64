import { appsRouteOf, type AppRecord } from '../../../model/apps/index.js';
import { Sequence, type StatefulSession } from '../../stateful/index.js';
import { AppsJudge } from './judge.js';

/** One Apps command sequence: the generic sequence, plus what the Apps commands read of the oracle and the tokens they set. */
export class AppsSequence extends Sequence {
  readonly #judge: AppsJudge;
  readonly #session: StatefulSession;

  constructor(session: StatefulSession, judge = new AppsJudge(session.options.spec, session.options.validator, session.base)) {
    super(session, judge);
    this.#judge = judge;
    this.#session = session;
  }

  /** The apps this sequence created, oldest first, as the oracle holds them (secrets included). */
  apps(): readonly AppRecord[] {
    return this.#judge.oracle.apps();
  }

  /** The ids of the apps that have at least one run. */
  appsWithRuns(): Set<string> {
    return new Set(this.#judge.oracle.runsPerApp().keys());
  }

  /** True once a run listing of two or more runs was answered: their order and count have been judged. */
  runsListed(): boolean {
    return this.exchanges.some(
      (exchange) =>
        appsRouteOf(exchange.operation)?.name === 'list_app_runs' &&
        exchange.response.status === 200 &&
        ((exchange.json as { data?: unknown[] } | undefined)?.data?.length ?? 0) >= 2,
    );
  }

  /** The most runs any one app has: two or more are what a listing's order and count are judged on. */
  mostRuns(): number {
    return Math.max(0, ...this.#judge.oracle.runsPerApp().values());
  }

  /** A fresh webhook token, unique within the run and never a substring of another. */
  newToken(): string {
    this.#session.tokens += 1;
    return `whtok_${this.#session.tag}_${String(this.#session.tokens).padStart(5, '0')}x`;
  }
}

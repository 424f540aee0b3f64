import type { Exchange, RequestKind } from '../findings/exchange.js';
import { MismatchError } from './mismatch.js';
import type { StatefulRequest } from './options.js';
import type { StatefulSession } from './session.js';
import type { SequenceJudge } from './sequence-judge.js';
import { toExchange } from './to-exchange.js';

/** A request a command wants sent. */
export interface PlannedRequest {
  method: string;
  path: string;
  query?: string;
  /** A JSON value, or raw bytes sent as application/octet-stream. */
  body?: unknown;
  headers?: Record<string, string>;
  /** True to carry the runner's credentials; a call authenticated otherwise (a resource's own token) carries none. */
  credentials: boolean;
  generatedAs?: RequestKind;
}

/**
 * One command sequence against the target: fast-check's model and real system at once. Commands
 * read the source's oracle to choose what to do; `perform` sends it and has the judge hold the answer.
 */
export class Sequence {
  readonly exchanges: Exchange[] = [];
  readonly steps: string[] = [];
  /** True once the answers diverged on a rule that is not enforced: nothing after it can be judged. */
  stopped = false;
  readonly #session: StatefulSession;
  readonly #judge: SequenceJudge;

  constructor(session: StatefulSession, judge: SequenceJudge) {
    this.#session = session;
    this.#judge = judge;
  }

  /** False once the sequence should send nothing more (diverged, aborted, unreachable). */
  get active(): boolean {
    return !this.stopped && !this.#session.transportError && !this.#session.options.signal?.aborted;
  }

  /** The prefix every created resource's name starts with. */
  get namePrefix(): string {
    return this.#session.options.namePrefix;
  }

  /** Sends one request, records it, and throws a MismatchError when the answer breaks an enforced rule. */
  async perform(step: string, planned: PlannedRequest): Promise<void> {
    const { options } = this.#session;
    this.steps.push(step);
    const request = this.#request(planned);
    const routed = this.#judge.route(request.method, request.path);
    if (!routed) throw new Error(`stateful: no operation for ${request.method} ${request.path} in the document`);
    const started = performance.now();
    let response;
    try {
      response = await options.send(request);
    } catch (error) {
      this.#session.transportError = (error as Error)?.message ?? String(error);
      this.stopped = true;
      return;
    }
    this.#session.requests += 1;
    const exchange = toExchange(
      routed,
      request,
      response,
      planned.generatedAs ?? { kind: 'positive' },
      Math.round(performance.now() - started),
    );
    this.exchanges.push(exchange);
    const created = this.#judge.createdPath(routed, response, exchange.json);
    if (created !== undefined) options.onCreated(created);
    const mismatches = this.#judge.judge(routed, request, response, exchange.json);
    const enforced = mismatches.find((mismatch) => this.#session.enforced.has(mismatch.check));
    if (enforced) {
      this.#session.failure = {
        mismatch: enforced,
        exchanges: [...this.exchanges],
        steps: [...this.steps],
        secrets: [...this.#judge.secrets()],
      };
      throw new MismatchError(enforced);
    }
    if (mismatches.length > 0) this.stopped = true;
  }

  #request(planned: PlannedRequest): StatefulRequest {
    const headers: Record<string, string> = {};
    const add = (source: Record<string, string> | undefined) => {
      for (const [name, value] of Object.entries(source ?? {})) headers[name.toLowerCase()] = value;
    };
    if (planned.credentials) add(this.#session.options.headers);
    add(planned.headers);
    let body: Buffer | undefined;
    if (Buffer.isBuffer(planned.body)) {
      body = planned.body;
      headers['content-type'] ??= 'application/octet-stream';
    } else if (planned.body !== undefined) {
      body = Buffer.from(JSON.stringify(planned.body));
      headers['content-type'] ??= 'application/json';
    }
    const query = planned.query ?? '';
    const url = `${this.#session.base}${planned.path}${query ? `?${query}` : ''}`;
    return { method: planned.method, path: planned.path, query, headers, ...(body ? { body } : {}), url };
  }
}

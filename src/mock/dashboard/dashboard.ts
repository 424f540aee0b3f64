import type { IncomingMessage, ServerResponse } from 'node:http';
import { normaliseHeaders, toProblem } from '../../core/index.js';
import type { LoadedSpec, Operation } from '../../openapi/index.js';
import type { Violation } from '../../validation/index.js';
import { problem, send, sendJson } from '../respond.js';
import { KEY_COOKIE, queryKey } from './admin-key.js';
import { readAsset } from './assets.js';
import { captureExchange, sentHeaders, type CapturedExchange } from './capture.js';
import { EventStream } from './event-stream.js';
import { viewMessage, viewViolations, type ExchangeDetail, type RedactExchange, type RequestSummary } from './exchange-view.js';
import type { RequestObserver } from './request-observer.js';
import { RequestStats } from './request-stats.js';
import { RingBuffer } from './ring-buffer.js';

export interface DashboardOptions {
  spec: LoadedSpec;
  /**
   * Takes secrets out of each exchange before the page sees it (the HAR recorder's rules). Loaded
   * when the first browser connects, so a mock nobody watches never loads it.
   */
  loadRedactor: () => Promise<RedactExchange>;
  /** How many recent requests are kept for the page (default 500). */
  capacity?: number;
}

/** The dashboard at `/__mock/`: a request observer plus the routes of its page. */
export interface Dashboard extends RequestObserver {
  /** Answers a request to one of the dashboard's paths; undefined for any other path. */
  serve(req: IncomingMessage, res: ServerResponse, method: string, path: string): number | Promise<number> | undefined;
  /** True for a path the dashboard answers (with GET and HEAD), so another method there is a 405. */
  owns(path: string): boolean;
  /** Shows another document from now on (`mock --watch`): its operations are counted afresh. */
  useSpec(spec: LoadedSpec): void;
  /** Ends every open event stream, so the server can close. */
  close(): void;
}

interface Watched {
  captured: CapturedExchange;
  operation?: Operation;
  violations?: readonly Violation[];
}

interface Recorded {
  summary: RequestSummary;
  detail: ExchangeDetail;
}

const PREFIX = '/__mock/';

/** Creates the dashboard for one document; hand it to `createMockServer({dashboard})`. */
export function createDashboard(options: DashboardOptions): Dashboard {
  let { spec } = options;
  let redact: RedactExchange | undefined;
  let stats = new RequestStats(spec.operations);
  const recent = new RingBuffer<Recorded>(options.capacity ?? 500);
  const watched = new WeakMap<ServerResponse, Watched>();
  const dashboard: Dashboard = {
    watching: false,
    begin(req, res) {
      if (!req.url?.startsWith(PREFIX)) watched.set(res, { captured: captureExchange(req, res) });
    },
    validated(res, violations) {
      if (!dashboard.watching) return;
      const entry = watched.get(res);
      if (entry) entry.violations = violations;
    },
    answered(res, operation, status) {
      stats.countOperation(operation, status);
      if (!dashboard.watching) return;
      const entry = watched.get(res);
      if (entry) entry.operation = operation;
    },
    ended(req, res, status) {
      if (req.url?.startsWith(PREFIX)) return;
      stats.countRequest(status);
      if (!dashboard.watching) return;
      const entry = watched.get(res);
      if (!entry) return;
      watched.delete(res);
      const recorded = record(entry, req, res, status);
      const id = recent.push(recorded);
      recorded.summary.id = recorded.detail.id = id;
      events.send('request', id, recorded.summary);
    },
    serve(req, res, method, path) {
      const name = path.slice(PREFIX.length);
      if (method === 'GET' && name === 'events') {
        const open = () => events.open(req, res, (after) => replay(res, after));
        if (redact) return open();
        // The stream opens once the redactor is there: nothing is recorded before it is.
        return options.loadRedactor().then((loaded) => {
          redact = loaded;
          return open();
        });
      }
      if (method === 'GET' && name === 'stats') return sendJson(res, 200, stats.report());
      if (method === 'GET' && name.startsWith('exchanges/')) return sendDetail(res, name.slice('exchanges/'.length), path);
      if (method !== 'GET' && method !== 'HEAD') return undefined;
      const asset = readAsset(name);
      if (!asset) return undefined;
      req.resume();
      const key = name === '' ? queryKey(req.url ?? '') : undefined;
      if (key !== undefined) {
        // The key has passed the administration check: keep it in a cookie and drop it from the
        // address bar and history (RFC 9110 §15.4.4: 303 turns the next request into a GET).
        const cookie = `${KEY_COOKIE}=${encodeURIComponent(key)}; Path=${PREFIX}; HttpOnly; SameSite=Strict`;
        return send(res, { status: 303, headers: { location: PREFIX, 'set-cookie': cookie }, body: undefined });
      }
      const headers = { 'content-type': asset.type, 'cache-control': 'no-cache' };
      return send(res, { status: 200, headers, body: method === 'HEAD' ? undefined : asset.body });
    },
    useSpec(next) {
      spec = next;
      stats = new RequestStats(next.operations);
    },
    owns(path) {
      const name = path.slice(PREFIX.length);
      return name === 'events' || name === 'stats' || name.startsWith('exchanges/') || readAsset(name) !== undefined;
    },
    close: () => events.close(),
  };
  const events = new EventStream((count) => {
    (dashboard as { watching: boolean }).watching = count > 0;
  });

  function replay(res: ServerResponse, after: number): void {
    for (const { id, item } of recent.after(after)) events.send('request', id, item.summary, res);
  }

  function sendDetail(res: ServerResponse, id: string, path: string): number {
    const recorded = /^[1-9][0-9]*$/.test(id) ? recent.get(Number(id)) : undefined;
    if (!recorded)
      return problem(
        res,
        toProblem('route_not_found', `request ${id} is not among the recent requests the dashboard keeps`, { instance: path }),
      );
    return sendJson(res, 200, recorded.detail);
  }

  function record(entry: Watched, req: IncomingMessage, res: ServerResponse, status: number): Recorded {
    const { captured } = entry;
    const target = req.url ?? '/';
    const queryAt = target.indexOf('?');
    const requestBody = Buffer.concat(captured.request.body);
    const responseBody = Buffer.concat(captured.response.body);
    const redacted = redact!(
      {
        method: req.method ?? 'GET',
        path: queryAt < 0 ? target : target.slice(0, queryAt),
        query: queryAt < 0 ? '' : target.slice(queryAt + 1),
        headers: normaliseHeaders(req.headersDistinct as Record<string, string[]>),
        ...(requestBody.length > 0 ? { body: requestBody } : {}),
      },
      { status, headers: sentHeaders(res, captured), body: responseBody },
    );
    const { request, response } = redacted;
    const violations = viewViolations(entry.violations ?? [], entry.operation, spec.document);
    const summary: RequestSummary = {
      id: 0,
      at: new Date().toISOString(),
      method: request.method,
      path: request.path,
      query: request.query,
      status,
      ms: Math.round((performance.now() - captured.startedAt) * 10) / 10,
      operation: entry.operation?.id,
      violations,
    };
    const detail: ExchangeDetail = {
      id: 0,
      request: {
        method: request.method,
        path: request.path,
        query: request.query,
        ...viewMessage(request.headers, request.body, captured.request.size),
      },
      response: { status, ...viewMessage(response.headers, response.body, captured.response.size) },
      violations,
    };
    return { summary, detail };
  }

  return dashboard;
}

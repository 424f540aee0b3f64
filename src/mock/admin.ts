import type { IncomingMessage, ServerResponse } from 'node:http';
import { ToolkitError, toProblem } from '../core/index.js';
import { adminRefusal } from './dashboard/admin-key.js';
import type { Dashboard } from './dashboard/dashboard.js';
import { loadState } from './dashboard/load-state.js';
import { filterFromQuery } from './journal/journal-filter.js';
import type { RequestJournal } from './journal/request-journal.js';
import { problem, send, sendJson } from './respond.js';
import type { StatefulLayer } from './stateful-layer.js';
import { exportState as exportLayers } from './layer-state.js';

/** What the administration endpoints reach. */
export interface AdminContext {
  /** `--api-key`: every `/__mock/*` request must offer it. */
  apiKey: string | undefined;
  dashboard: Dashboard | undefined;
  journal: RequestJournal | undefined;
  /** The stateful layers serving now, in order of precedence. */
  layers(): readonly StatefulLayer[];
  /** How many operations the served document declares (the health answer). */
  operations(): number;
  /** Empties the state and the journal (`POST /__mock/reset`). */
  reset(): void;
}

type Handler = (req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams) => number | Promise<number>;

/** A `GET` route answers `HEAD` too (RFC 9110 §9.3.2): Node sends the head and drops the body. */
const withHead = (methods: Record<string, Handler>): Record<string, Handler> => (methods.GET ? { ...methods, HEAD: methods.GET } : methods);

/**
 * The `/__mock/*` endpoints by path and method: a known path asked with another method is a 405
 * naming the methods in `Allow` (RFC 9110 §15.5.6), an unknown path a 404, both problem+json.
 */
export function createAdmin(
  context: AdminContext,
): (req: IncomingMessage, res: ServerResponse, method: string, path: string) => number | Promise<number> {
  const drained =
    (handler: Handler): Handler =>
    (req, res, path, query) => {
      req.resume();
      return handler(req, res, path, query);
    };
  const routes: Record<string, Record<string, Handler>> = {
    '/__mock/state': withHead({
      GET: drained((_req, res, path, query) => exportState(context.layers(), res, path, query)),
      PUT: (req, res, path) => loadState(req, res, context.layers(), path),
    }),
    '/__mock/resources': withHead({ GET: drained((_req, res, path) => describeResources(context.layers(), res, path)) }),
    '/__mock/reset': {
      POST: drained((_req, res) => {
        context.reset();
        return send(res, { status: 204, headers: {}, body: undefined });
      }),
    },
    '/__mock/health': withHead({ GET: drained((_req, res) => sendJson(res, 200, { ok: true, operations: context.operations() })) }),
    '/__mock/requests': withHead({
      GET: drained((_req, res, path, query) => listRequests(context.journal, res, path, query)),
      DELETE: drained((_req, res, path) => {
        if (!context.journal) return journalOff(res, path);
        context.journal.clear();
        return send(res, { status: 204, headers: {}, body: undefined });
      }),
    }),
  };
  return (req, res, method, path) => {
    const refusal = adminRefusal(context.apiKey, req, path);
    if (refusal) {
      req.resume();
      return problem(res, refusal, { 'www-authenticate': 'Bearer realm="mock"' });
    }
    const route = routes[path];
    const handler = route?.[method];
    if (handler) {
      const target = req.url ?? '';
      const queryAt = target.indexOf('?');
      return handler(req, res, path, new URLSearchParams(queryAt < 0 ? '' : target.slice(queryAt + 1)));
    }
    const served = route ? undefined : context.dashboard?.serve(req, res, method, path);
    if (served !== undefined) return served;
    req.resume();
    const allowed = route ? Object.keys(route) : context.dashboard?.owns(path) ? ['GET', 'HEAD'] : undefined;
    if (allowed) {
      const allow = allowed.join(', ');
      const details = toProblem('method_not_allowed', `${method} is not an operation of ${path}; allowed: ${allow}`, { instance: path });
      return problem(res, details, { allow });
    }
    return problem(res, toProblem('route_not_found', `no mock administration endpoint ${method} ${path}`, { instance: path }));
  };
}

// The default hides secrets as the API does; `?secrets=include` is the snapshot that restores whole.
function exportState(layers: readonly StatefulLayer[], res: ServerResponse, path: string, query: URLSearchParams): number {
  const secrets = query.get('secrets');
  if (secrets !== null && secrets !== 'include' && secrets !== 'redact') {
    return problem(res, toProblem('invalid_request', `secrets must be 'include' or 'redact', got '${secrets}'`, { instance: path }));
  }
  if (layers.length === 0) return sendJson(res, 200, { stateless: true });
  return sendJson(res, 200, exportLayers(layers, { secrets: secrets === 'include' }));
}

/** `GET /__mock/resources`: the inferred resource map, `{stateless: true}` for a stateless mock. */
function describeResources(layers: readonly StatefulLayer[], res: ServerResponse, path: string): number {
  if (layers.length === 0) return sendJson(res, 200, { stateless: true });
  const described = layers.find((layer) => layer.describe);
  if (described) return sendJson(res, 200, described.describe!());
  return problem(res, toProblem('route_not_found', 'this mock infers no resources for its document', { instance: path }));
}

function listRequests(journal: RequestJournal | undefined, res: ServerResponse, path: string, query: URLSearchParams): number {
  if (!journal) return journalOff(res, path);
  try {
    // `key` is the dashboard's way of offering the API key, not a filter.
    const { filter, limit } = filterFromQuery(query, ['key']);
    return sendJson(res, 200, { requests: journal.list(filter, limit), capacity: journal.capacity });
  } catch (error) {
    if (!(error instanceof ToolkitError)) throw error;
    return problem(res, error.toProblem(path));
  }
}

function journalOff(res: ServerResponse, path: string): number {
  return problem(res, toProblem('route_not_found', 'the request journal is off (--journal-size 0)', { instance: path }));
}

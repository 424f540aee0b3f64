import type { Exchange } from '../findings/exchange.js';
import type { Check } from './check.js';
import { findingOf } from '../findings/finding.js';

const NAME = 'links_resolve';

/** Following a resource's `self_url` with the same credentials returns 200 and the same resource. */
export const linksResolve: Check = {
  name: NAME,
  description: "following a 2xx body's self_url returns 200 and the same id",
  async run(exchange, context) {
    const { response } = exchange;
    const body = exchange.json as { self_url?: unknown; id?: unknown } | undefined;
    if (response.status < 200 || response.status > 299 || body === null || typeof body !== 'object' || typeof body.self_url !== 'string')
      return [];
    let url: URL;
    try {
      url = new URL(body.self_url);
    } catch {
      return [
        findingOf(NAME, exchange, {
          title: 'self_url is not an absolute URL',
          expected: 'an absolute URL a client can follow',
          received: `self_url: ${body.self_url}`,
          key: 'not-absolute',
        }),
      ];
    }
    // The runner never sends anything to a host the user did not name; a link elsewhere is reported, not followed.
    const origin = new URL(exchange.request.url).origin;
    if (url.origin !== origin) {
      return [
        findingOf(NAME, exchange, {
          title: 'self_url points to another origin',
          expected: `a self_url on the target, ${origin}`,
          received: `self_url: ${body.self_url}`,
          key: 'foreign-origin',
        }),
      ];
    }
    const headers = { ...exchange.request.headers };
    delete headers['content-type'];
    delete headers['content-length'];
    const follow = { method: 'GET', url: url.href, path: url.pathname, query: url.search.slice(1), headers };
    const answer = await context.send(follow);
    const text = answer.body.toString('utf8');
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    const followed: Exchange = {
      operation: exchange.operation,
      request: follow,
      response: answer,
      json: parsed,
      generatedAs: { kind: 'positive' },
      elapsedMs: 0,
    };
    // RFC 9110 §15.5.5: gone because a concurrent DELETE of the run removed it (or its parent) is no broken link.
    if ((answer.status === 404 || answer.status === 410) && context.deletedByRun?.(url.pathname)) return [];
    if (answer.status !== 200) {
      return [
        findingOf(NAME, exchange, {
          title: `self_url answered ${answer.status}`,
          expected: `GET ${body.self_url} → 200`,
          received: String(answer.status),
          key: `status:${answer.status}`,
          more: [followed],
        }),
      ];
    }
    const id = (parsed as { id?: unknown } | undefined)?.id;
    if (body.id !== undefined && id !== body.id) {
      return [
        findingOf(NAME, exchange, {
          title: 'self_url leads to another resource',
          expected: `id ${JSON.stringify(body.id)}`,
          received: `id ${JSON.stringify(id)}`,
          key: 'id',
          more: [followed],
        }),
      ];
    }
    return [];
  },
};

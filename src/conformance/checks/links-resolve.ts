import type { Exchange } from '../findings/exchange.js';
import { findingOf, type Finding } from '../findings/finding.js';
import type { Check, CheckContext } from './check.js';
import { documentValues } from './document-values.js';

const NAME = 'links_resolve';

/**
 * Following a resource's `self_url` with the same credentials returns 200 and the same resource.
 * Links are built in one place on a server, so each way of breaking them is one finding for the
 * whole API. A link that is an example value — one the document wrote, or one on a domain reserved
 * for documentation — is no link the target built: a document warning.
 */
export const linksResolve: Check = {
  name: NAME,
  description: "following a 2xx body's self_url returns 200 and the same id",
  async run(exchange, context) {
    const { response } = exchange;
    const body = exchange.json as { self_url?: unknown; id?: unknown } | undefined;
    if (response.status < 200 || response.status > 299 || body === null || typeof body !== 'object' || typeof body.self_url !== 'string')
      return [];
    const link = body.self_url;
    const fromDocument =
      documentValues(context.spec, exchange.operation, response.status, response.headers['content-type']).strings.has(link) ||
      isPlaceholder(link);
    const broken = (key: string, title: string, expected: string, received: string, more: Exchange[] = []): Finding[] => [
      fromDocument
        ? findingOf(NAME, exchange, {
            title: 'self_url is an example value, not a link the target built',
            expected: `a self_url the target builds on its origin (or under --link-base)`,
            received: `${title}: ${received}`,
            key: `document-link:${key}`,
            severity: 'warning',
            scope: 'api',
            more,
          })
        : findingOf(NAME, exchange, { title, expected, received, key, scope: 'api', more }),
    ];
    let url: URL;
    try {
      url = onTarget(new URL(link), context);
    } catch {
      return broken('not-absolute', 'self_url is not an absolute URL', 'an absolute URL a client can follow', `self_url: ${link}`);
    }
    // The runner never sends anything to a host the user did not name; a link elsewhere is reported, not followed.
    const origin = new URL(exchange.request.url).origin;
    if (url.origin !== origin) {
      return broken(
        'foreign-origin',
        'self_url points to another origin',
        `a self_url on the target, ${origin}${context.linkBase ? ` or under --link-base ${context.linkBase}` : ''}`,
        `self_url: ${link}`,
      );
    }
    const headers = { ...exchange.request.headers };
    delete headers['content-type'];
    delete headers['content-length'];
    const follow = { method: 'GET', url: url.href, path: url.pathname, query: url.search.slice(1), headers };
    const answer = await context.send(follow);
    let parsed: unknown;
    try {
      parsed = JSON.parse(answer.body.toString('utf8'));
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
      return broken(`status:${answer.status}`, `self_url answered ${answer.status}`, `GET ${link} → 200`, String(answer.status), [
        followed,
      ]);
    }
    const id = (parsed as { id?: unknown } | undefined)?.id;
    if (body.id !== undefined && id !== body.id) {
      return broken('id', 'self_url leads to another resource', `id ${JSON.stringify(body.id)}`, `id ${JSON.stringify(id)}`, [followed]);
    }
    return [];
  },
};

// RFC 2606 §2-3 and RFC 6761 §6: names reserved for documentation and tests, never a real resource.
const RESERVED_HOST = /(^|\.)(example\.(com|net|org)|example|test|invalid)$/i;

/** True for a link on a documentation domain: an example value, not something a target built. */
function isPlaceholder(link: string): boolean {
  try {
    return RESERVED_HOST.test(new URL(link).hostname);
  } catch {
    return false;
  }
}

/** A link under --link-base, moved onto the target; any other link as it is. */
function onTarget(url: URL, context: CheckContext): URL {
  const base = context.linkBase?.replace(/\/+$/, '');
  if (!base || !(url.href === base || url.href.startsWith(`${base}/`) || url.href.startsWith(`${base}?`))) return url;
  return new URL(context.target + url.href.slice(base.length));
}

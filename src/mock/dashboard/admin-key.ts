import type { IncomingMessage } from 'node:http';
import { bearerToken, secretsEqual, toProblem, type ProblemDetails } from '../../core/index.js';

/** The cookie a browser keeps the key in after opening `/__mock/?key=…` once. */
export const KEY_COOKIE = 'mock_admin_key';

/**
 * The API key an administration request offers: `Authorization: Bearer <key>` (RFC 6750 §2.1), else
 * the dashboard's cookie, else a `key` query parameter. Browsers cannot set a header on a page load
 * or an EventSource, hence the other two.
 */
function offeredKey(req: IncomingMessage): string | undefined {
  return bearerToken(req.headers.authorization) ?? cookieKey(req.headers.cookie) ?? queryKey(req.url ?? '');
}

/** True when the mock demands no key, or the request offers the right one. */
function mayAdminister(apiKey: string | undefined, req: IncomingMessage): boolean {
  if (apiKey === undefined) return true;
  const offered = offeredKey(req);
  return offered !== undefined && secretsEqual(offered, apiKey);
}

/** The key given as `?key=` on this request, so the dashboard can turn it into a cookie. */
export function queryKey(target: string): string | undefined {
  const at = target.indexOf('?');
  if (at < 0) return undefined;
  return new URLSearchParams(target.slice(at + 1)).get('key') ?? undefined;
}

function cookieKey(header: string | undefined): string | undefined {
  for (const pair of (header ?? '').split(';')) {
    const eq = pair.indexOf('=');
    if (eq > 0 && pair.slice(0, eq).trim() === KEY_COOKIE) {
      try {
        return decodeURIComponent(pair.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** The 401 for an administration request without the mock's API key, or undefined when it may pass. */
export function adminRefusal(apiKey: string | undefined, req: IncomingMessage, path: string): ProblemDetails | undefined {
  if (mayAdminister(apiKey, req)) return undefined;
  return toProblem(
    'unauthorized',
    'the mock was started with --api-key: send Authorization: Bearer <key> to reach /__mock/*, or open /__mock/?key=<key> once in a browser',
    { instance: path },
  );
}

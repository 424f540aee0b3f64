/**
 * Planted bugs for the generic stateful checks, each a front over the real mock of the widgets
 * document (../targets/front.ts) that breaks one property, so each check is shown to catch exactly
 * the bug named for it.
 */
import { randomUUID } from 'node:crypto';
import { editJson, json, jsonObject, type Bug } from '../targets/front.js';

/** The planted bugs, by the check that must report them. */
export const RESOURCE_BUGS = {
  /** A write lost: a create stores another `size` than the one it was sent, and answers 201 with it. */
  read_your_writes: (): Bug => ({
    before(seen, forward) {
      const written = seen.method === 'POST' && seen.path === '/widgets' ? jsonObject(seen.body) : undefined;
      if (!written || written['size'] === undefined) return undefined;
      const size = Number(written['size']) === 500 ? 501 : 500;
      return forward('POST', seen.url, seen.headers, Buffer.from(JSON.stringify({ ...written, size })));
    },
  }),
  /** An update ignored: a PATCH answers 200 with the widget as it was, and changes nothing. */
  update_visible: (): Bug => ({
    before(seen, forward) {
      if (seen.method !== 'PATCH' || !WIDGET.test(seen.path)) return undefined;
      return forward('GET', seen.url, seen.headers);
    },
  }),
  /** A delete that does not delete: 204, and the widget (with its parts) stays. */
  use_after_free: (): Bug => ({
    before(seen) {
      return seen.method === 'DELETE' && WIDGET.test(seen.path) ? { status: 204, headers: {}, body: Buffer.alloc(0) } : undefined;
    },
  }),
  /** A list missing an item: the newest widget is left off every page. */
  list_consistent: (): Bug => {
    let newest: unknown;
    return {
      after(seen, answer) {
        if (seen.method === 'POST' && seen.path === '/widgets' && answer.status === 201) newest = jsonObject(answer.body)?.['id'];
        if (seen.method !== 'GET' || seen.path !== '/widgets' || answer.status !== 200) return answer;
        return editJson(answer, (list) => {
          const page = list as { data: Array<{ id: unknown }> };
          return { ...page, data: page.data.filter((widget) => widget.id !== newest) };
        });
      },
    };
  },
  /** An id changing between reads: a GET answers the widget under a fresh id. */
  ids_stable: (): Bug => ({
    after(seen, answer) {
      if (seen.method !== 'GET' || !WIDGET.test(seen.path) || answer.status !== 200) return answer;
      return editJson(answer, (widget) => ({ ...(widget as object), id: randomUUID() }));
    },
  }),
  /** A child surviving its parent: a part that answers 404 once its widget is deleted is answered as last seen. */
  no_orphans: (): Bug => {
    const parts = new Map<string, Buffer>();
    return {
      after(seen, answer) {
        const created = seen.method === 'POST' && PARTS.test(seen.path) && answer.status === 201 ? jsonObject(answer.body) : undefined;
        if (created) parts.set(`${seen.path}/${String(created['id'])}`, answer.body);
        if (!PART.test(seen.path)) return answer;
        if (answer.status === 200) parts.set(seen.path, answer.body);
        // Deleted itself, it is gone; only its widget's deletion leaves it behind.
        if (seen.method === 'DELETE' && answer.status === 204) parts.delete(seen.path);
        const kept = seen.method === 'GET' && answer.status === 404 ? parts.get(seen.path) : undefined;
        return kept ? json(200, JSON.parse(kept.toString('utf8'))) : answer;
      },
    };
  },
  /** A resource that cannot be read: a GET of a widget answers 404 though its create said 201. */
  ensure_resource_availability: (): Bug => ({
    before(seen) {
      if (seen.method !== 'GET' || !WIDGET.test(seen.path)) return undefined;
      return json(404, { type: 'about:blank', title: 'Not Found', status: 404 }, 'application/problem+json');
    },
  }),
} as const satisfies Record<string, () => Bug>;

const WIDGET = /^\/widgets\/[0-9a-f-]{36}$/;
const PARTS = /^\/widgets\/[0-9a-f-]{36}\/parts$/;
const PART = /^\/widgets\/[0-9a-f-]{36}\/parts\/[0-9a-f-]{36}$/;

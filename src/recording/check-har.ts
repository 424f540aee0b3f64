import { toPointer } from '../core/index.js';

type Path = Array<string | number>;

/** One structural problem: a JSON pointer into the document and what is wrong there. */
export type HarProblem = string;

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Checks the shape a HAR must have for playback (HAR 1.2 required members and their types).
 * Returns problems as `"<pointer>: <message>"`, at most `limit` of them; `[]` means usable.
 */
export function checkHar(document: unknown, limit = 5): HarProblem[] {
  const problems: HarProblem[] = [];
  const fail = (path: Path, message: string) => {
    if (problems.length < limit) problems.push(`${toPointer(path) || '/'}: ${message}`);
  };
  const need = (parent: Record<string, unknown>, path: Path, key: string, type: 'string' | 'number' | 'integer' | 'object' | 'array') => {
    const value = parent[key];
    const ok =
      type === 'array'
        ? Array.isArray(value)
        : type === 'object'
          ? isObject(value)
          : type === 'integer'
            ? Number.isInteger(value)
            : typeof value === type;
    if (!ok)
      fail(
        [...path, key],
        value === undefined ? `missing ${type} "${key}"` : `"${key}" must be ${type === 'integer' ? 'an' : 'a'} ${type}`,
      );
    return ok;
  };
  const pairs = (parent: Record<string, unknown>, path: Path, key: string) => {
    if (!need(parent, path, key, 'array')) return;
    (parent[key] as unknown[]).forEach((pair, i) => {
      if (!isObject(pair) || typeof pair.name !== 'string' || typeof pair.value !== 'string')
        fail([...path, key, i], 'must be {name: string, value: string}');
    });
  };

  if (!isObject(document)) return [`/: a HAR document must be a JSON object`];
  if (!need(document, [], 'log', 'object')) return problems;
  const log = document.log as Record<string, unknown>;
  need(log, ['log'], 'version', 'string');
  if (need(log, ['log'], 'creator', 'object')) {
    need(log.creator as Record<string, unknown>, ['log', 'creator'], 'name', 'string');
    need(log.creator as Record<string, unknown>, ['log', 'creator'], 'version', 'string');
  }
  if (!need(log, ['log'], 'entries', 'array')) return problems;
  (log.entries as unknown[]).forEach((entry, i) => {
    const at: Path = ['log', 'entries', i];
    if (!isObject(entry)) return fail(at, 'an entry must be an object');
    need(entry, at, 'startedDateTime', 'string');
    if (need(entry, at, 'request', 'object')) {
      const request = entry.request as Record<string, unknown>;
      const rq: Path = [...at, 'request'];
      need(request, rq, 'method', 'string');
      if (need(request, rq, 'url', 'string') && !URL.canParse(request.url as string))
        fail([...rq, 'url'], `not an absolute URL: ${String(request.url)}`);
      pairs(request, rq, 'headers');
      if (request.postData !== undefined && (!isObject(request.postData) || typeof request.postData.mimeType !== 'string')) {
        fail([...rq, 'postData'], 'must be an object with a string "mimeType"');
      }
    }
    if (need(entry, at, 'response', 'object')) {
      const response = entry.response as Record<string, unknown>;
      const rs: Path = [...at, 'response'];
      need(response, rs, 'status', 'integer');
      pairs(response, rs, 'headers');
      if (need(response, rs, 'content', 'object'))
        need(response.content as Record<string, unknown>, [...rs, 'content'], 'mimeType', 'string');
    }
  });
  return problems;
}

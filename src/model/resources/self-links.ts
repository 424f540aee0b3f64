import { isObject } from './merge-patch.js';
import type { SchemaReader } from './schema-reader.js';
import type { SelfLink } from './types.js';

const DIRECT = new Set(['self', 'self_url', 'selfUrl', 'self_link', 'selfLink', 'href']);
const CONTAINERS = new Set(['urls', 'links', '_links']);
// RFC 3986 §4.1: a URI reference may be relative, so it gets the path alone.
const RELATIVE_FORMATS = new Set(['uri-reference', 'iri-reference']);
const ABSOLUTE_FORMATS = new Set(['uri', 'iri', 'url']);

/**
 * The item's members that name the item itself: `self`, `self_url`, `href` (any string), `url` when
 * its format is a URI, and one level of link container (`urls.self`, `_links.self.href`, HAL style).
 */
export function findSelfLinks(reader: SchemaReader, properties: ReadonlyMap<string, unknown>): SelfLink[] {
  const links: SelfLink[] = [];
  for (const [name, schema] of properties) {
    const link = linkAt(reader, schema, name === 'url' ? 'uri-only' : DIRECT.has(name) ? 'any' : 'none');
    if (link) links.push({ path: [name], absolute: link.absolute });
    if (!CONTAINERS.has(name)) continue;
    const container = reader.object(schema);
    const self = container?.properties.get('self');
    if (self === undefined) continue;
    const direct = linkAt(reader, self, 'any');
    if (direct) {
      links.push({ path: [name, 'self'], absolute: direct.absolute });
      continue;
    }
    const href = reader.object(self)?.properties.get('href');
    const nested = href === undefined ? undefined : linkAt(reader, href, 'any');
    if (nested) links.push({ path: [name, 'self', 'href'], absolute: nested.absolute });
  }
  return links;
}

function linkAt(reader: SchemaReader, schema: unknown, accept: 'any' | 'uri-only' | 'none'): { absolute: boolean } | undefined {
  if (accept === 'none') return undefined;
  const facet = reader.facet(schema);
  if (facet.types.size > 0 && !facet.types.has('string')) return undefined;
  if (accept === 'uri-only' && !ABSOLUTE_FORMATS.has(facet.format ?? '')) return undefined;
  return { absolute: !RELATIVE_FORMATS.has(facet.format ?? '') };
}

/**
 * Points every self link of `target` at `path` on `origin`: the whole URL, or the path alone for a
 * URI reference or without an origin. Containers on the way (`urls` of `urls.self`) are copied,
 * never changed in place, so a shared sample or record stays as it was.
 */
export function placeSelfLinks(
  target: Record<string, unknown>,
  links: readonly SelfLink[],
  path: string,
  origin: string | undefined,
): void {
  for (const link of links) setPath(target, link.path, link.absolute && origin !== undefined ? origin + path : path);
}

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (const name of path.slice(0, -1)) {
    const child = node[name];
    const next = isObject(child) ? { ...child } : {};
    node[name] = next;
    node = next;
  }
  node[path[path.length - 1]!] = value;
}

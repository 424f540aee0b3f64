/**
 * Parses untrusted JSON bytes: strict UTF-8, bounded nesting (deep nesting would overflow the
 * validator's and serialiser's stacks later), and no prototype-polluting keys (fastify's
 * secure-json-parse rejects them the same way).
 */
export type JsonResult = { ok: true; value: unknown } | { ok: false; reason: string };

export const MAX_JSON_DEPTH = 128;

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function parseJsonBody(bytes: Buffer): JsonResult {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { ok: false, reason: 'the body is not valid UTF-8' };
  }
  const depth = nestingDepth(text);
  if (depth > MAX_JSON_DEPTH) return { ok: false, reason: `the JSON nests deeper than ${MAX_JSON_DEPTH} levels` };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `the body is not valid JSON: ${(error as Error).message}` };
  }
  if ((text.includes('__proto__') || text.includes('prototype')) && hasForbiddenKey(value)) {
    return { ok: false, reason: 'the body contains a forbidden key (__proto__ or constructor.prototype)' };
  }
  return { ok: true, value };
}

/** Maximum bracket depth outside strings, in one pass without recursion. */
function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 92) i++;
      else if (code === 34) inString = false;
    } else if (code === 34) inString = true;
    else if (code === 123 || code === 91) {
      if (++depth > max) max = depth;
      if (max > MAX_JSON_DEPTH) return max;
    } else if (code === 125 || code === 93) depth--;
  }
  return max;
}

function hasForbiddenKey(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const current = stack.pop();
    if (current === null || typeof current !== 'object') continue;
    if (Array.isArray(current)) {
      stack.push(...current);
      continue;
    }
    for (const key of Object.keys(current)) {
      const child = (current as Record<string, unknown>)[key];
      if (key === '__proto__') return true;
      if (key === 'constructor' && child !== null && typeof child === 'object' && 'prototype' in child) return true;
      stack.push(child);
    }
  }
  return false;
}

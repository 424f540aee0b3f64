/**
 * A deep copy of plain JSON data, or undefined when the value holds anything JSON cannot carry
 * (functions, symbols, bigints, non-finite numbers, class instances). Stored configs are copied
 * so that a caller mutating its request body later cannot reach into the model's state.
 */
export function copyJson(value: unknown): unknown {
  const copied = copy(value);
  return copied === INVALID ? undefined : copied;
}

const INVALID = Symbol('invalid');

function copy(value: unknown): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  // JSON has no -0 (it serialises as 0), so the copy holds what a JSON round trip would.
  if (typeof value === 'number') return Number.isFinite(value) ? value + 0 : INVALID;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) {
      const copied = copy(item === undefined ? null : item);
      if (copied === INVALID) return INVALID;
      out.push(copied);
    }
    return out;
  }
  if (typeof value === 'object') {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return INVALID;
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined) continue;
      const copied = copy(item);
      if (copied === INVALID) return INVALID;
      // defineProperty keeps a key named "__proto__" as data, as JSON.parse does.
      Object.defineProperty(out, key, { value: copied, enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return INVALID;
}

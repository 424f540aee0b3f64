import { REDACTED } from '../core/index.js';
import type { SecretValues } from './scrub.js';

/** Result of a walk over parsed JSON: the new value and whether anything changed. */
export interface JsonWalk {
  value: unknown;
  changed: boolean;
}

/**
 * Replaces string values under secret keys, at any depth. Only strings are secrets: a flag such
 * as `token_configured: true` tells the reader something useful and leaks nothing.
 */
export function redactJsonFields(value: unknown, isSecretField: (name: string) => boolean, seen: SecretValues): JsonWalk {
  let changed = false;
  const walk = (node: unknown, underSecret: boolean): unknown => {
    if (typeof node === 'string') {
      if (!underSecret || node === REDACTED) return node;
      seen.add(node);
      changed = true;
      return REDACTED;
    }
    if (Array.isArray(node)) return node.map((item) => walk(item, underSecret));
    if (node === null || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(node)) out[key] = walk(child, isSecretField(key));
    return out;
  };
  const result = walk(value, false);
  return { value: result, changed };
}

/** Replaces secret literals inside every string value (keys are left alone). */
export function scrubJsonStrings(value: unknown, scrub: (text: string) => string): JsonWalk {
  let changed = false;
  const walk = (node: unknown): unknown => {
    if (typeof node === 'string') {
      const next = scrub(node);
      if (next !== node) changed = true;
      return next;
    }
    if (Array.isArray(node)) return node.map(walk);
    if (node === null || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(node)) out[key] = walk(child);
    return out;
  };
  const result = walk(value);
  return { value: result, changed };
}

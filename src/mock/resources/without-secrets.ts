import { isSecretName } from '../../core/index.js';

/**
 * A copy of what a client wrote without the strings it sent under secret names (`token`, `secret`,
 * `api_key`, `password`, an `Authorization` header in a map), at any depth: a mock never hands a
 * secret back. Where the sample of the item has a member there, its value stands in; other members
 * go (a required one is refilled when the item is fitted to its schema).
 */
export function withoutSecrets(value: unknown, sample: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => withoutSecrets(item, Array.isArray(sample) ? sample[0] : undefined));
  if (!isRecord(value)) return value;
  const base = isRecord(sample) ? sample : {};
  const copy: Record<string, unknown> = {};
  for (const [name, member] of Object.entries(value)) {
    if (typeof member === 'string' && isSecretName(name)) {
      if (Object.hasOwn(base, name)) copy[name] = base[name];
      continue;
    }
    copy[name] = withoutSecrets(member, base[name]);
  }
  return copy;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

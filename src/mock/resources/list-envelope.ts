import type { ListSpec } from '../../model/resources/index.js';

/**
 * A list answer with the required envelope members the model cannot fill (`list.unfilled`, such as
 * a constant `object: "list"`) taken from a valid sample of the list answer's schema.
 */
export function fillEnvelope(list: ListSpec | undefined, body: unknown, sample: unknown): unknown {
  if (!list || list.unfilled.length === 0 || !isRecord(body) || !isRecord(sample)) return body;
  const filled = { ...body };
  for (const name of list.unfilled) if (!Object.hasOwn(filled, name) && Object.hasOwn(sample, name)) filled[name] = sample[name];
  return filled;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

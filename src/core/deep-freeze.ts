/**
 * Freezes a value and everything it holds. A frozen body is the mark of a shared one: a model hands
 * it out again while its item is unchanged, and the mock keeps what it derived from it (its checked
 * form, its bytes) by identity. Something that changed a shared body would answer the next read
 * wrong; frozen, the change throws.
 */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const member of Object.values(value)) deepFreeze(member);
  }
  return value;
}

/** Whether a body is shared (see {@link deepFreeze}); only shared bodies are worth keeping derived forms of. */
export function isShared(value: unknown): value is object {
  return value !== null && typeof value === 'object' && Object.isFrozen(value);
}

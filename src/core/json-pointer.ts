/** RFC 6901 JSON Pointer helpers. */

/** Escapes one reference token (`~` → `~0`, `/` → `~1`). */
export function escapeToken(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Unescapes one reference token. */
export function unescapeToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Builds a pointer from tokens; `[]` is the whole document (`""`). */
export function toPointer(tokens: ReadonlyArray<string | number>): string {
  return tokens.map((token) => '/' + escapeToken(token)).join('');
}

/** Splits a pointer (with or without a leading `#`) into unescaped tokens. */
export function parsePointer(pointer: string): string[] {
  let text = pointer.startsWith('#') ? decodeURIComponent(pointer.slice(1)) : pointer;
  if (text === '') return [];
  if (!text.startsWith('/')) throw new Error(`not a JSON pointer: ${pointer}`);
  text = text.slice(1);
  return text.split('/').map(unescapeToken);
}

/** Reads the value at `pointer`, or `undefined` when any step is missing. */
export function getAtPointer(document: unknown, pointer: string): unknown {
  let current: unknown = document;
  for (const token of parsePointer(pointer)) {
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, token)) return undefined;
    current = (current as Record<string, unknown>)[token];
  }
  return current;
}

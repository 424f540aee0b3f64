// A JSON number (RFC 8259 §6), the only text read back as one.
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/**
 * One scalar's text as a schema with these types reads it back (a parameter, a form field): a
 * number, a boolean or null where the types take one, else the text itself. A string type takes
 * any text as it is. The validator coerces by it and the negative generator predicts by it, so
 * a mutation called invalid is invalid on the wire too.
 */
export function readScalarText(text: string, types: ReadonlySet<string>): unknown {
  if (types.size === 0 || types.has('string')) return text;
  if ((types.has('number') || types.has('integer')) && NUMBER.test(text)) return Number(text);
  if (types.has('boolean') && (text === 'true' || text === 'false')) return text === 'true';
  if (types.has('null') && (text === '' || text === 'null')) return null;
  return text;
}

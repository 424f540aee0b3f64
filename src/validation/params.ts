import type { Parameter } from '../openapi/index.js';
import { shapeOf, type SchemaLookup, type ValueShape } from './coerce.js';
import { decodePath, decodeQuery, type ParameterSource } from './parameter-source.js';

export type { SchemaLookup };

const identity = (text: string) => text;

/** A value whose serialisation does not follow the parameter's style (a label value without its `.`). */
export class StyleMismatch {
  constructor(readonly message: string) {}
}

/** Reads one parameter from a request: its value, undefined when absent, or why its text is malformed. */
export type ParameterReader = (source: ParameterSource) => unknown;

/**
 * Compiles the deserialiser of one parameter for its `style`/`explode` (OAS §4.8.12.4, the table of
 * style examples) and coerces each primitive to the schema's type, so that `?limit=10` validates
 * against `type: integer`. Built once per operation; `claimed` names the operation's other query
 * parameters, which an exploded object never absorbs.
 */
export function compileParameter(parameter: Parameter, lookup: SchemaLookup, claimed: ReadonlySet<string> = new Set()): ParameterReader {
  const raw = rawGetter(parameter);
  const decoder = decoderFor(parameter);
  if (parameter.json) {
    return (source) => {
      const text = raw(source)?.[0];
      if (text === undefined) return undefined;
      try {
        return JSON.parse(decoder(source)(text));
      } catch {
        return new StyleMismatch('is not valid JSON');
      }
    };
  }
  const shape = shapeOf(parameter.schema, lookup);
  if (parameter.in === 'query' && shape.kind === 'object' && parameter.style === 'deepObject') return deepObjectReader(parameter.name, shape);
  if (shape.kind === 'object' && parameter.explode && (parameter.in === 'query' || parameter.in === 'cookie')) {
    return explodedObjectReader(parameter, shape, claimed, lookup);
  }
  const split = splitter(parameter, shape);
  return (source) => {
    const values = raw(source);
    if (values === undefined) return undefined;
    return split(values, decoder(source));
  };
}

type Decode = (text: string) => string;

/** How one item of the parameter is decoded once split: query and path by RFC 3986, cookies leniently, headers not at all. */
function decoderFor(parameter: Parameter): (source: ParameterSource) => Decode {
  if (parameter.in === 'header') return () => identity;
  if (parameter.in === 'cookie') return () => decodePath;
  const decode = parameter.in === 'query' ? decodeQuery : decodePath;
  return (source) => (source.encoded ? decode : identity);
}

/** The raw values of a parameter, or undefined when the request does not carry it. */
function rawGetter(parameter: Parameter): (source: ParameterSource) => readonly string[] | undefined {
  const { name } = parameter;
  switch (parameter.in) {
    case 'path':
      return (source) => (Object.hasOwn(source.path, name) ? [source.path[name]!] : undefined);
    case 'query':
      return (source) => source.query.get(name);
    case 'header': {
      const lower = name.toLowerCase();
      return (source) => {
        const value = source.headers[lower];
        return value === undefined ? undefined : [value];
      };
    }
    default:
      return (source) => source.cookies.get(name);
  }
}

type Split = (values: readonly string[], decode: Decode) => unknown;

/** Turns the raw values into the parameter's value by its style; delimiters per OAS §4.8.12.4. */
function splitter(parameter: Parameter, shape: ValueShape): Split {
  const { style, explode, name } = parameter;
  const prefix = style === 'label' ? '.' : style === 'matrix' ? `;${name}` : '';
  const strip = (text: string): string | StyleMismatch => {
    if (prefix === '') return text;
    if (!text.startsWith(prefix)) return new StyleMismatch(`must start with "${prefix}" (style ${style})`);
    const rest = text.slice(prefix.length);
    if (style !== 'matrix') return rest;
    // `;name` alone is the empty value; otherwise `=` follows the name.
    if (rest === '') return '';
    return rest.startsWith('=') ? rest.slice(1) : new StyleMismatch(`must read ";${name}=value" (style matrix)`);
  };
  if (shape.kind === 'primitive') {
    return (values, decode) => {
      const text = strip(values[0]!);
      return text instanceof StyleMismatch ? text : shape.coerce(decode(text));
    };
  }
  const delimiter = itemDelimiter(parameter);
  // OAS §4.8.12.4, form with explode: `id=3&id=4`, each repeated value one item, a comma in it
  // data (`AlarmNames=a%2C` is the one name "a,"). Repeated values of an array not exploded, and
  // the one value of an exploded array, may still list items.
  const exploded = explode && style === 'form';
  const items = (values: readonly string[], decode: Decode): string[] | StyleMismatch => {
    if (values.length > 1) return exploded ? values.map(decode) : values.flatMap((value) => (value === '' ? [] : splitItems(value, delimiter, decode)));
    if (style === 'matrix' && explode) return matrixItems(values[0]!, name, decode);
    const text = strip(values[0]!);
    if (text instanceof StyleMismatch) return text;
    if (text === '') return [];
    const parts = splitItems(text, delimiter, decode);
    return parameter.in === 'header' ? parts.map((part) => part.trim()) : parts;
  };
  if (shape.kind === 'array') {
    return (values, decode) => {
      const parts = items(values, decode);
      return parts instanceof StyleMismatch ? parts : parts.map(shape.item);
    };
  }
  // Objects: exploded `k=v` members (simple, label, matrix), else alternating `k,v` pairs.
  const keyed = explode && (style === 'simple' || style === 'label' || style === 'matrix');
  return (values, decode) => {
    const parts = style === 'matrix' && explode ? matrixMembers(values[0]!) : items(values, keyed ? identity : decode);
    if (parts instanceof StyleMismatch) return parts;
    const object: Record<string, unknown> = {};
    if (keyed) {
      for (const part of parts) {
        const eq = part.indexOf('=');
        if (eq < 0) return new StyleMismatch(`member "${decode(part)}" must read key=value (style ${style}, explode)`);
        setMember(object, shape, decode(part.slice(0, eq)), decode(part.slice(eq + 1)));
      }
      return object;
    }
    if (parts.length % 2 !== 0) return new StyleMismatch(`must list key${delimiter}value pairs (style ${style})`);
    for (let i = 0; i < parts.length; i += 2) setMember(object, shape, parts[i]!, parts[i + 1]!);
    return object;
  };
}

/**
 * Splits and decodes the items of one value. RFC 6570 clients keep delimiters literal and escape
 * them inside items (`a%2Cb,c` is two items); form encoders such as URLSearchParams escape every
 * delimiter too, so a value with no literal delimiter is decoded first and split after.
 */
function splitItems(text: string, delimiter: string, decode: Decode): string[] {
  if (text.includes(delimiter)) return text.split(delimiter).map(decode);
  return decode(text).split(delimiter);
}

function itemDelimiter(parameter: Parameter): string {
  if (parameter.style === 'spaceDelimited') return ' ';
  if (parameter.style === 'pipeDelimited') return '|';
  if (parameter.style === 'label' && parameter.explode) return '.';
  return ',';
}

/** `;name=a;name=b` → `[a, b]`. */
function matrixItems(text: string, name: string, decode: Decode): string[] | StyleMismatch {
  if (text !== '' && !text.startsWith(';')) return new StyleMismatch(`must start with ";${name}" (style matrix)`);
  const items: string[] = [];
  for (const part of text.split(';').slice(1)) {
    if (part !== name && !part.startsWith(`${name}=`)) return new StyleMismatch(`must repeat ";${name}=value" (style matrix, explode)`);
    items.push(decode(part.slice(name.length + 1)));
  }
  return items;
}

/** `;a=1;b=2` → `[a=1, b=2]`. */
function matrixMembers(text: string): string[] | StyleMismatch {
  if (text === '') return [];
  return text.startsWith(';') ? text.split(';').slice(1) : new StyleMismatch('must start with ";" (style matrix)');
}

/** form + explode: each property is a query parameter (or cookie) of its own, `?offset=1&limit=5`. */
function explodedObjectReader(parameter: Parameter, shape: ValueShape, claimed: ReadonlySet<string>, lookup: SchemaLookup): ParameterReader {
  const declared = [...shape.properties.keys()].filter((key) => !claimed.has(key));
  // A property that is an array takes every repeated value (`?tag=a&tag=b`).
  const arrays = new Map<string, (text: string) => unknown>();
  for (const key of declared) {
    const property = shapeOf(shape.propertySchemas.get(key), lookup);
    if (property.kind === 'array') arrays.set(key, property.item);
  }
  const decoder = decoderFor(parameter);
  const members = parameter.in === 'cookie' ? (source: ParameterSource) => source.cookies : (source: ParameterSource) => source.query;
  return (source) => {
    const decode = decoder(source);
    let object: Record<string, unknown> | undefined;
    for (const [key, values] of members(source)) {
      if (claimed.has(key)) continue;
      const known = shape.properties.has(key);
      // `__code`-style names steer the mock (Prism's conventions), they are not data.
      if (!known && (!shape.open || key.startsWith('__'))) continue;
      object ??= {};
      const item = arrays.get(key);
      setOwn(object, key, item ? values.map((value) => item(decode(value))) : (shape.properties.get(key) ?? shape.additional)(decode(values[0]!)));
    }
    return object;
  };
}

/** deepObject: `filter[status]=open&filter[owner][id]=7`. */
function deepObjectReader(name: string, shape: ValueShape): ParameterReader {
  const prefix = `${name}[`;
  return (source) => {
    const decode = source.encoded ? decodeQuery : identity;
    let object: Record<string, unknown> | undefined;
    for (const [key, values] of source.query) {
      if (!key.startsWith(prefix) || !key.endsWith(']')) continue;
      const path = key.slice(prefix.length, -1).split('][');
      const value = decode(values[0]!);
      object ??= {};
      let target = object;
      for (const member of path.slice(0, -1)) {
        const next = target[member];
        if (next === null || typeof next !== 'object' || !Object.hasOwn(target, member)) setOwn(target, member, {});
        target = target[member] as Record<string, unknown>;
      }
      const last = path[path.length - 1]!;
      setOwn(target, last, path.length === 1 ? (shape.properties.get(last) ?? shape.additional)(value) : value);
    }
    return object;
  };
}

function setMember(object: Record<string, unknown>, shape: ValueShape, key: string, text: string): void {
  setOwn(object, key, (shape.properties.get(key) ?? shape.additional)(text));
}

/** Sets an own member: defineProperty rather than assignment, so a member named "__proto__" stays plain data. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

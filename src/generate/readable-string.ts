import fc from 'fast-check';
import type { Schema } from './context.js';
import { UnsatisfiableSchema } from './context.js';
import { STRING_FORMATS } from './formats.js';
import { probedFilter } from './probe.js';
import { lengthBounds } from './string-arbitrary.js';

const pick = (...values: string[]): fc.Arbitrary<string> => fc.constantFrom(...values);
const hex = (length: number): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...'0123456789abcdef'.split('')), minLength: length, maxLength: length });
const digits = (length: number): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...'0123456789'.split('')), minLength: length, maxLength: length });

const LOREM =
  'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore magna aliqua'.split(' ');
const lorem = (min: number, max: number): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...LOREM), { minLength: min, maxLength: max }).map((w) => w.join(' '));
const capitalise = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);
const FIRST = ['Ada', 'Grace', 'Alan', 'Linus', 'Margaret', 'Dennis', 'Barbara', 'Ken', 'Frances', 'Edsger'];
const LAST = ['Lovelace', 'Hopper', 'Turing', 'Torvalds', 'Hamilton', 'Ritchie', 'Liskov', 'Thompson', 'Allen', 'Dijkstra'];
const NOUNS = ['Atlas', 'Nova', 'Orion', 'Luna', 'Juniper', 'Maple', 'Comet', 'Harbor', 'Aurora', 'Cedar'];
const WORDS = ['active', 'pending', 'draft', 'primary', 'standard', 'default', 'general', 'basic', 'public', 'internal'];
const first = pick(...FIRST);
const last = pick(...LAST);
const fullName = fc.tuple(first, last).map(([a, b]) => `${a} ${b}`);
const username = fc.tuple(first, last).map(([a, b]) => `${a}.${b}`.toLowerCase());
const domain = pick('example.com', 'example.org', 'example.net');
const email = fc.tuple(username, domain).map(([user, host]) => `${user}@${host}`);
const hostname = fc.tuple(pick('api', 'www', 'app', 'cdn'), domain).map(([sub, host]) => `${sub}.${host}`);
const url = fc.tuple(hostname, lorem(0, 2)).map(([host, path]) => `https://${host}/${path.replace(/ /g, '/')}`);

/** Formats whose generic generators are correct but random-looking, in a form a person reads. */
const READABLE_FORMATS: Readonly<Record<string, fc.Arbitrary<string>>> = {
  email,
  'idn-email': email,
  hostname,
  'idn-hostname': hostname,
  uri: url,
  url,
  iri: url,
  'uri-reference': url,
  'iri-reference': url,
};

/**
 * What a string property most plausibly holds, from its name (where Prism's json-schema-faker writes
 * lorem ipsum for any plain string): first match wins, so specific names come before general ones.
 * Names are matched in snake_case, `createdAt` and `created-at` both read as `created_at`; array
 * items carry their array's name, hence the plurals.
 */
const HINTS: ReadonlyArray<readonly [RegExp, fc.Arbitrary<string>]> = [
  [/(^|_)e_?mail(_address)?e?s?$/, email],
  [/(^|_)(url|uri|href|link|website|homepage|avatar|image|icon|logo|callback|[a-z]*hook)s?$/, url],
  [/(^|_)(at|timestamp|date_?time)$/, STRING_FORMATS['date-time']!],
  [/(^|_)(date|day|birthday|dob)$/, STRING_FORMATS['date']!],
  [/(^|_)(uuid|guid)$/, STRING_FORMATS['uuid']!],
  [/(^|_)(id|key|ref)$/, hex(12)],
  [/(^|_)(first_name|given_name|forename)$/, first],
  [/(^|_)(last_name|family_name|surname)$/, last],
  [/(^|_)(user_?name|login|handle|nickname|screen_name)$/, username],
  [/(^|_)(full_name|display_name|author|owner|contact|person|assignee|creator)$/, fullName],
  [/(^|_)name$/, pick(...NOUNS)],
  [/(^|_)(title|subject|headline|caption|label)$/, lorem(2, 4).map((text) => text.split(' ').map(capitalise).join(' '))],
  [
    /(^|_)(description|summary|comment|message|text|body|content|bio|about|notes?|details|reason|explanation)$/,
    lorem(6, 12).map((text) => `${capitalise(text)}.`),
  ],
  [/(^|_)(phone|mobile|telephone|fax|tel)(_number)?$/, digits(2).map((n) => `+1-555-01${n}`)],
  [/(^|_)city$/, pick('Berlin', 'Lisbon', 'Toronto', 'Osaka', 'Nairobi', 'Santiago')],
  [/(^|_)country_code$/, pick('US', 'DE', 'FR', 'JP', 'BR', 'KE')],
  [/(^|_)country$/, pick('Germany', 'Portugal', 'Canada', 'Japan', 'Kenya', 'Chile')],
  [/(^|_)currency(_code)?$/, pick('USD', 'EUR', 'GBP', 'JPY')],
  [/(^|_)(language|lang|locale)$/, pick('en', 'en-US', 'de-DE', 'fr', 'ja')],
  [/(^|_)(time_?zone|tz)$/, pick('UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Tokyo')],
  [/(^|_)colou?r$/, hex(6).map((value) => `#${value}`)],
  [/(^|_)slug$/, lorem(2, 3).map((text) => text.replace(/ /g, '-'))],
  [/(^|_)(sha|hash|digest|checksum|etag|commit)$/, hex(40)],
  [/(^|_)(token|secret|password|signature)$/, hex(24).map((value) => `tok_${value}`)],
  [/(^|_)version$/, fc.tuple(fc.nat(9), fc.nat(20), fc.nat(20)).map(([a, b, c]) => `${a}.${b}.${c}`)],
  [/(^|_)(ip|ip_address)$/, STRING_FORMATS['ipv4']!],
  [/(^|_)(host|hostname|domain)$/, hostname],
  [
    /(^|_)(file_?name|file)$/,
    fc.tuple(lorem(1, 2), pick('pdf', 'txt', 'png', 'csv')).map(([name, ext]) => `${name.replace(/ /g, '-')}.${ext}`),
  ],
  [/(^|_)(path|dir|directory|folder)$/, lorem(1, 3).map((text) => '/' + text.replace(/ /g, '/'))],
  [/(^|_)(mime_type|content_type|media_type)$/, pick('application/json', 'text/plain', 'image/png')],
  [/(^|_)(address|street)$/, fc.tuple(fc.integer({ min: 1, max: 999 }), pick(...NOUNS)).map(([n, street]) => `${n} ${street} Street`)],
  [/(^|_)(zip|zip_code|postal_code|postcode)$/, digits(5)],
  [/(^|_)(company|organi[sz]ation|org)$/, pick(...NOUNS).map((noun) => `${noun} Inc.`)],
  [/(^|_)(status|state|type|kind|category|role|mode|level|tags?)$/, pick(...WORDS)],
];

const FALLBACK = lorem(1, 3);

/** `createdAt`, `created-at` and `Created_At` all become `created_at`. */
export function snakeName(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_|_$/g, '')
    .toLowerCase();
}

// Formats whose generators are random printable text, and which Ajv accepts for any string.
const UNCHECKED_FORMATS = new Set(['password', 'binary']);

/**
 * A string that looks like what its property name (or its format) says, fitted to the schema's
 * lengths; undefined where the schema's own pattern or another known format decides the shape.
 */
export function readableString(schema: Schema, property: string | undefined): fc.Arbitrary<string> | undefined {
  if (typeof schema['pattern'] === 'string') return undefined;
  const { min, max } = lengthBounds(schema);
  const upper = typeof schema['maxLength'] === 'number' ? max : Infinity;
  const format = schema['format'];
  if (typeof format === 'string' && Object.hasOwn(READABLE_FORMATS, format)) {
    const length = (value: string): boolean => value.length >= min && value.length <= upper;
    try {
      return probedFilter(READABLE_FORMATS[format]!, length, 'format length');
    } catch (error) {
      if (error instanceof UnsatisfiableSchema) return undefined;
      throw error;
    }
  }
  if (typeof format === 'string' && Object.hasOwn(STRING_FORMATS, format) && !UNCHECKED_FORMATS.has(format)) return undefined;
  const name = property === undefined ? '' : snakeName(property);
  const hint = HINTS.find(([test]) => test.test(name))?.[1] ?? FALLBACK;
  return hint.map((value) => fitLength(value, min, upper));
}

/** Pads with words or cuts to lie within [min, max]; every character is ASCII, one code point each. */
export function fitLength(value: string, min: number, max: number): string {
  let text = value;
  for (let i = 0; text.length < min; i++) text += (text === '' ? '' : ' ') + LOREM[i % LOREM.length];
  if (text.length > max) text = text.slice(0, max);
  const trimmed = text.trimEnd();
  return trimmed.length >= min ? trimmed : text;
}

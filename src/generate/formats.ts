import fc from 'fast-check';

const lower = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'.split(''));
const alnum = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'.split(''));
const word = fc.tuple(lower, fc.string({ unit: alnum, maxLength: 7 })).map(([head, tail]) => head + tail);
const tld = fc.constantFrom('com', 'org', 'net', 'io', 'dev', 'example');
const hostname = fc.tuple(fc.array(word, { minLength: 1, maxLength: 2 }), tld).map(([labels, top]) => [...labels, top].join('.'));
const pathSegments = fc.array(word, { maxLength: 3 }).map((segments) => segments.map((s) => '/' + s).join(''));
const url = fc.tuple(fc.constantFrom('https', 'http'), hostname, pathSegments).map(([scheme, host, path]) => `${scheme}://${host}${path}`);
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
// Years 1970–2099 keep dates inside what every RFC 3339 parser accepts.
const instant = fc.date({ min: new Date(Date.UTC(1970, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true });
const offset = fc.constantFrom('Z', '+00:00', '+02:00', '-05:30');
const time = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 }), offset)
  .map(([h, m, s, tz]) => `${pad(h)}:${pad(m)}:${pad(s)}${tz}`);
const printable = fc.string({ unit: 'grapheme-ascii', maxLength: 16 });
const email = fc.tuple(word, hostname).map(([local, host]) => `${local}@${host}`);
const duration = fc.oneof(
  fc.integer({ min: 1, max: 90 }).map((days) => `P${days}D`),
  fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 1, max: 59 })).map(([h, m]) => `PT${h}H${m}M`),
);

/**
 * One arbitrary per string `format` the generators know; a format missing here is generated as a
 * plain string. Numeric formats live in NUMBER_FORMAT_RANGES.
 */
export const STRING_FORMATS: Readonly<Record<string, fc.Arbitrary<string>>> = {
  'date-time': instant.map((d) => d.toISOString()),
  date: instant.map((d) => d.toISOString().slice(0, 10)),
  time,
  'iso-date-time': instant.map((d) => d.toISOString()),
  'iso-time': time,
  email,
  'idn-email': email,
  uri: url,
  url,
  iri: url,
  'uri-reference': fc.oneof(
    url,
    pathSegments.map((path) => path || '/'),
  ),
  'iri-reference': url,
  'uri-template': fc.tuple(url, word).map(([base, name]) => `${base}/{${name}}`),
  'json-pointer': pathSegments,
  'json-pointer-uri-fragment': pathSegments.map((path) => `#${path}`),
  'relative-json-pointer': fc.tuple(fc.nat(3), pathSegments).map(([up, path]) => `${up}${path}`),
  duration,
  uuid: fc.uuid(),
  hostname,
  'idn-hostname': hostname,
  ipv4: fc.ipV4(),
  ipv6: fc.ipV6(),
  byte: fc.uint8Array({ maxLength: 24 }).map((bytes) => Buffer.from(bytes).toString('base64')),
  binary: printable,
  password: printable,
  regex: fc.constantFrom('^[a-z]+$', '\\d{3}', '^(foo|bar)$', '.*', '[A-Z][a-z]*'),
};

/** Value ranges of the numeric formats OAS defines (§4.4, data types). */
export const NUMBER_FORMAT_RANGES: Readonly<Record<string, { min: number; max: number; integer: boolean }>> = {
  int32: { min: -(2 ** 31), max: 2 ** 31 - 1, integer: true },
  // int64 beyond 2^53 cannot survive a round-trip through a JavaScript number.
  int64: { min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER, integer: true },
  float: { min: -3.4028234663852886e38, max: 3.4028234663852886e38, integer: false },
  double: { min: -Number.MAX_VALUE, max: Number.MAX_VALUE, integer: false },
};

/** The arbitrary for a string format, or undefined when the format is unknown. */
export function formatArbitrary(format: unknown): fc.Arbitrary<string> | undefined {
  return typeof format === 'string' && Object.hasOwn(STRING_FORMATS, format) ? STRING_FORMATS[format] : undefined;
}

/** Strings that break a known format, for negative values (undefined when none is known). */
export function invalidForFormat(format: unknown): string | undefined {
  if (typeof format !== 'string') return undefined;
  const invalid: Record<string, string> = {
    'date-time': '2021-13-45T25:61:00Z',
    'iso-date-time': '2021-13-45T25:61:00Z',
    'iso-time': '25:61:00',
    'uri-reference': 'not a uri',
    'uri-template': '{unclosed',
    'json-pointer': 'a/b',
    'relative-json-pointer': '/a',
    duration: 'P',
    date: '2021-02-30x',
    time: '25:61:00',
    email: 'not-an-email',
    uri: 'not a uri',
    uuid: 'not-a-uuid',
    hostname: '-bad-.host-',
    ipv4: '256.256.256.256',
    ipv6: 'not:an:ipv6',
    byte: '***',
    regex: '(unclosed',
  };
  return invalid[format];
}

import type { IdFormat } from './types.js';

/** Every format a pure function can draw from; a `pattern` needs the schema-driven generator. */
export type GeneratedIdFormat = Exclude<IdFormat, { kind: 'pattern' }>;

const HEX = '0123456789abcdef';
const ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyz0123456789';
// Long enough that random ids practically never collide, short enough to read in a log.
const STRING_LENGTH = 16;

/** Draws a fresh id of the format from `random` (values in [0, 1)); pure, so a seed replays it. */
export function idFromFormat(format: GeneratedIdFormat, random: () => number): string {
  switch (format.kind) {
    case 'prefixed':
      return format.prefix + draw(HEX, format.hexLength, random);
    case 'uuid':
      return uuidV4(random);
    case 'integer':
      return String(format.minimum + Math.floor(random() * (format.maximum - format.minimum + 1)));
    case 'string':
      return draw(ALPHANUMERIC, Math.min(Math.max(STRING_LENGTH, format.minLength), format.maxLength), random);
  }
}

function draw(alphabet: string, length: number, random: () => number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length) % alphabet.length];
  return text;
}

// RFC 9562 §5.4: version 4 in the high nibble of octet 6, variant 10 in the high bits of octet 8.
function uuidV4(random: () => number): string {
  const hex = draw(HEX, 32, random).split('');
  hex[12] = '4';
  hex[16] = HEX[(HEX.indexOf(hex[16]!) & 0x3) | 0x8]!;
  const text = hex.join('');
  return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
}

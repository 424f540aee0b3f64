import { rewrite, tryCompile } from './pattern-rewrite.js';

/**
 * Schema `pattern`s as ECMAScript regular expressions. JSON Schema (2020-12 Validation §6.3.3, and
 * OAS 3.0 §4.7.24.1) says a pattern SHOULD be ECMA-262; real documents carry PCRE and Java syntax
 * (`\x{60}`, `\Z`, `(?i)`, possessive quantifiers, POSIX classes). Those whose meaning is clear are
 * rewritten; the rest cannot be checked, and callers skip them instead of failing.
 */
export interface TranslatedPattern {
  /** The pattern compiled as ECMAScript (with the `u` flag where possible), or undefined. */
  regex: RegExp | undefined;
  /** What had to change, or why it could not be compiled; undefined for a plain ECMAScript pattern. */
  note: string | undefined;
  /**
   * A simpler expression whose matches are, or mostly are, matches of `regex`, in the syntax
   * fast-check can generate from: no lookarounds, no `i` flag. Generators filter with `regex`.
   */
  generating: RegExp | undefined;
}

const cache = new Map<string, TranslatedPattern>();

/** Compiles a schema pattern as Ajv would (`u` flag), translating non-ECMAScript syntax first. */
export function translatePattern(pattern: string): TranslatedPattern {
  let found = cache.get(pattern);
  if (!found) cache.set(pattern, (found = translate(pattern)));
  return found;
}

function translate(pattern: string): TranslatedPattern {
  const { regex, note } = compile(pattern);
  return { regex, note, generating: regex && forGeneration(regex) };
}

function compile(written: string): Omit<TranslatedPattern, 'generating'> {
  // `"/^[0-9]{4}$/i"` is a JavaScript literal, not a pattern: read as one it would need the input
  // to end before its closing slash. Anchors inside the slashes tell the two apart.
  const literal = /^\/(\^.*|.*\$)\/([gimsuy]*)$/s.exec(written);
  const literalFlags = literal ? [...literal[2]!].filter((flag) => 'ims'.includes(flag)).join('') : '';
  const pattern = literal ? `${literalFlags ? `(?${literalFlags})` : ''}${literal[1]}` : written;
  const { source, flags, changes, unknown } = rewrite(pattern);
  if (literal) changes.unshift('a /…/ literal read as its pattern');
  if (unknown.length > 0) {
    return {
      regex: undefined,
      note: `not an ECMAScript regular expression (no ${unknown.join(', ')} in ECMAScript); values are not checked against it`,
    };
  }
  if (changes.length === 0) {
    const plain = tryCompile(written, 'u');
    if (plain) return { regex: plain, note: undefined };
  }
  const rewritten = tryCompile(source, flags + 'u');
  if (rewritten) return { regex: rewritten, note: `read as ECMAScript ${rewritten}: ${changes.join(', ')}` };
  // Annex B (no `u` flag) still accepts what older engines took, such as `[\w-.]` or `\_`; it must
  // not see `\x{..}` or `\p{..}`, which it would read as repeated letters.
  if (!/\\[pPk]|\\[xu]\{/.test(source)) {
    const legacy = tryCompile(source, flags);
    if (legacy) return { regex: legacy, note: `compiled without the u flag as ${legacy}` };
  }
  return {
    regex: undefined,
    note: `not an ECMAScript regular expression (${compileError(source, flags)}); values are not checked against it`,
  };
}

function compileError(source: string, flags: string): string {
  try {
    new RegExp(source, flags + 'u');
    return 'unknown error';
  } catch (error) {
    return (error as Error).message.replace(/^Invalid regular expression: /, '');
  }
}

/**
 * Drops lookarounds (a `\Z` anchor becomes a plain `$`) and the `i` flag: what matches without
 * them still matches with them once the generator's filter has applied the lookarounds.
 */
function forGeneration(regex: RegExp): RegExp | undefined {
  let out = '';
  let inClass = false;
  const source = regex.source;
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!;
    if (char === '\\') {
      out += char + (source[i + 1] ?? '');
      i++;
    } else if (inClass) {
      if (char === ']') inClass = false;
      out += char;
    } else if (char === '[') {
      inClass = true;
      out += char;
    } else if (/^\(\?<?[=!]/.test(source.slice(i))) {
      const end = closingParen(source, i);
      if (source.slice(i, end + 1) === '(?=\\n?$)') out += '$';
      i = end;
    } else {
      out += char;
    }
  }
  return tryCompile(out, regex.flags.replace('i', ''));
}

/** The index of the `)` that closes the group opened at `open`. */
function closingParen(source: string, open: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = open; i < source.length; i++) {
    const char = source[i]!;
    if (char === '\\') i++;
    else if (inClass) inClass = char !== ']';
    else if (char === '[') inClass = true;
    else if (char === '(') depth++;
    else if (char === ')' && --depth === 0) return i;
  }
  return source.length - 1;
}

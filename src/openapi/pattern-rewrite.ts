// Escapes that `u` mode accepts as they are: syntax characters, `/`, and `-` inside a class.
const SYNTAX = new Set('^$\\.*+?()[]{}|/');
const CLASS_ESCAPES = /[dDwWsS]/;
const KNOWN_LETTER_ESCAPES = new Set('dDwWsSbBnrtfvcxupPk');

/**
 * One pass over the pattern that rewrites, by context (inside a class or not), the constructs of
 * other engines (PCRE, Java, Python, POSIX) whose ECMAScript equivalent is exact, or as close as a
 * validator needs. `unknown` lists what has no ECMAScript form at all.
 */
export function rewrite(pattern: string): { source: string; flags: string; changes: string[]; unknown: string[] } {
  const changes = new Set<string>();
  const unknown = new Set<string>();
  let flags = '';
  let rest = pattern;
  const inline = /^\(\?([ims]+)\)/.exec(rest);
  if (inline) {
    flags = [...new Set(inline[1]!)].join('');
    rest = rest.slice(inline[0].length);
    changes.add(`inline flags (?${inline[1]}) as flags`);
  }
  let out = '';
  let inClass = false;
  let classBody = 0;
  for (let i = 0; i < rest.length; i++) {
    const char = rest[i]!;
    const next = rest[i + 1];
    const ahead = rest.slice(i);
    if (char === '\\' && next !== undefined) {
      const hex = /^\\x\{([0-9a-fA-F]{1,6})\}/.exec(ahead);
      const braced = /^\\[pPuk]\{[^}]*\}|^\\k<[^>]*>/.exec(ahead);
      if (hex) {
        out += `\\u{${hex[1]}}`;
        changes.add('\\x{..} as \\u{..}');
      } else if (braced) {
        const property = javaProperty(braced[0], inClass);
        if (property === null) unknown.add(braced[0]);
        else if (property !== braced[0]) changes.add(`Java class ${braced[0]}`);
        out += property ?? braced[0];
      } else if (!inClass && (next === 'A' || next === 'Z' || next === 'z')) {
        // PCRE: \A is the start of the subject, \z its end, \Z its end or before a final newline.
        out += next === 'A' ? '^' : next === 'z' ? '$' : '(?=\\n?$)';
        changes.add(`\\${next} as an anchor`);
      } else if (/[a-zA-Z0-9]/.test(next) || SYNTAX.has(next) || (inClass && next === '-')) {
        if (/[a-zA-Z]/.test(next) && !KNOWN_LETTER_ESCAPES.has(next)) unknown.add(`\\${next}`);
        out += char + next;
        // `\w-x` inside a class is an invalid range in `u` mode; the dash is literal there.
        if (inClass && CLASS_ESCAPES.test(next) && rest[i + 2] === '-' && rest[i + 3] !== ']') {
          out += '\\-';
          changes.add('a dash beside a class escape as a literal dash');
          i++;
        }
      } else {
        // An identity escape of a character that needs none (`\_`, `\:`, `\-` outside a class).
        out += next;
        changes.add(`needless escape \\${next} dropped`);
      }
      i += (hex ?? braced)?.[0].length ?? 2;
      i--;
      continue;
    }
    if (inClass) {
      // Java's class intersection (`[a-z&&[^q]]`) has no ECMAScript form short of the `v` flag.
      if (ahead.startsWith('&&[')) unknown.add('&& (class intersection)');
      const posix = /^\[:(\w+):\]/.exec(ahead);
      if (posix && NAMED_CLASSES[posix[1]!] !== undefined) {
        out += NAMED_CLASSES[posix[1]!];
        changes.add(`POSIX class [:${posix[1]}:]`);
        i += posix[0].length - 1;
      } else if (char === '-' && next === '\\' && CLASS_ESCAPES.test(rest[i + 2] ?? '') && i > classBody) {
        out += '\\-';
        changes.add('a dash beside a class escape as a literal dash');
      } else if (char === ']' && i === classBody) {
        // PCRE and Java read a `]` first in a class as a literal; ECMAScript would close an empty class.
        out += '\\]';
        changes.add('a leading ] in a class as a literal');
      } else {
        if (char === ']') inClass = false;
        out += char;
      }
      continue;
    }
    if (char === '[') {
      inClass = true;
      classBody = i + (next === '^' ? 2 : 1);
      out += next === '^' ? '[^' : '[';
      if (next === '^') i++;
    } else if (next === '+' && (char === '*' || char === '+' || char === '?' || (char === '}' && QUANTIFIER_OPEN.test(out)))) {
      out += char;
      changes.add('possessive quantifier as greedy');
      i++;
    } else if (ahead.startsWith('(?>')) {
      out += '(?:';
      changes.add('atomic group as a plain group');
      i += 2;
    } else if (ahead.startsWith('(?P<')) {
      out += '(?<';
      changes.add('(?P<name>) as (?<name>)');
      i += 3;
    } else if (char === '{' && !/^\{\d+(,\d*)?\}/.test(ahead)) {
      out += '\\{';
      changes.add('a literal { escaped');
    } else if (char === '}' && !QUANTIFIER_OPEN.test(out)) {
      out += '\\}';
      changes.add('a literal } escaped');
    } else if (char === ']') {
      out += '\\]';
      changes.add('a literal ] escaped');
    } else {
      out += char;
    }
  }
  return { source: out, flags, changes: [...changes], unknown: [...unknown] };
}

// POSIX bracket classes (`[:alpha:]`) and java.util.regex's `\p{Alpha}` family, in US-ASCII as
// both read them by default; keyed by lower-case name.
const NAMED_CLASSES: Record<string, string> = {
  lower: 'a-z',
  upper: 'A-Z',
  ascii: '\\x00-\\x7F',
  alpha: 'a-zA-Z',
  digit: '0-9',
  alnum: 'a-zA-Z0-9',
  word: '\\w',
  punct: '!-\\/:-@\\[-`{-~',
  graph: '!-~',
  print: ' -~',
  blank: ' \\t',
  cntrl: '\\x00-\\x1F\\x7F',
  xdigit: '0-9a-fA-F',
  space: ' \\t\\n\\x0B\\f\\r',
};

/**
 * A `\p{..}` escape as ECMAScript: Java's POSIX names as ranges, `\p{IsLetter}` as `\p{Letter}`;
 * ECMAScript's own names unchanged; null for a Java class ECMAScript cannot say here.
 */
function javaProperty(escape: string, inClass: boolean): string | null {
  const match = /^\\([pP])\{(\w+)\}$/.exec(escape);
  if (!match) return escape;
  const [, kind, name] = match as unknown as [string, string, string];
  // ECMAScript's own names (`L`, `Lu`, `Letter`) never collide with these capitalised Java ones.
  const range = /^[A-Z][a-z]+$|^ASCII$|^XDigit$/.test(name) ? NAMED_CLASSES[name.toLowerCase()] : undefined;
  if (range !== undefined) {
    if (!inClass) return kind === 'p' ? `[${range}]` : `[^${range}]`;
    return kind === 'p' ? range : null;
  }
  // Java also takes `\p{IsLetter}` for a property and `\p{Han}` for a script; ECMAScript spells them
  // `\p{Letter}` and `\p{Script=Han}`.
  const bare = name.startsWith('Is') ? name.slice(2) : name;
  for (const candidate of [`\\${kind}{${bare}}`, `\\${kind}{Script=${bare}}`]) if (tryCompile(candidate, 'u')) return candidate;
  return escape;
}

const QUANTIFIER_OPEN = /(^|[^\\])\{\d+(,\d*)?$/;

/** A compiled expression, or undefined when the engine rejects it. */
export function tryCompile(source: string, flags: string): RegExp | undefined {
  try {
    return new RegExp(source, flags);
  } catch {
    return undefined;
  }
}

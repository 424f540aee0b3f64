import { describe, expect, it } from 'vitest';
import { readTree, type SourceTree } from './support/import-graph.js';

const SRC = new URL('../../src/', import.meta.url).pathname;
const RUN = 6;

/** The lines that carry code: not blank, not comments, not lone punctuation, not imports; white space folded. */
function codeLines(text: string): Array<{ line: number; text: string }> {
  return text
    .split('\n')
    .map((raw, index) => ({ line: index + 1, text: raw.trim().replace(/\s+/g, ' ') }))
    .filter(({ text: line }) => line !== '' && !/^(\/\/|\/\*|\*)/.test(line) && !/^import\s/.test(line) && /[\w$]/.test(line));
}

/** Every run of `RUN` code lines that stands, to the letter, in more than one place. */
function copies(tree: SourceTree): string[] {
  const seen = new Map<string, string>();
  const found: string[] = [];
  for (const [file, text] of tree) {
    const lines = codeLines(text);
    for (let i = 0; i + RUN <= lines.length; i++) {
      const key = lines
        .slice(i, i + RUN)
        .map((entry) => entry.text)
        .join('\n');
      const here = `${file}:${lines[i]!.line}`;
      const first = seen.get(key);
      if (first === undefined) seen.set(key, here);
      else found.push(`${first} ~ ${here}`);
    }
  }
  return found;
}

describe('no second copy of code', () => {
  it(`holds for src/: no ${RUN} lines stand in two places to the letter`, () => {
    expect(copies(readTree(SRC))).toEqual([]);
  });

  it('finds a copied run, within a file or across files, and ignores comments, imports and punctuation', () => {
    const block = ['const a = 1;', 'const b = 2;', '// a comment', 'const c = a + b;', '}', 'call(a);', 'call(b);', 'return c;'].join('\n');
    expect(
      copies(
        new Map([
          ['x.ts', block],
          ['y.ts', `import { z } from './z.js';\n${block}`],
        ]),
      ),
    ).toEqual(['x.ts:1 ~ y.ts:2']);
    expect(copies(new Map([['x.ts', `${block}\n${block}`]]))).toEqual(['x.ts:1 ~ x.ts:9']);
    expect(
      copies(
        new Map([
          ['x.ts', block],
          ['y.ts', block.replace('call(b)', 'call(c)')],
        ]),
      ),
    ).toEqual([]);
  });
});

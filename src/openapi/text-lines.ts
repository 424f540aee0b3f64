import { createRequire } from 'node:module';
import type { Node } from 'yaml';
import { escapeToken, parsePointer, toPointer } from '../core/index.js';

/**
 * The line (1-based) on which each JSON pointer's member starts in the document text: the line of
 * its key, or of the value for array items. A pointer to a member that is not there (a missing
 * required property) gets the line of its nearest ancestor that is.
 */
export function linesOf(text: string, pointers: readonly string[], json: boolean): Map<string, number> {
  const wanted = new Map<string, string[]>();
  for (const pointer of pointers) {
    try {
      wanted.set(pointer, parsePointer(pointer));
    } catch {
      // A pointer that is not one (a broken `$ref` written by hand) has no line.
    }
  }
  const offsets = json ? jsonOffsets(text, [...wanted.values()]) : yamlOffsets(text, [...wanted.values()]);
  const starts = lineStarts(text);
  const lines = new Map<string, number>();
  for (const [pointer, tokens] of wanted) {
    for (let depth = tokens.length; depth >= 0; depth--) {
      const offset = offsets.get(toPointer(tokens.slice(0, depth)));
      if (offset === undefined) continue;
      lines.set(pointer, lineAt(starts, offset));
      break;
    }
  }
  return lines;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function lineAt(starts: number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}

/** Every prefix of the wanted pointers, so the scan descends only where it must. */
function prefixesOf(paths: string[][]): Set<string> {
  const prefixes = new Set<string>();
  for (const tokens of paths) for (let depth = 0; depth <= tokens.length; depth++) prefixes.add(toPointer(tokens.slice(0, depth)));
  return prefixes;
}

/** Offsets of members in JSON text, from one pass that skips every branch no pointer enters. */
function jsonOffsets(text: string, paths: string[][]): Map<string, number> {
  const prefixes = prefixesOf(paths);
  const offsets = new Map<string, number>();
  let i = 0;
  const space = () => {
    while (i < text.length && ' \t\r\n'.includes(text[i]!)) i++;
  };
  const string = (): string => {
    const start = i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (pointer: string, at: number): void => {
    space();
    if (prefixes.has(pointer)) offsets.set(pointer, at);
    const open = text[i];
    if (open === '"') return void string();
    if (open !== '{' && open !== '[') {
      while (i < text.length && !',}]'.includes(text[i]!)) i++;
      return;
    }
    i++;
    const close = open === '{' ? '}' : ']';
    for (let index = 0; ; index++) {
      space();
      if (text[i] === close || i >= text.length) break;
      const memberStart = i;
      const key = open === '{' ? string() : String(index);
      if (open === '{') {
        space();
        i++; // the colon
      }
      const child = `${pointer}/${escapeToken(key)}`;
      if (prefixes.has(child)) value(child, memberStart);
      else skip();
      space();
      if (text[i] === ',') i++;
    }
    i++;
  };
  const skip = (): void => {
    space();
    let depth = 0;
    do {
      const char = text[i];
      if (char === '"') {
        string();
        continue;
      }
      if (char === '{' || char === '[') depth++;
      else if (char === '}' || char === ']') {
        if (depth === 0) return;
        depth--;
      } else if (char === ',' && depth === 0) return;
      i++;
    } while (depth > 0 && i < text.length);
  };
  try {
    value('', 0);
  } catch {
    // Text that JSON.parse accepted scans cleanly; anything else just has no lines.
  }
  return offsets;
}

/** Offsets of members in YAML text, through the `yaml` package's node ranges. */
function yamlOffsets(text: string, paths: string[][]): Map<string, number> {
  // Loaded only for a YAML document with something to point at: it costs a start-up 20 ms otherwise.
  const { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } = createRequire(import.meta.url)('yaml') as typeof import('yaml');
  const offsets = new Map<string, number>();
  const document = parseDocument(text, { lineCounter: new LineCounter(), uniqueKeys: false });
  for (const tokens of paths) {
    let node = document.contents as Node | null;
    offsets.set('', node?.range?.[0] ?? 0);
    for (let depth = 0; depth < tokens.length && node; depth++) {
      const token = tokens[depth]!;
      let start: number | undefined;
      let next: Node | null = null;
      if (isMap(node)) {
        const pair = node.items.find((item) => isPair(item) && String(isScalar(item.key) ? item.key.value : item.key) === token);
        start = (pair?.key as Node | undefined)?.range?.[0];
        next = (pair?.value as Node | null | undefined) ?? null;
      } else if (isSeq(node)) {
        next = (node.items[Number(token)] as Node | undefined) ?? null;
        start = next?.range?.[0];
      }
      if (start === undefined) break;
      offsets.set(toPointer(tokens.slice(0, depth + 1)), start);
      node = next;
    }
  }
  return offsets;
}

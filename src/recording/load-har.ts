import { readFileSync } from 'node:fs';
import { UsageError } from '../core/index.js';
import { checkHar } from './check-har.js';
import type { Har } from './har-types.js';

/** Reads a HAR file and checks its structure; any failure is a UsageError naming the file. */
export function loadHar(path: string): Har {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read HAR file ${path}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  return parseHar(text, path);
}

/** Parses HAR text; `source` names it in error messages. */
export function parseHar(text: string, source = 'HAR input'): Har {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${source} is not valid JSON: ${(error as Error).message}`);
  }
  const problems = checkHar(document);
  if (problems.length > 0) throw new UsageError(`${source} is not a usable HAR file: ${problems.join('; ')}`);
  return document as Har;
}

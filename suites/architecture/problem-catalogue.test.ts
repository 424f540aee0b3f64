import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  BLANK_PROBLEM_TYPE,
  PROBLEM_TYPES,
  problemTypeUri,
  reasonPhrase,
  toProblem,
  withTypeBase,
  type ProblemType,
} from '../../src/core/index.js';
import { APPS_PROBLEM_TYPES, EVERRUNS_PROBLEM_TYPE_BASE } from '../../src/model/apps/index.js';
import { readTree } from './support/import-graph.js';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const SPEC = readFileSync(new URL('../../spec/everruns-apps.openapi.yaml', import.meta.url), 'utf8');
// The catalogue's own files define the codes; "raised" means used anywhere else.
const CATALOGUE_FILES = new Set(['core/problem-types.ts', 'model/apps/problem-types.ts']);
const SOURCE = [...readTree(new URL('../../src/', import.meta.url).pathname)]
  .filter(([file]) => !CATALOGUE_FILES.has(file))
  .map(([, text]) => text)
  .join('\n');

/** The one catalogue: the toolkit's problems and those the Apps layer adds. */
const CATALOGUE: Record<string, ProblemType> = { ...PROBLEM_TYPES, ...APPS_PROBLEM_TYPES };

/** The rows of the README's error tables: `| \`code\` | status … | when |`. */
const DOCUMENTED = new Map([...README.matchAll(/^\| `([a-z_]+)` \| (\d{3})\b[^|]*\| [^|]+\|$/gm)].map((m) => [m[1]!, Number(m[2])]));

// Codes spec/ documents for situations the mock cannot be in (it has no permissions to refuse).
const DOCUMENTED_ONLY_IN_SPEC = new Set(['forbidden']);

describe('problem catalogue', () => {
  it('has no code twice between the toolkit and the Apps layer', () => {
    expect(Object.keys(PROBLEM_TYPES).filter((code) => code in APPS_PROBLEM_TYPES)).toEqual([]);
  });

  it.each(Object.entries(CATALOGUE))('%s is raised somewhere and documented in the README with its status', (code, entry) => {
    expect(SOURCE).toContain(`'${code}'`);
    expect(DOCUMENTED.get(code)).toBe(entry.status);
  });

  it('documents in the README no code the catalogue lacks', () => {
    expect([...DOCUMENTED.keys()].filter((code) => !(code in CATALOGUE))).toEqual([]);
  });

  it('gives every entry an error status and its reason phrase as the title', () => {
    for (const entry of Object.values(CATALOGUE)) {
      expect(entry.status).toBeGreaterThanOrEqual(400);
      expect(entry.title).toBe(reasonPhrase(entry.status));
    }
  });

  it('holds the Apps codes to the ones spec/ documents, both ways', () => {
    const specCodes = new Set([...SPEC.matchAll(/^\s+code: ([a-z_]+)$/gm)].map((m) => m[1]!));
    expect(Object.keys(APPS_PROBLEM_TYPES).filter((code) => !specCodes.has(code))).toEqual([]);
    expect([...specCodes].filter((code) => !(code in CATALOGUE) && !DOCUMENTED_ONLY_IN_SPEC.has(code))).toEqual([]);
  });

  it('builds titles from the status, and type URIs from the code on the served document’s base only', () => {
    const problem = toProblem('route_not_found', 'nothing here');
    expect(problem).toMatchObject({ type: BLANK_PROBLEM_TYPE, title: 'Not Found', status: 404, code: 'route_not_found' });
    expect(toProblem('invalid_request', 'x', { status: 422 }).title).toBe('Unprocessable Content');
    expect(problemTypeUri('route_not_found')).toBe('about:blank');
    expect(problemTypeUri('app_not_found', EVERRUNS_PROBLEM_TYPE_BASE)).toBe('https://docs.everruns.com/errors/app_not_found');
    expect(withTypeBase(problem, EVERRUNS_PROBLEM_TYPE_BASE).type).toBe('https://docs.everruns.com/errors/route_not_found');
    expect(withTypeBase(problem, undefined)).toBe(problem);
    const typed = { ...problem, type: 'https://example.com/probs/x' };
    expect(withTypeBase(typed, EVERRUNS_PROBLEM_TYPE_BASE)).toBe(typed);
  });
});

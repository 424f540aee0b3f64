import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROBLEM_TYPES, problemTypeUri, toProblem } from '../../src/core/index.js';

const SRC = new URL('../../src/', import.meta.url).pathname;
const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

function allSource(dir: string): string {
  return readdirSync(dir)
    .map((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? allSource(path) : path.endsWith('.ts') && !path.endsWith('problem-types.ts') ? readFileSync(path, 'utf8') : '';
    })
    .join('\n');
}

describe('problem catalogue', () => {
  const source = allSource(SRC);

  it.each(Object.keys(PROBLEM_TYPES))('%s is raised somewhere and documented in the README', (code) => {
    expect(source).toContain(`'${code}'`);
    expect(README).toContain(`\`${code}\``);
  });

  it('builds type URIs from the code and titles from the status', () => {
    const problem = toProblem('route_not_found', 'nothing here');
    expect(problem).toMatchObject({ type: problemTypeUri('route_not_found'), title: 'Not Found', status: 404, code: 'route_not_found' });
    expect(toProblem('invalid_request', 'x', { status: 422 }).title).toBe('Unprocessable Content');
  });

  it('gives every entry an error status', () => {
    for (const entry of Object.values(PROBLEM_TYPES)) expect(entry.status).toBeGreaterThanOrEqual(400);
  });
});

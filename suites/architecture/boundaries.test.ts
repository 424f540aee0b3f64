import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = new URL('../../src/', import.meta.url).pathname;

/**
 * The folders of src/ and the folders each may import (STYLE.md §1). Imports point one way:
 * spec → engine → mock / conformance → cli; mock and conformance never import each other.
 */
const ALLOWED: Record<string, readonly string[]> = {
  core: [],
  openapi: ['core'],
  validation: ['core', 'openapi'],
  generate: ['core', 'openapi'],
  model: ['core', 'openapi'],
  transport: ['core'],
  // The recording proxy forwards with undici directly; it still knows no OpenAPI.
  recording: ['core', 'transport'],
  mock: ['core', 'openapi', 'validation', 'generate', 'model'],
  conformance: ['core', 'openapi', 'validation', 'generate', 'transport', 'model', 'recording'],
  cli: ['core', 'openapi', 'validation', 'generate', 'model', 'transport', 'recording', 'mock', 'conformance'],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]!);
}

const folderOf = (file: string) => relative(SRC, file).split(sep)[0]!;

describe('import boundaries', () => {
  const files = sourceFiles(SRC).filter((file) => relative(SRC, file).includes(sep));

  it('knows every folder of src/', () => {
    const folders = new Set(files.map(folderOf));
    expect([...folders].filter((folder) => !(folder in ALLOWED))).toEqual([]);
  });

  it('imports only from allowed folders, and only through their index', () => {
    const offences: string[] = [];
    for (const file of files) {
      const from = folderOf(file);
      for (const specifier of importsOf(file)) {
        if (!specifier.startsWith('.')) continue;
        const target = relative(SRC, join(file, '..', specifier));
        if (target.startsWith('..')) {
          offences.push(`${relative(SRC, file)} reaches outside src: ${specifier}`);
          continue;
        }
        const to = target.split(sep)[0]!;
        if (to === from) continue;
        if (!ALLOWED[from]?.includes(to)) offences.push(`${relative(SRC, file)} → ${to} (${specifier})`);
        else if (!/^[^/]+\/index\.js$/.test(target.split(sep).join('/')) && !target.split(sep).join('/').match(/^model\/[^/]+\/index\.js$/)) {
          offences.push(`${relative(SRC, file)} imports ${specifier} instead of ${to}/index.js`);
        }
      }
    }
    expect(offences).toEqual([]);
  });

  it('detects a forbidden import (the check itself can fail)', () => {
    const fake = join(SRC, 'core', 'fake.ts');
    const target = relative(SRC, join(fake, '..', '../mock/index.js'));
    expect(ALLOWED.core!.includes(target.split(sep)[0]!)).toBe(false);
  });
});

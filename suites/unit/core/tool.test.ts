import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TOOL } from '../../../src/core/tool.js';

describe('TOOL', () => {
  it('is the name and version package.json declares', () => {
    const manifest = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { name: string; version: string };
    expect(TOOL).toEqual({ name: manifest.name, version: manifest.version });
  });
});

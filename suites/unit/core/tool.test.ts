import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import { PACKAGE_ROOT, TOOL } from '../../../src/core/tool.js';
import { packageFolder } from '../../../src/core/package-folder.js';

describe('TOOL and PACKAGE_ROOT', () => {
  it('are the name and version package.json declares, and the folder that holds it', () => {
    const manifest = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { name: string; version: string };
    expect(TOOL).toEqual({ name: manifest.name, version: manifest.version });
    expect(PACKAGE_ROOT).toBe(fileURLToPath(new URL('../../../', import.meta.url)));
    expect(PACKAGE_ROOT.endsWith(sep)).toBe(true);
  });
});

describe('packageFolder', () => {
  const tree = () => {
    const root = mkdtempSync(join(tmpdir(), 'package-folder-'));
    onTestFinished(() => rmSync(root, { recursive: true, force: true }));
    const deep = join(root, 'pkg', 'dist', 'esm', 'chunks');
    mkdirSync(deep, { recursive: true });
    writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'outer' }));
    writeFileSync(join(root, 'pkg', 'package.json'), JSON.stringify({ name: 'inner' }));
    // A package.json that only sets the module type names no package.
    writeFileSync(join(root, 'pkg', 'dist', 'esm', 'package.json'), JSON.stringify({ type: 'module' }));
    writeFileSync(join(root, 'pkg', 'dist', 'package.json'), '{ not json');
    return { root, deep };
  };

  it('finds the nearest folder above whose package.json has a name, at any depth', () => {
    const { root, deep } = tree();
    expect(packageFolder(deep)).toBe(join(root, 'pkg'));
    expect(packageFolder(join(root, 'pkg'))).toBe(join(root, 'pkg'));
  });

  it('walks past other packages to the one named', () => {
    const { root, deep } = tree();
    expect(packageFolder(deep, 'outer')).toBe(root);
  });

  it('says which package it could not find', () => {
    const { deep } = tree();
    expect(() => packageFolder(deep, 'no-such-package-anywhere')).toThrow(/no package\.json of no-such-package-anywhere in .*chunks or above it/);
  });
});

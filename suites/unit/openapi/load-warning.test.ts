import { describe, expect, it } from 'vitest';
import { describeWarning, formatLoadWarnings, type LoadWarning } from '../../../src/openapi/index.js';

const warnings: LoadWarning[] = Array.from({ length: 13 }, (_, index) => ({
  pointer: `/paths/~1p${index}/get/responses/200`,
  line: 10 + index,
  message: 'missing required property "description"',
}));

describe('formatLoadWarnings', () => {
  it('says nothing about a document without warnings', () => {
    expect(formatLoadWarnings('api.yaml', [])).toBe('');
    expect(formatLoadWarnings('api.yaml', [], { quiet: true })).toBe('');
  });

  it('shows the first ten with their line and pointer, then counts the rest', () => {
    const lines = formatLoadWarnings('api.yaml', warnings).trimEnd().split('\n');
    expect(lines[0]).toBe('api.yaml: served with 13 warnings about the document:');
    expect(lines[1]).toBe('  line 10 #/paths/~1p0/get/responses/200: missing required property "description"');
    expect(lines).toHaveLength(12);
    expect(lines[11]).toBe('  … and 3 more');
  });

  it('only counts them when asked to be quiet', () => {
    expect(formatLoadWarnings('api.yaml', warnings, { quiet: true })).toBe('api.yaml: served with 13 warnings about the document\n');
    expect(formatLoadWarnings('api.yaml', warnings.slice(0, 1), { quiet: true })).toBe(
      'api.yaml: served with 1 warning about the document\n',
    );
  });

  it('leaves out the line when the text gives none', () => {
    expect(describeWarning({ pointer: '', message: 'x' })).toBe('#: x');
  });
});

import { describe, expect, it } from 'vitest';
import { deriveSeed } from '../../../../src/conformance/run/seed.js';

describe('deriveSeed', () => {
  it('is stable per label and differs between labels', () => {
    expect(deriveSeed(42, 'create_app:positive:0')).toBe(deriveSeed(42, 'create_app:positive:0'));
    expect(deriveSeed(42, 'create_app:positive:0')).not.toBe(deriveSeed(42, 'create_app:negative:0'));
    expect(deriveSeed(42, 'x')).not.toBe(deriveSeed(43, 'x'));
  });
});

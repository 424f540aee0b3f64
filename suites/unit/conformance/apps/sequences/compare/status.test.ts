import { describe, expect, it } from 'vitest';
import { statusRule } from '../../../../../../src/conformance/apps/sequences/compare/status.js';

describe('statusRule', () => {
  it('names the rule a wrong status breaks', () => {
    expect(statusRule('invokeWebhook', 'draft', undefined)).toBe('webhook_gating');
    expect(statusRule('listAppRuns', 'published', undefined)).toBe('runs_recorded');
    expect(statusRule('publishApp', 'draft', undefined)).toBe('lifecycle_transitions');
    expect(statusRule('publishApp', 'archived', undefined)).toBe('archived_hidden');
    expect(statusRule('updateApp', 'archived', { name: 'x' })).toBe('archived_hidden');
    expect(statusRule('updateApp', 'draft', { status: 'draft' })).toBe('lifecycle_transitions');
    expect(statusRule('updateApp', 'draft', { name: 'x', status: null })).toBe('read_your_writes');
    expect(statusRule('getApp', 'archived', undefined)).toBe('archived_hidden');
    expect(statusRule('createApp', undefined, {})).toBe('read_your_writes');
  });
});

import { describe, expect, it } from 'vitest';
import { statusRule } from '../../../../../../src/conformance/apps/sequences/compare/status.js';

describe('statusRule', () => {
  it('names the rule a wrong status breaks', () => {
    expect(statusRule('invoke_webhook', 'draft', undefined)).toBe('webhook_gating');
    expect(statusRule('list_app_runs', 'published', undefined)).toBe('runs_recorded');
    expect(statusRule('publish_app', 'draft', undefined)).toBe('lifecycle_transitions');
    expect(statusRule('publish_app', 'archived', undefined)).toBe('archived_hidden');
    expect(statusRule('update_app', 'archived', { name: 'x' })).toBe('archived_hidden');
    expect(statusRule('update_app', 'draft', { status: 'draft' })).toBe('lifecycle_transitions');
    expect(statusRule('update_app', 'draft', { name: 'x', status: null })).toBe('read_your_writes');
    expect(statusRule('get_app', 'archived', undefined)).toBe('archived_hidden');
    expect(statusRule('create_app', undefined, {})).toBe('read_your_writes');
  });
});

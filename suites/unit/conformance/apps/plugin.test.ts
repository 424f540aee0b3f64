import { describe, expect, it } from 'vitest';
import { APPS_PLUGIN } from '../../../../src/conformance/apps/plugin.js';
import { documentWith, inlineSpec } from '../../../helpers/inline-spec.js';
import { loadAppsSpec } from '../../../helpers/serve.js';

describe('the Apps plug-in', () => {
  it('applies to a document that declares the Apps operations, and to no other', async () => {
    expect(APPS_PLUGIN.appliesTo(await loadAppsSpec())).toBe(true);
    const pets = await inlineSpec(documentWith('3.1.0', { '/pets': { get: { operationId: 'listPets', responses: { '200': { description: 'ok' } } } } }));
    expect(APPS_PLUGIN.appliesTo(pets)).toBe(false);
  });

  it('brings one stateful phase that claims only its own replay paths', () => {
    const [phase] = APPS_PLUGIN.phases ?? [];
    expect(phase?.checks).toContain('read_your_writes');
    expect(phase?.replays?.('stateful@0@-@1:2@')).toBe(true);
    expect(phase?.replays?.('create_app:negative:0:1')).toBe(false);
  });
});

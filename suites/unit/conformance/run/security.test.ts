import { describe, expect, it } from 'vitest';
import { primarySchemes, takesApiKey, takesOwnToken, tokenHeaders } from '../../../../src/conformance/run/security.js';
import { apps } from '../fixture.js';

describe('security', () => {
  it('tells management operations (API key) from the webhook (its own token)', async () => {
    const { spec, op } = await apps();
    const primary = primarySchemes(spec.document);
    expect([...primary]).toEqual(['bearerAuth']);
    expect(takesApiKey(op('create_app'), primary)).toBe(true);
    expect(takesApiKey(op('invoke_webhook'), primary)).toBe(false);
    expect(takesOwnToken(op('invoke_webhook'), primary)).toBe(true);
    expect(tokenHeaders(spec.document, op('invoke_webhook'), 'tok')).toEqual({ 'x-everruns-webhook-token': 'tok' });
  });
});

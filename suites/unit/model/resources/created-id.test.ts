import { describe, expect, it } from 'vitest';
import { createdId, inferResources } from '../../../../src/model/resources/index.js';
import { platformSpec } from './documents.js';

describe('createdId', () => {
  const agents = inferResources(platformSpec()).collections.find((entry) => entry.name === 'agents')!;
  const anonymous = { ...agents, id: { ...agents.id, field: undefined } };

  it('reads the id field of the body, a string or an integer', () => {
    expect(createdId(agents, { id: 'agent_1' }, {})).toBe('agent_1');
    expect(createdId(agents, { id: 42 }, {})).toBe('42');
    expect(createdId(agents, { id: '' }, {})).toBeUndefined();
  });

  it('falls back on the last segment of the Location header, decoded, without query or fragment', () => {
    expect(createdId(anonymous, undefined, { location: 'https://api.example/v1/agents/a%20b?x=1#f' })).toBe('a b');
    expect(createdId(agents, { name: 'no id' }, { location: '/v1/agents/agent_2/' })).toBe('agent_2');
    expect(createdId(anonymous, {}, { location: '/v1/agents/%E0%A4%A' })).toBeUndefined();
    expect(createdId(anonymous, {}, {})).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { describeResourceMap, inferResources } from '../../../../src/model/resources/index.js';
import { platformSpec } from './documents.js';

describe('describeResourceMap', () => {
  it('prints one aligned line per collection and a summary', () => {
    expect(describeResourceMap(inferResources(platformSpec()))).toEqual([
      'agents    /v1/agents[/{agent_id}]                                            create list read update upsert delete  id: id (agent_<32 hex>)  list: .data offset by status,search  actions: copy, publish, ping  sub: GET stats',
      'sessions  /v1/sessions[/{session_id}]                                        create list read delete                id: id (string)  list: []  sub: GET events',
      'messages  /v1/sessions/{session_id}/messages                                 create list                            id: id (string)  in: sessions  list: .items cursor',
      'notes     /v1/sessions/{session_id}/messages/{message_id}/notes[/{note_id}]  create read                            id: id (string)  in: messages',
      '4 collections, 2 operations left stateless',
    ]);
  });

  it('lists the stateless operations with their reasons on request, and flags read-only collections', () => {
    const map = inferResources(platformSpec());
    const readOnly = (names: string[]) => ({ ...map, collections: map.collections.map((entry) => ({ ...entry, writable: !names.includes(entry.name) })) });
    expect(describeResourceMap(readOnly(['sessions']))[1]).toMatch(/read-only \(stateless\)$/);
    expect(describeResourceMap(readOnly(['messages']))[2]).toMatch(/read-only \(exists while its parent does\)$/);
    const lines = describeResourceMap(map, { stateless: true });
    expect(lines.slice(-2)).toEqual([
      '  stateless  GET /v1/agents/config  (a route beside collection agents; what it does to the state is unknown)',
      '  stateless  GET /v1/health  (not part of any collection)',
    ]);
  });
});

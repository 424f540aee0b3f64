import { listOperations, type OpenApiDocument } from '../../../../src/openapi/index.js';
import type { ResourceSpec } from '../../../../src/model/resources/index.js';

/** An inline document with its operations listed, as inference reads a loaded one. */
export function specOf(paths: Record<string, unknown>, schemas: Record<string, unknown> = {}, openapi = '3.1.0'): ResourceSpec {
  const document = { openapi, info: { title: 'inline', version: '1' }, paths, components: { schemas } } as OpenApiDocument;
  return { document, operations: listOperations(document) };
}

/** A response with a JSON body. */
export function json(schema: unknown, description = 'ok'): Record<string, unknown> {
  return { description, content: { 'application/json': { schema } } };
}

/** A response without a body. */
export const empty = (description = 'no content') => ({ description });

export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

const pathId = (name: string, schema: Record<string, unknown> = { type: 'string' }) => ({ name, in: 'path', required: true, schema });

export const AGENT = {
  type: 'object',
  required: ['id', 'name'],
  properties: {
    id: { type: 'string', readOnly: true, example: 'agent_01933b5a000070008000000000000001' },
    name: { type: 'string' },
    description: { type: ['string', 'null'] },
    status: { type: 'string', enum: ['active', 'archived'] },
    secret: { type: 'string', writeOnly: true },
    tags: { type: 'array', items: { type: 'string' } },
    created_at: { type: 'string', format: 'date-time', readOnly: true },
    updated_at: { type: 'string', format: 'date-time', readOnly: true },
    self_url: { type: 'string', readOnly: true },
  },
};

export const MESSAGE = {
  type: 'object',
  properties: {
    id: { type: 'string', readOnly: true },
    session_id: { type: 'string' },
    text: { type: 'string' },
    created_at: { type: 'string', format: 'date-time' },
  },
};

const notFound = json({ type: 'object', properties: { title: { type: 'string' } } }, 'not found');

/**
 * A small platform-like API: agents (full CRUD with an upsert PUT, a wrapped offset-paginated list
 * with filters, copy/publish actions and a stats sub-resource) and sessions with create-only
 * messages and PUT-less notes below them.
 */
export function platformSpec(): ResourceSpec {
  return specOf(
    {
      '/v1/agents': {
        get: {
          operationId: 'list_agents',
          parameters: [
            { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0, default: 0 } },
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 3, default: 2 } },
            { name: 'status', in: 'query', schema: { type: 'string' } },
            { name: 'search', in: 'query', schema: { type: 'string' } },
            { name: 'include_archived', in: 'query', schema: { type: 'boolean' } },
          ],
          responses: {
            '200': json({
              type: 'object',
              required: ['data', 'total', 'object'],
              properties: {
                data: { type: 'array', items: ref('Agent') },
                total: { type: 'integer' },
                offset: { type: 'integer' },
                limit: { type: 'integer' },
                next_url: { type: ['string', 'null'] },
                object: { type: 'string' },
              },
            }),
          },
        },
        post: {
          operationId: 'create_agent',
          requestBody: { content: { 'application/json': { schema: ref('CreateAgent') } } },
          responses: { '201': json(ref('Agent')), '400': notFound, '409': notFound },
        },
      },
      '/v1/agents/{agent_id}': {
        parameters: [pathId('agent_id')],
        get: { operationId: 'get_agent', responses: { '200': json(ref('Agent')), '404': notFound } },
        patch: { operationId: 'update_agent', responses: { '200': json(ref('Agent')), '404': notFound } },
        put: { operationId: 'upsert_agent', responses: { '200': json(ref('Agent')), '201': json(ref('Agent')) } },
        delete: { operationId: 'delete_agent', responses: { '204': empty(), '404': notFound } },
      },
      '/v1/agents/{agent_id}/copy': {
        parameters: [pathId('agent_id')],
        post: { operationId: 'copy_agent', responses: { '201': json(ref('Agent')), '404': notFound } },
      },
      '/v1/agents/{agent_id}/publish': {
        parameters: [pathId('agent_id')],
        post: { operationId: 'publish_agent', responses: { '200': json(ref('Agent')), '404': notFound } },
      },
      '/v1/agents/{agent_id}/ping': {
        parameters: [pathId('agent_id')],
        post: { operationId: 'ping_agent', responses: { '202': empty('accepted') } },
      },
      '/v1/agents/{agent_id}/stats': {
        parameters: [pathId('agent_id')],
        get: { operationId: 'agent_stats', responses: { '200': json({ type: 'object', properties: { runs: { type: 'integer' } } }) } },
      },
      '/v1/agents/config': { get: { operationId: 'agents_config', responses: { '200': json({ type: 'object' }) } } },
      '/v1/sessions': {
        get: { operationId: 'list_sessions', responses: { '200': json({ type: 'array', items: ref('Session') }) } },
        post: { operationId: 'create_session', responses: { '201': json(ref('Session')) } },
      },
      '/v1/sessions/{session_id}': {
        parameters: [pathId('session_id')],
        get: { operationId: 'get_session', responses: { '200': json(ref('Session')), '404': notFound } },
        delete: { operationId: 'delete_session', responses: { '200': json(ref('Session')), '404': notFound } },
      },
      '/v1/sessions/{session_id}/messages': {
        parameters: [pathId('session_id')],
        get: {
          operationId: 'list_messages',
          parameters: [
            { name: 'cursor', in: 'query', schema: { type: 'string' } },
            { name: 'limit', in: 'query', schema: { type: 'integer' } },
          ],
          responses: {
            '200': json({
              type: 'object',
              properties: { items: { type: 'array', items: ref('Message') }, next_cursor: { type: ['string', 'null'] }, has_more: { type: 'boolean' } },
            }),
          },
        },
        post: { operationId: 'create_message', responses: { '201': json(ref('Message')), '404': notFound } },
      },
      '/v1/sessions/{session_id}/messages/{message_id}/notes': {
        parameters: [pathId('session_id'), pathId('message_id')],
        post: { operationId: 'create_note', responses: { '201': json(ref('Note')) } },
      },
      '/v1/sessions/{session_id}/messages/{message_id}/notes/{note_id}': {
        parameters: [pathId('session_id'), pathId('message_id'), pathId('note_id')],
        get: { operationId: 'get_note', responses: { '200': json(ref('Note')), '404': notFound } },
      },
      '/v1/sessions/{session_id}/events': {
        parameters: [pathId('session_id')],
        get: { operationId: 'session_events', responses: { '200': json({ type: 'array', items: { type: 'string' } }) } },
      },
      '/v1/health': { get: { operationId: 'health', responses: { '200': json({ type: 'object' }) } } },
    },
    {
      Agent: AGENT,
      CreateAgent: {
        type: 'object',
        properties: { id: { type: 'string' }, name: { type: 'string' }, secret: { type: 'string', writeOnly: true }, description: { type: ['string', 'null'] } },
      },
      Session: { type: 'object', properties: { id: { type: 'string', readOnly: true }, title: { type: 'string' } } },
      Message: MESSAGE,
      Note: { type: 'object', properties: { id: { type: 'string' }, body: { type: 'string' } } },
    },
  );
}

/**
 * A small document with a collection and one nested below it, for the planted bugs of the generic
 * stateful checks: widgets (offset pagination, two to a page by default, so lists take several
 * pages) and their parts (a bare array).
 */
export const WIDGETS_DOCUMENT = {
  openapi: '3.1.0',
  info: { title: 'widgets', version: '1' },
  paths: {
    '/widgets': {
      get: {
        operationId: 'list_widgets',
        parameters: [
          { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0 } },
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 5, default: 2 } },
        ],
        responses: { '200': json({ type: 'object', required: ['data'], properties: { data: { type: 'array', items: ref('Widget') }, total: { type: 'integer' } } }) },
      },
      post: { operationId: 'create_widget', requestBody: body('WidgetInput'), responses: { '201': json(ref('Widget')), '400': problem() } },
    },
    '/widgets/{widget_id}': {
      parameters: [idParameter('widget_id')],
      get: { operationId: 'get_widget', responses: { '200': json(ref('Widget')), '404': problem() } },
      patch: { operationId: 'update_widget', requestBody: body('WidgetPatch'), responses: { '200': json(ref('Widget')), '404': problem() } },
      put: { operationId: 'replace_widget', requestBody: body('WidgetInput'), responses: { '200': json(ref('Widget')), '404': problem() } },
      delete: { operationId: 'delete_widget', responses: { '204': { description: 'deleted' }, '404': problem() } },
    },
    '/widgets/{widget_id}/parts': {
      parameters: [idParameter('widget_id')],
      get: { operationId: 'list_parts', responses: { '200': json({ type: 'array', items: ref('Part') }), '404': problem() } },
      post: { operationId: 'create_part', requestBody: body('PartInput'), responses: { '201': json(ref('Part')), '404': problem() } },
    },
    '/widgets/{widget_id}/parts/{part_id}': {
      parameters: [idParameter('widget_id'), idParameter('part_id')],
      get: { operationId: 'get_part', responses: { '200': json(ref('Part')), '404': problem() } },
      patch: { operationId: 'update_part', requestBody: body('PartInput'), responses: { '200': json(ref('Part')), '404': problem() } },
      delete: { operationId: 'delete_part', responses: { '204': { description: 'deleted' }, '404': problem() } },
    },
  },
  components: {
    schemas: {
      Widget: {
        type: 'object',
        required: ['id', 'name', 'size', 'created_at'],
        properties: {
          id: { type: 'string', format: 'uuid', readOnly: true },
          name: { type: 'string', minLength: 1, maxLength: 60 },
          size: { type: 'integer', minimum: 0, maximum: 1000 },
          color: { type: 'string', enum: ['red', 'green', 'blue'] },
          created_at: { type: 'string', format: 'date-time', readOnly: true },
        },
      },
      WidgetInput: {
        type: 'object',
        required: ['name', 'size'],
        properties: {
          name: { type: 'string', minLength: 1, maxLength: 40 },
          size: { type: 'integer', minimum: 0, maximum: 1000 },
          color: { type: 'string', enum: ['red', 'green', 'blue'] },
        },
        additionalProperties: false,
      },
      WidgetPatch: {
        type: 'object',
        properties: {
          name: { type: 'string', minLength: 1, maxLength: 40 },
          size: { type: 'integer', minimum: 0, maximum: 1000 },
          color: { type: 'string', enum: ['red', 'green', 'blue'] },
        },
        additionalProperties: false,
      },
      Part: {
        type: 'object',
        required: ['id', 'label'],
        properties: {
          id: { type: 'string', format: 'uuid', readOnly: true },
          widget_id: { type: 'string', format: 'uuid', readOnly: true },
          label: { type: 'string', minLength: 1, maxLength: 40 },
          weight: { type: 'number', minimum: 0, maximum: 100 },
        },
      },
      PartInput: {
        type: 'object',
        required: ['label'],
        properties: { label: { type: 'string', minLength: 1, maxLength: 40 }, weight: { type: 'number', minimum: 0, maximum: 100 } },
        additionalProperties: false,
      },
      Problem: {
        type: 'object',
        required: ['title', 'status'],
        properties: { type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, detail: { type: 'string' } },
      },
    },
  },
};

function ref(name: string) {
  return { $ref: `#/components/schemas/${name}` };
}

function json(schema: object) {
  return { description: 'ok', content: { 'application/json': { schema } } };
}

function body(name: string) {
  return { required: true, content: { 'application/json': { schema: ref(name) } } };
}

function problem() {
  return { description: 'problem', content: { 'application/problem+json': { schema: ref('Problem') } } };
}

function idParameter(name: string) {
  return { name, in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };
}

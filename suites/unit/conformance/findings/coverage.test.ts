import { describe, expect, it } from 'vitest';
import { CoverageTally } from '../../../../src/conformance/findings/coverage.js';
import type { ResponseFacts } from '../../../../src/core/index.js';
import type { Operation } from '../../../../src/openapi/index.js';
import { documentWith, inlineSpec } from '../../../helpers/inline-spec.js';

const json = (schema: object = {}) => ({ 'application/json': { schema } });

// Three operations: media types and a `default` on the list, a `4XX` range on the create, a bodiless 204.
const DOCUMENT = documentWith('3.1.0', {
  '/items': {
    get: {
      operationId: 'listItems',
      responses: {
        '200': { description: 'ok', content: { ...json({ type: 'array' }), 'application/xml': {} } },
        '400': { description: 'bad query' },
        default: { description: 'error', content: json() },
      },
    },
    post: {
      operationId: 'createItem',
      responses: {
        '201': { description: 'created', content: json() },
        '4XX': { description: 'refused', content: { 'application/problem+json': {} } },
      },
    },
  },
  '/items/{id}': {
    parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
    delete: { operationId: 'deleteItem', responses: { '204': { description: 'gone' } } },
  },
});

function answer(status: number, contentType?: string, body = '{}'): ResponseFacts {
  const headers: Record<string, string> = contentType ? { 'content-type': contentType } : {};
  return { status, headers, body: Buffer.from(contentType ? body : '') };
}

describe('CoverageTally', () => {
  it('marks each declared status × media type exercised or never reached, and answers the document does not declare', async () => {
    const spec = await inlineSpec(DOCUMENT);
    const op = (id: string) => spec.operations.find((operation) => operation.id === id) as Operation;
    const tally = new CoverageTally(spec.operations);
    tally.note(op('listItems'), 'GET', answer(200, 'application/json; charset=utf-8', '[]'));
    tally.note(op('listItems'), 'GET', answer(200, 'application/json', '[]'));
    tally.note(op('listItems'), 'GET', answer(200, 'text/html', '<p>'));
    // A declared body that never came is not an answer of that media type.
    tally.note(op('listItems'), 'GET', answer(200));
    tally.note(op('listItems'), 'GET', answer(503, 'application/json'));
    tally.note(op('createItem'), 'POST', answer(422, 'application/problem+json'));
    tally.note(op('createItem'), 'POST', answer(500, 'text/plain', 'boom'));
    // A transport failure is no answer.
    tally.note(op('createItem'), 'POST', { status: 0, headers: {}, body: Buffer.from('timeout') });
    // Known by method and path only (a phase's request, a followed link): routed like the mock routes it.
    tally.noteRequest('GET', '/items', answer(200, 'application/json', '[]'));
    tally.noteRequest('GET', '/nowhere', answer(404, 'application/problem+json'));
    tally.noteRequest('GET', '/nowhere', answer(404, 'application/problem+json'));

    const coverage = tally.report();
    expect(coverage.matrix).toEqual([
      {
        operation: 'listItems',
        method: 'GET',
        path: '/items',
        cells: [
          { status: '200', mediaType: 'application/json', mark: 'exercised', answers: 3, received: { '200': 3 } },
          { status: '200', mediaType: 'application/xml', mark: 'not-reached', answers: 0, received: {} },
          { status: '400', mediaType: null, mark: 'not-reached', answers: 0, received: {} },
          { status: 'default', mediaType: 'application/json', mark: 'exercised', answers: 1, received: { '503': 1 } },
          { status: '200', mediaType: 'text/html', mark: 'undeclared', answers: 1, received: { '200': 1 } },
          { status: '200', mediaType: null, mark: 'undeclared', answers: 1, received: { '200': 1 } },
        ],
      },
      {
        operation: 'createItem',
        method: 'POST',
        path: '/items',
        cells: [
          { status: '201', mediaType: 'application/json', mark: 'not-reached', answers: 0, received: {} },
          { status: '4XX', mediaType: 'application/problem+json', mark: 'exercised', answers: 1, received: { '422': 1 } },
          { status: '500', mediaType: 'text/plain', mark: 'undeclared', answers: 1, received: { '500': 1 } },
        ],
      },
      {
        operation: 'deleteItem',
        method: 'DELETE',
        path: '/items/{id}',
        cells: [{ status: '204', mediaType: null, mark: 'not-reached', answers: 0, received: {} }],
      },
    ]);
    // 3 of the 7 declared responses, rounded down: 42.857… is not yet 42.9.
    expect(coverage.percent).toBe(42.8);
    expect(coverage.responses).toEqual({ declared: 7, exercised: 3, undeclared: 3 });
    expect(coverage.operations).toEqual({ total: 3, reached: 2 });
    expect(coverage.unrouted).toEqual([{ method: 'GET', path: '/nowhere', status: 404, answers: 2 }]);
  });

  it('counts any answer to a response declared without content, and a HEAD answer by its headers alone', async () => {
    const spec = await inlineSpec(
      documentWith('3.0.3', {
        '/ping': {
          delete: { operationId: 'deletePing', responses: { '204': { description: 'gone' } } },
          head: { operationId: 'headPing', responses: { '200': { description: 'up', content: json() } } },
        },
      }),
    );
    const tally = new CoverageTally(spec.operations);
    tally.noteRequest('HEAD', '/ping', { status: 200, headers: { 'content-type': 'application/json' }, body: Buffer.alloc(0) });
    tally.noteRequest('DELETE', '/ping', answer(204, 'text/plain', 'stray body'));
    const coverage = tally.report();
    expect(coverage.matrix.map((row) => row.cells.map((cell) => [cell.status, cell.mediaType, cell.mark]))).toEqual([
      [['204', null, 'exercised']],
      [['200', 'application/json', 'exercised']],
    ]);
    expect(coverage.percent).toBe(100);
  });

  it('lists every operation as never reached before anything was answered, and calls a document without declared responses covered', async () => {
    const spec = await inlineSpec(DOCUMENT);
    const untouched = new CoverageTally(spec.operations).report();
    expect(untouched.percent).toBe(0);
    expect(untouched.operations).toEqual({ total: 3, reached: 0 });
    expect(untouched.matrix.flatMap((row) => row.cells.map((cell) => cell.mark)).every((mark) => mark === 'not-reached')).toBe(true);
    expect(new CoverageTally([]).report()).toMatchObject({ percent: 100, responses: { declared: 0, exercised: 0, undeclared: 0 } });
  });
});

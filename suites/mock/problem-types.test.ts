import { connect } from 'node:net';
import { request } from 'undici';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createMockServer } from '../../src/mock/index.js';
import { documentWith, inlineSpec } from '../helpers/inline-spec.js';
import { serveApps, serveStateless } from '../helpers/serve.js';

// The problem type URI belongs to the document being served: its base when it names one, else about:blank.

const PETS = documentWith('3.1.0', {
  '/pets/{id}': {
    get: {
      operationId: 'getPet',
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
      responses: { '200': { description: 'a pet', content: { 'application/json': { schema: { type: 'object' } } } } },
    },
  },
});

async function problemAt(url: string, init: { method?: 'GET' | 'POST' } = {}): Promise<Record<string, unknown>> {
  const answer = await request(url, init);
  expect(answer.headers['content-type']).toBe('application/problem+json');
  return (await answer.body.json()) as Record<string, unknown>;
}

/** Sends bytes llhttp cannot parse and returns the problem the server answers with. */
function malformedRequest(port: number): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write('GET / HTTP/1.1\r\nhost: x\r\nbad header\r\n\r\n'));
    let text = '';
    socket.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    socket.on('error', reject);
    socket.on('close', () => resolve(JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4)) as Record<string, unknown>));
  });
}

describe('problem type URIs', () => {
  it('are about:blank for a document that names no problem types, with the code saying which problem it is', async () => {
    const server = await serveStateless(await inlineSpec(PETS));
    expect(await problemAt(`${server.url}/nowhere`)).toMatchObject({ type: 'about:blank', code: 'route_not_found', status: 404 });
    expect(await problemAt(`${server.url}/pets/1`, { method: 'POST' })).toMatchObject({ type: 'about:blank', code: 'method_not_allowed' });
    expect(await malformedRequest(server.port)).toMatchObject({ type: 'about:blank', code: 'invalid_request', status: 400 });
  });

  it('are the Everruns ones for the Apps document, from the engine and the Apps layer alike', async () => {
    const server = await serveApps();
    expect(await problemAt(`${server.url}/nowhere`)).toMatchObject({ type: 'https://docs.everruns.com/errors/route_not_found', code: 'route_not_found' });
    expect(await problemAt(`${server.url}/v1/apps/app_ffffffffffffffffffffffffffffffff`)).toMatchObject({
      type: 'https://docs.everruns.com/errors/app_not_found',
      code: 'app_not_found',
    });
    expect(await malformedRequest(server.port)).toMatchObject({ type: 'https://docs.everruns.com/errors/invalid_request' });
  });

  it('follow the base a server is given, for any document', async () => {
    const server = await createMockServer({ spec: await inlineSpec(PETS), port: 0, problemTypeBase: 'https://example.com/problems/' });
    onTestFinished(() => server.close());
    expect(await problemAt(`${server.url}/nowhere`)).toMatchObject({ type: 'https://example.com/problems/route_not_found' });
  });
});

import { describe, expect, it } from 'vitest';
import { credentials } from '../../helpers/fill-request.js';
import { startPrism } from '../../helpers/prism.js';
import { DOCUMENTS, loadDocument, resetMock, serveResources } from './serve.js';
import { ResourceWalker, type Exchange, type Failures } from './walk.js';

/**
 * Prism's validation proxy in front of the inferred-resources mock: an independent validator checks
 * every request and answer of a walk against the same document. In proxy mode Prism reports a
 * violation in an `sl-violations` header, and with `--errors` turns one in an answer into a 500 of
 * type …#VIOLATIONS; neither may appear.
 */
function noViolation(exchange: Exchange, failures: Failures): void {
  const where = `${exchange.method} ${exchange.path} → ${exchange.status}`;
  if (exchange.headers['sl-violations'] !== undefined) failures.push(`${where}: Prism saw ${exchange.headers['sl-violations']}`);
  if (exchange.text.includes('VIOLATIONS')) failures.push(`${where}: Prism refused the answer: ${exchange.text.slice(0, 400)}`);
}

describe('Prism validation proxy in front of the inferred resources', () => {
  // Petstore declares no success for its deletes and its user update, so the walk there stops short of them.
  it.each([
    [
      "the platform's document",
      DOCUMENTS.platform,
      ['agents', 'sessions', 'messages', 'knowledge-bases', 'entries', 'skills', 'mcp-servers'],
      undefined,
    ],
    ['train-travel (3.1)', DOCUMENTS.trainTravel, ['bookings'], undefined],
    ['petstore', DOCUMENTS.petstore, ['order', 'user'], ['create', 'read'] as const],
  ])('sees no violation in walks over %s', { timeout: 120_000 }, async (_name, path, names, only) => {
    const spec = await loadDocument(path);
    const { server, map } = await serveResources(spec);
    const prism = await startPrism(server.url, path);
    const walker = new ResourceWalker(spec, map, { url: prism.url, inspect: noViolation });
    for (const name of names) {
      await resetMock(server.url);
      expect(
        await walker.walk(
          map.collections.find((collection) => collection.name === name)!,
          only,
        ),
        name,
      ).toBeDefined();
    }
    expect(walker.failures).toEqual([]);
    expect(walker.exchanges.length).toBeGreaterThanOrEqual(names.length * 2);
    expect(prism.output()).not.toMatch(/Violation:/);
    // Proof that the proxy really validates: a create whose body is no object is stopped by Prism itself.
    const create = walker.operation(map.collections.find((collection) => collection.name === names[0])!.roles.create!);
    const refused = await walker.exchange(
      create,
      create.path,
      { 'content-type': 'application/json', ...credentials(spec, create).headers },
      '"not an object"',
    );
    expect(refused.status, refused.text).toBe(422);
  });
});

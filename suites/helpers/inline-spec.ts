import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSpec, type LoadedSpec } from '../../src/openapi/index.js';

/** Writes an inline OpenAPI document to a temporary file and loads it like a user's --spec. */
export async function inlineSpec(document: object): Promise<LoadedSpec> {
  const dir = mkdtempSync(join(tmpdir(), 'everruns-spec-'));
  const file = join(dir, 'openapi.json');
  writeFileSync(file, JSON.stringify(document));
  return loadSpec(file);
}

/** A small document builder: one path, one operation, whatever responses the test needs. */
export function documentWith(version: '3.0.3' | '3.1.0', paths: Record<string, unknown>, schemas: Record<string, unknown> = {}) {
  return { openapi: version, info: { title: 'inline', version: '1' }, paths, components: { schemas } };
}

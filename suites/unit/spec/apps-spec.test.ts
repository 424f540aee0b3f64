import { describe, it, expect, beforeAll } from 'vitest';
import { fileURLToPath } from 'node:url';
import SwaggerParser from '@apidevtools/swagger-parser';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS; under NodeNext its default export can arrive wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as typeof import('ajv-formats').default;

type Json = Record<string, unknown>;

const SPEC_PATH = fileURLToPath(new URL('../../../spec/everruns-apps.openapi.yaml', import.meta.url));
const DOC_ID = 'https://everruns-contract.test/everruns-apps.openapi.json';
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const OPERATION_IDS = [
  'create_app', 'list_apps', 'get_app', 'update_app', 'delete_app', 'publish_app',
  'unpublish_app', 'add_channel', 'update_channel', 'remove_channel', 'invoke_webhook', 'list_app_runs',
];

/** One example found in the document, with the pointer of the schema it must satisfy. */
interface ExampleCase {
  where: string;
  schemaPointer: string;
  value: unknown;
}

interface OperationEntry {
  path: string;
  method: string;
  pointer: string;
  operation: Json;
}

const escapePointer = (token: string): string => token.replace(/~/g, '~0').replace(/\//g, '~1');
const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

function resolvePointer(doc: Json, pointer: string): unknown {
  let node: unknown = doc;
  for (const raw of pointer.replace(/^#/, '').split('/').slice(1)) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = isObject(node) || Array.isArray(node) ? (node as Json)[token] : undefined;
  }
  return node;
}

/** Follows a local `$ref` (only local refs are used in the document) and reports where it landed. */
function deref(doc: Json, node: Json, pointer: string): { node: Json; pointer: string } {
  const ref = node.$ref;
  if (typeof ref !== 'string') return { node, pointer };
  const target = resolvePointer(doc, ref);
  if (!isObject(target)) throw new Error(`unresolvable $ref ${ref} at ${pointer}`);
  return deref(doc, target, ref.slice(1));
}

function operationsOf(doc: Json): OperationEntry[] {
  const entries: OperationEntry[] = [];
  for (const [path, item] of Object.entries(doc.paths as Json)) {
    for (const method of METHODS) {
      const operation = (item as Json)[method];
      if (isObject(operation)) {
        entries.push({ path, method, pointer: `/paths/${escapePointer(path)}/${method}`, operation });
      }
    }
  }
  return entries;
}

/**
 * Collects every example: media-type and parameter `example`/`examples` (checked against the sibling
 * `schema`) and schema-level `example`/`examples` arrays (checked against the schema holding them).
 * Example values themselves are never descended into, so keys inside them are not mistaken for keywords.
 */
function collectExamples(doc: Json): ExampleCase[] {
  const cases: ExampleCase[] = [];
  const visit = (node: unknown, pointer: string): void => {
    if (Array.isArray(node)) {
      node.forEach((child, index) => visit(child, `${pointer}/${index}`));
      return;
    }
    if (!isObject(node)) return;
    const hasSchema = isObject(node.schema) || node.schema === true;
    const target = hasSchema ? `${pointer}/schema` : pointer;
    if ('example' in node) cases.push({ where: `${pointer}/example`, schemaPointer: target, value: node.example });
    if (Array.isArray(node.examples)) {
      node.examples.forEach((value, i) => cases.push({ where: `${pointer}/examples/${i}`, schemaPointer: target, value }));
    } else if (isObject(node.examples) && hasSchema) {
      for (const [name, entry] of Object.entries(node.examples)) {
        const resolved = deref(doc, entry as Json, `${pointer}/examples/${name}`).node;
        cases.push({ where: `${pointer}/examples/${escapePointer(name)}`, schemaPointer: target, value: resolved.value });
      }
    }
    for (const [key, child] of Object.entries(node)) {
      if (key === 'example' || key === 'examples') continue;
      visit(child, `${pointer}/${escapePointer(key)}`);
    }
  };
  visit(doc.paths, '/paths');
  visit(doc.components, '/components');
  return cases;
}

/** Every response of every operation, `$ref`s followed, with its status code. */
function responsesOf(doc: Json): Array<{ where: string; status: string; response: Json; pointer: string }> {
  return operationsOf(doc).flatMap(({ operation, pointer, method, path }) =>
    Object.entries(operation.responses as Json).map(([status, raw]) => {
      const here = `${pointer}/responses/${status}`;
      const { node, pointer: landed } = deref(doc, raw as Json, here);
      return { where: `${method.toUpperCase()} ${path} ${status}`, status, response: node, pointer: landed };
    }),
  );
}

describe('spec/everruns-apps.openapi.yaml', () => {
  let doc: Json;
  let ajv: Ajv2020;
  const validatorFor = (schemaPointer: string) => ajv.getSchema(`${DOC_ID}#${schemaPointer}`) ??
    ajv.compile({ $ref: `${DOC_ID}#${schemaPointer}` });

  beforeAll(async () => {
    // parse() keeps $refs in place, so pointers into the document stay meaningful.
    doc = (await SwaggerParser.parse(SPEC_PATH)) as unknown as Json;
    ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
    addFormats(ajv);
    ajv.addSchema(structuredClone(doc), DOC_ID);
  });

  it('is accepted by swagger-parser as OpenAPI 3.1.0', async () => {
    const api = (await SwaggerParser.validate(SPEC_PATH)) as unknown as Json;
    expect(api.openapi).toBe('3.1.0');
    expect((api.servers as Json[]).map((s) => s.url)).toEqual([
      'http://127.0.0.1:4010',
      'https://app.everruns.com/api',
    ]);
  });

  it('declares exactly the twelve operationIds, each with summary, description and tags', () => {
    const operations = operationsOf(doc);
    expect(operations.map((o) => o.operation.operationId).sort()).toEqual([...OPERATION_IDS].sort());
    for (const { operation } of operations) {
      expect(operation.summary, String(operation.operationId)).toEqual(expect.any(String));
      expect(operation.description, String(operation.operationId)).toEqual(expect.any(String));
      expect((operation.tags as string[]).length, String(operation.operationId)).toBeGreaterThan(0);
    }
  });

  it('validates every example against its own schema', () => {
    const cases = collectExamples(doc);
    expect(cases.length).toBeGreaterThan(50);
    const failures = cases.flatMap(({ where, schemaPointer, value }) => {
      const validate = validatorFor(schemaPointer);
      return validate(value) ? [] : [{ where, errors: ajv.errorsText(validate.errors) }];
    });
    expect(failures).toEqual([]);
  });

  it('references every reusable example, so none escapes validation', () => {
    const text = JSON.stringify(doc);
    for (const name of Object.keys((doc.components as Json).examples as Json)) {
      expect(text, name).toContain(`"#/components/examples/${name}"`);
    }
  });

  it('gives request bodies and success responses examples, and each error response one whose status matches', () => {
    for (const { operation, pointer } of operationsOf(doc)) {
      const body = operation.requestBody as Json | undefined;
      for (const media of Object.values((body?.content ?? {}) as Json)) {
        expect(Object.keys((media as Json).examples as Json).length, pointer).toBeGreaterThan(0);
      }
    }
    for (const { where, status, response, pointer } of responsesOf(doc)) {
      for (const [mediaType, media] of Object.entries((response.content ?? {}) as Json)) {
        const examples = Object.entries((media as Json).examples as Json);
        expect(examples.length, `${where} ${mediaType}`).toBeGreaterThan(0);
        if (Number(status) < 400) continue;
        for (const [name, entry] of examples) {
          const value = deref(doc, entry as Json, `${pointer}/${name}`).node.value as Json;
          expect(value.status, `${where} ${name}`).toBe(Number(status));
        }
      }
    }
  });

  it('declares exactly application/problem+json with ErrorResponse on every 4xx and 5xx', () => {
    const errors = responsesOf(doc).filter(({ status }) => Number(status) >= 400);
    expect(errors.length).toBeGreaterThan(40);
    for (const { where, response } of errors) {
      const content = response.content as Json;
      expect(Object.keys(content), where).toEqual(['application/problem+json']);
      expect((content['application/problem+json'] as Json).schema, where).toEqual({
        $ref: '#/components/schemas/ErrorResponse',
      });
    }
  });

  it('declares 401 on every management operation and no 400 on the webhook', () => {
    for (const { operation } of operationsOf(doc)) {
      const statuses = Object.keys(operation.responses as Json);
      if (operation.operationId === 'invoke_webhook') {
        expect(statuses.sort()).toEqual(['202', '401', '403', '404', '500']);
      } else {
        expect(statuses, String(operation.operationId)).toContain('401');
      }
    }
  });

  it('gives app_id the AppId pattern everywhere but the webhook route, where ids are plain strings', async () => {
    const api = (await SwaggerParser.dereference(structuredClone(doc) as never)) as unknown as Json;
    const appIdPattern = resolvePointer(api, '/components/schemas/AppId/pattern');
    expect(appIdPattern).toBe('^app_[0-9a-f]{32}$');
    let checked = 0;
    for (const [path, item] of Object.entries(api.paths as Json)) {
      for (const method of METHODS) {
        const operation = (item as Json)[method] as Json | undefined;
        if (!operation) continue;
        const params = [...((item as Json).parameters ?? []) as Json[], ...(operation.parameters ?? []) as Json[]];
        for (const param of params.filter((p) => p.in === 'path')) {
          const schema = param.schema as Json;
          if (operation.operationId === 'invoke_webhook') {
            expect(schema, `${path} ${String(param.name)}`).toEqual({ type: 'string' });
          } else if (param.name === 'app_id') {
            expect(schema.pattern, path).toBe(appIdPattern);
            checked += 1;
          }
        }
      }
    }
    // Every operation except create_app, list_apps (no app_id) and invoke_webhook.
    expect(checked).toBe(9);
  });

  describe('negative controls: the same validator rejects wrong examples', () => {
    it('rejects an app whose id has the seeds\' 31 hex digits', () => {
      const app = structuredClone(resolvePointer(doc, '/components/examples/DraftApp/value')) as Json;
      const validate = validatorFor('/components/schemas/App');
      expect(validate(app)).toBe(true);
      app.id = 'app_01933b5a00007000800000000000001';
      expect(validate(app)).toBe(false);
      expect(validate.errors?.some((e) => e.instancePath === '/id' && e.keyword === 'pattern')).toBe(true);
    });

    it('rejects a problem without status, an unknown rel and a run list over 100 items', () => {
      const problem = validatorFor('/components/schemas/ErrorResponse');
      expect(problem({ title: 'Not Found' })).toBe(false);
      expect(problem({ title: 'Not Found', status: 404, allowed_actions: [{ rel: 'explode' }] })).toBe(false);
      expect(problem({ title: 'Not Found', status: 404, extension: 1 })).toBe(true);
      const runs = validatorFor('/components/schemas/RunList');
      const run = (resolvePointer(doc, '/paths/~1v1~1apps~1{app_id}~1runs/get/responses/200/content/application~1json/examples/withBuckets/value/data/0'));
      expect(runs({ data: Array.from({ length: 100 }, () => run) })).toBe(true);
      expect(runs({ data: Array.from({ length: 101 }, () => run) })).toBe(false);
    });

    it('rejects a webhook invocation with a malformed session id through the operation\'s media-type schema', () => {
      const pointer = '/paths/~1v1~1apps~1{app_id}~1webhooks~1{channel_id}/post/responses/202/content/application~1json/schema';
      const validate = validatorFor(pointer);
      expect(validate({ accepted: true, created_session: true, session_id: 'example' })).toBe(false);
    });
  });
});

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

type Json = Record<string, unknown>;

/** One schema of the laws corpus, with the components its `$ref`s point into. */
export interface CorpusCase {
  name: string;
  dialect: 'oas30' | 'oas31';
  components: Json;
  schema: unknown;
}

const FORMATS = ['date-time', 'date', 'time', 'email', 'uri', 'url', 'uuid', 'hostname', 'ipv4', 'ipv6', 'byte', 'binary', 'password', 'regex', 'uri-reference', 'uri-template', 'json-pointer', 'relative-json-pointer', 'duration', 'iso-time', 'iso-date-time', 'idn-email', 'iri'];

const shared31: Json = {
  Node: { type: 'object', required: ['value'], properties: { value: { type: 'integer' }, next: { $ref: '#/components/schemas/Node' } } },
  Tree: { type: 'object', properties: { children: { type: 'array', items: { $ref: '#/components/schemas/Tree' } } } },
  Cat: { type: 'object', required: ['kind', 'lives'], properties: { kind: { type: 'string' }, lives: { type: 'integer', minimum: 1, maximum: 9 } } },
  Dog: { type: 'object', required: ['kind', 'bark'], properties: { kind: { type: 'string' }, bark: { type: 'string', enum: ['woof', 'yap'] } } },
  Json: { oneOf: [{ type: 'null' }, { type: 'string' }, { type: 'array', items: { $ref: '#/components/schemas/Json' } }] },
};

const inline31: Record<string, unknown> = {
  'string lengths': { type: 'string', minLength: 2, maxLength: 5 },
  'unicode lengths': { type: 'string', minLength: 3, maxLength: 3 },
  pattern: { type: 'string', pattern: '^[a-z]{2,4}-\\d+$', maxLength: 8 },
  'unanchored pattern': { type: 'string', pattern: 'ab+c', minLength: 4 },
  'integer bounds': { type: 'integer', exclusiveMinimum: 3, maximum: 10 },
  'integer multipleOf': { type: 'integer', multipleOf: 5, minimum: -20, exclusiveMaximum: 40 },
  'decimal multipleOf': { type: 'number', multipleOf: 0.01, exclusiveMinimum: 0, exclusiveMaximum: 1 },
  'number bounds': { type: 'number', minimum: -1.5, exclusiveMaximum: 2.5 },
  'type array with null': { type: ['string', 'null'], maxLength: 4 },
  'enum and const': { type: 'object', required: ['e', 'c'], properties: { e: { enum: ['a', 'b', 3] }, c: { const: 'fixed' } } },
  'numeric formats': {
    type: 'object',
    required: ['a', 'b', 'c', 'd'],
    properties: { a: { type: 'integer', format: 'int32' }, b: { type: 'integer', format: 'int64' }, c: { type: 'number', format: 'float' }, d: { type: 'number', format: 'double' } },
  },
  'prefixItems closed': { type: 'array', prefixItems: [{ type: 'string' }, { type: 'integer' }], items: false, minItems: 1 },
  'unique items': { type: 'array', items: { type: 'integer', minimum: 0, maximum: 20 }, uniqueItems: true, minItems: 2, maxItems: 4 },
  'closed object': {
    type: 'object',
    required: ['id', 'name'],
    additionalProperties: false,
    minProperties: 2,
    maxProperties: 3,
    properties: { id: { type: 'string', format: 'uuid' }, name: { type: 'string', minLength: 1, maxLength: 20 }, tag: { type: 'string' }, age: { type: 'integer', minimum: 0 } },
  },
  'additional schema': { type: 'object', additionalProperties: { type: 'integer', maximum: 3 }, minProperties: 1 },
  'pattern properties': { type: 'object', patternProperties: { '^x-': { type: 'string' } }, additionalProperties: false, properties: { a: { type: 'boolean' } } },
  allOf: {
    allOf: [
      { type: 'object', required: ['a'], properties: { a: { type: 'integer', minimum: 0 } } },
      { type: 'object', required: ['b'], properties: { a: { type: 'integer', maximum: 5 }, b: { type: 'string', maxLength: 3 } } },
    ],
  },
  'oneOf discriminator': {
    oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }],
    discriminator: { propertyName: 'kind', mapping: { cat: '#/components/schemas/Cat', dog: '#/components/schemas/Dog' } },
  },
  'oneOf by type': { oneOf: [{ type: 'string', maxLength: 3 }, { type: 'integer' }, { type: 'boolean' }] },
  anyOf: { anyOf: [{ type: 'string', format: 'email' }, { type: 'integer', minimum: 100 }] },
  not: { type: 'integer', minimum: 0, maximum: 5, not: { enum: [2, 3] } },
  'if then else': {
    type: 'object',
    required: ['kind'],
    properties: { kind: { enum: ['n', 's'] }, v: {} },
    if: { properties: { kind: { const: 'n' } } },
    then: { required: ['v'], properties: { v: { type: 'number' } } },
    else: { properties: { v: { type: 'string' } } },
  },
  'read and write only': {
    type: 'object',
    required: ['id', 'secret', 'name'],
    additionalProperties: false,
    properties: { id: { type: 'string', readOnly: true }, secret: { type: 'string', writeOnly: true }, name: { type: 'string' } },
  },
  'ref with siblings': { $ref: '#/components/schemas/Cat', required: ['extra'], properties: { extra: { type: 'boolean' } } },
  'recursive list': { $ref: '#/components/schemas/Node' },
  'recursive tree': { $ref: '#/components/schemas/Tree' },
  'recursive json': { $ref: '#/components/schemas/Json' },
  'untyped with examples': { examples: ['x', 3], default: 'x' },
  // Documented values, some of which contradict their own schema (a generator must not trust those).
  'documented properties': {
    type: 'object',
    required: ['greeting', 'when'],
    properties: {
      greeting: { type: 'string', examples: ['hello'] },
      when: { type: 'string', format: 'date-time', examples: ['yesterday', '2024-05-01T10:00:00Z'] },
      size: { type: 'integer', minimum: 1, maximum: 9, default: 12 },
      mail: { type: 'string', format: 'email', default: 'not an email' },
      tags: { type: 'array', maxItems: 2, items: { type: 'string' }, examples: [['a', 'b', 'c'], ['a']] },
      point: { type: 'object', required: ['x'], properties: { x: { type: 'number' } }, examples: [{ y: 1 }, { x: 1.5 }] },
    },
  },
  // Names that ask for readable values, with lengths the readable values must still respect.
  'named properties': {
    type: 'object',
    required: ['id', 'name', 'email', 'html_url', 'created_at', 'description', 'title', 'user_id', 'slug', 'country_code'],
    properties: {
      id: { type: 'string', maxLength: 5 },
      name: { type: 'string', minLength: 20 },
      email: { type: 'string', maxLength: 8 },
      html_url: { type: 'string' },
      created_at: { type: 'string', minLength: 1 },
      description: { type: 'string', maxLength: 0 },
      title: { type: 'string', minLength: 3, maxLength: 4 },
      user_id: { type: 'string', format: 'x-opaque' },
      slug: { type: 'string', pattern: '^[a-z]+(-[a-z]+)*$' },
      country_code: { type: 'string', enum: ['NL', 'BE'] },
      homepage: { type: 'string', format: 'uri', maxLength: 22 },
      contact: { type: 'string', format: 'email', minLength: 12 },
      count: { type: 'integer', exclusiveMaximum: 0 },
      ratio: { type: 'number', maximum: 0.5 },
    },
  },
};
for (const format of FORMATS) inline31[`format ${format}`] = { type: 'string', format };

const shared30: Json = {
  Pet: {
    type: 'object',
    required: ['petType', 'name'],
    discriminator: { propertyName: 'petType' },
    properties: { petType: { type: 'string' }, name: { type: 'string', nullable: true } },
  },
  Cat: { allOf: [{ $ref: '#/components/schemas/Pet' }, { type: 'object', required: ['huntingSkill'], properties: { huntingSkill: { type: 'string', enum: ['lazy', 'aggressive'] } } }] },
  Dog: { allOf: [{ $ref: '#/components/schemas/Pet' }, { type: 'object', required: ['packSize'], properties: { packSize: { type: 'integer', format: 'int32', minimum: 0 } } }] },
  Node: { type: 'object', nullable: true, properties: { next: { $ref: '#/components/schemas/Node' } } },
};

const inline30: Record<string, unknown> = {
  'nullable string': { type: 'string', nullable: true, minLength: 1, example: 'hello' },
  'nullable enum': { type: 'string', nullable: true, enum: ['a', 'b', null] },
  'boolean exclusive bounds': { type: 'number', minimum: 0, exclusiveMinimum: true, maximum: 10, exclusiveMaximum: true },
  'integer exclusive bounds': { type: 'integer', minimum: 1, exclusiveMinimum: true, maximum: 4, exclusiveMaximum: false },
  'discriminated oneOf': { oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }], discriminator: { propertyName: 'petType' } },
  'allOf child': { $ref: '#/components/schemas/Cat' },
  'ref ignores siblings': { $ref: '#/components/schemas/Dog', description: 'siblings are ignored in 3.0' },
  'nullable recursion': { $ref: '#/components/schemas/Node' },
  'object with nested': {
    type: 'object',
    required: ['items'],
    properties: { items: { type: 'array', minItems: 1, maxItems: 2, items: { type: 'object', required: ['n'], properties: { n: { type: 'integer', multipleOf: 3 } } } } },
  },
};

const asCases = (dialect: 'oas30' | 'oas31', components: Json, schemas: Record<string, unknown>, prefix: string): CorpusCase[] =>
  Object.entries(schemas).map(([name, schema]) => ({ name: `${prefix} ${name}`, dialect, components, schema }));

function fromDocument(dir: '3.0' | '3.1', file: string, skip: string[] = []): CorpusCase[] {
  const path = fileURLToPath(new URL(`../../../node_modules/@readme/oas-examples/${dir}/json/${file}`, import.meta.url));
  const document = JSON.parse(readFileSync(path, 'utf8')) as { components?: { schemas?: Json } };
  const components = document.components?.schemas ?? {};
  const refs = Object.fromEntries(Object.keys(components).filter((n) => !skip.includes(n)).map((n) => [n, { $ref: `#/components/schemas/${n}` }]));
  return asCases(dir === '3.0' ? 'oas30' : 'oas31', components, refs, `${dir}/${file}`);
}

/** Inline schemas exercising every feature in both dialects, plus components of real documents. */
export const CORPUS: CorpusCase[] = [
  ...asCases('oas31', shared31, inline31, 'inline 3.1'),
  ...asCases('oas30', shared30, inline30, 'inline 3.0'),
  ...fromDocument('3.0', 'petstore.json'),
  ...fromDocument('3.0', 'circular.json'),
  ...fromDocument('3.0', 'schema-circular.json'),
  ...fromDocument('3.0', 'discriminators.json'),
  ...fromDocument('3.0', 'polymorphism.json'),
  ...fromDocument('3.0', 'schema-types.json'),
  ...fromDocument('3.0', 'schema-enums.json'),
  ...fromDocument('3.0', 'schema-additional-properties.json'),
  // Identical oneOf branches: no value can match exactly one of them.
  ...fromDocument('3.0', 'complex-nesting.json', ['ObjectOfEverything', 'ObjectOfAdditionalPropertiesObjectPolymorphism']),
  ...fromDocument('3.1', 'petstore.json'),
  ...fromDocument('3.1', 'schema-types.json'),
  ...fromDocument('3.1', 'train-travel.json'),
];

/** A SchemaContext over a case's components. */
export function contextFor(c: CorpusCase): { dialect: 'oas30' | 'oas31'; resolveRef(ref: string): unknown } {
  return { dialect: c.dialect, resolveRef: (ref) => c.components[decodeURIComponent(ref.split('/').pop() ?? '')] };
}

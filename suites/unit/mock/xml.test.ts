import { describe, expect, it } from 'vitest';
import { isXmlMediaType, toXml } from '../../../src/mock/xml.js';

const components: Record<string, unknown> = {
  Pet: {
    type: 'object',
    xml: { name: 'pet', namespace: 'https://example.test/pets', prefix: 'p' },
    properties: {
      id: { type: 'integer', xml: { attribute: true } },
      name: { type: 'string', xml: { name: 'pet-name' } },
      tags: { type: 'array', xml: { name: 'tag-list', wrapped: true }, items: { type: 'string', xml: { name: 'tag' } } },
      photos: { type: 'array', items: { type: 'string' } },
      owner: { $ref: '#/components/schemas/Owner' },
    },
  },
  Owner: { type: 'object', properties: { login: { type: 'string' } } },
  Plain: { type: 'object', properties: { note: { type: 'string' } } },
};
const resolveRef = (ref: string) => components[ref.split('/').pop()!];
const PROLOG = '<?xml version="1.0" encoding="UTF-8"?>\n';

describe('toXml (OAS 3.x XML Object)', () => {
  it('honours name, attribute, wrapped, namespace and prefix', () => {
    const value = { id: 7, name: 'Rex', tags: ['good', 'dog'], photos: ['a.png', 'b.png'], owner: { login: 'ada' } };
    expect(toXml(value, { $ref: '#/components/schemas/Pet' }, resolveRef, 'Pet')).toBe(
      PROLOG +
        '<p:pet xmlns:p="https://example.test/pets" id="7"><pet-name>Rex</pet-name>' +
        '<tag-list><tag>good</tag><tag>dog</tag></tag-list>' +
        '<photos>a.png</photos><photos>b.png</photos>' +
        '<owner><login>ada</login></owner></p:pet>',
    );
  });

  it('names the root after its component, wraps a top-level array and names its items after theirs', () => {
    expect(toXml({ note: 'hi' }, components['Plain'], resolveRef, 'Plain')).toBe(`${PROLOG}<Plain><note>hi</note></Plain>`);
    expect(toXml([{ note: 'a' }, { note: 'b' }], { type: 'array', items: { $ref: '#/components/schemas/Plain' } }, resolveRef)).toBe(
      `${PROLOG}<root><Plain><note>a</note></Plain><Plain><note>b</note></Plain></root>`,
    );
    expect(toXml('x', { type: 'string' }, resolveRef)).toBe(`${PROLOG}<root>x</root>`);
  });

  it('escapes text and attributes, drops characters XML cannot carry, and makes any key a name', () => {
    const schema = { type: 'object', properties: { id: { type: 'string', xml: { attribute: true } } } };
    const xml = toXml({ id: 'a"<b>&', '1st key': 'x < y \u0001', empty: null }, schema, resolveRef);
    expect(xml).toBe(`${PROLOG}<root id="a&quot;&lt;b&gt;&amp;"><_1st_key>x &lt; y </_1st_key><empty/></root>`);
  });

  it('finds properties through allOf and oneOf', () => {
    const schema = {
      allOf: [{ $ref: '#/components/schemas/Plain' }, { oneOf: [{ properties: { id: { type: 'integer', xml: { attribute: true } } } }] }],
    };
    expect(toXml({ id: 1, note: 'n' }, schema, resolveRef)).toBe(`${PROLOG}<root id="1"><note>n</note></root>`);
  });

  it('knows XML media types', () => {
    expect(['application/xml', 'text/xml; charset=utf-8', 'application/atom+xml'].map(isXmlMediaType)).toEqual([true, true, true]);
    expect(['application/json', 'text/plain', 'garbage'].map(isXmlMediaType)).toEqual([false, false, false]);
  });
});

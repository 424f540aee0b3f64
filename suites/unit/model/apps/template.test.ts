import { describe, expect, it } from 'vitest';
import { renderTemplate } from '../../../../src/model/apps/template.js';

describe('renderTemplate', () => {
  const context = { a: { b: 'x', n: 3, t: true, nil: null, list: [1, { c: 'y' }], obj: { k: 1 } }, s: 'plain' };

  it.each([
    ['{{a.b}}', 'x'],
    ['{{  a.b  }}', 'x'],
    ['[{{ a.n }}|{{ a.t }}|{{ a.nil }}]', '[3|true|]'],
    ['{{ a.list.1.c }}', 'y'],
    ['{{ a.list }}', '[1,{"c":"y"}]'],
    ['{{ a.obj }}', '{"k":1}'],
    ['{{ s }}', 'plain'],
    ['{{ nope }}{{ a.nope.deeper }}{{ s.length }}{{ a.list.01 }}', ''],
    ['{{ a.constructor }}{{ a.__proto__ }}{{ toString }}', ''],
    ['no placeholders, {single} braces', 'no placeholders, {single} braces'],
    ['{{ a.b }} and {{a.b}}', 'x and x'],
  ])('renders %j as %j', (template, expected) => {
    expect(renderTemplate(template, context)).toBe(expected);
  });

  it('does not interpret $ patterns in values', () => {
    expect(renderTemplate('{{ v }}', { v: "$& $1 $'" })).toBe("$& $1 $'");
  });
});

import { describe, expect, it } from 'vitest';
import { PathTemplateMatcher, splitPathKey, templateVariables } from '../../../src/openapi/index.js';

function matcher(...templates: string[]) {
  const paths = new PathTemplateMatcher<string>();
  for (const template of templates) paths.add(template, () => template);
  return paths;
}

describe('PathTemplateMatcher', () => {
  it('extracts template variables', () => {
    const match = matcher('/v1/apps/{app_id}/webhooks/{channel_id}').match('/v1/apps/app_1/webhooks/appchan_2');
    expect(match).toMatchObject({ value: '/v1/apps/{app_id}/webhooks/{channel_id}', params: { app_id: 'app_1', channel_id: 'appchan_2' } });
  });

  it('prefers a literal segment over a template at the same place', () => {
    const paths = matcher('/v1/apps/{app_id}', '/v1/apps/search');
    expect(paths.match('/v1/apps/search')?.value).toBe('/v1/apps/search');
    expect(paths.match('/v1/apps/app_1')?.value).toBe('/v1/apps/{app_id}');
  });

  it('backtracks when the literal branch dead-ends', () => {
    const paths = matcher('/a/b/{y}', '/a/{x}/c');
    expect(paths.match('/a/b/c')?.value).toBe('/a/b/{y}');
    expect(paths.match('/a/z/c')).toMatchObject({ value: '/a/{x}/c', params: { x: 'z' } });
  });

  it('matches several variables inside one segment', () => {
    expect(matcher('/files/{name}.{ext}').match('/files/report.pdf')?.params).toEqual({ name: 'report', ext: 'pdf' });
  });

  it('finds nothing for unknown paths, empty variables or extra segments', () => {
    const paths = matcher('/v1/apps/{app_id}');
    expect(paths.match('/v1/apps/')).toBeUndefined();
    expect(paths.match('/v1/apps/x/y')).toBeUndefined();
    expect(paths.match('/nope')).toBeUndefined();
  });

  it('tolerates one trailing slash', () => {
    expect(matcher('/v1/apps').match('/v1/apps/')?.value).toBe('/v1/apps');
  });
});

describe('PathTemplateMatcher with shared prefixes', () => {
  it('names variables per template even where templates share a trie node', () => {
    const paths = matcher('/users/{user_id}/projects/{number}', '/users/{username}/repos');
    expect(paths.match('/users/42/projects/7')?.params).toEqual({ user_id: '42', number: '7' });
    expect(paths.match('/users/octocat/repos')?.params).toEqual({ username: 'octocat' });
  });
});

describe('templateVariables', () => {
  it('lists variables in order, several per segment included', () => {
    expect(templateVariables('/orgs/{org}/files/{name}.{ext}')).toEqual(['org', 'name', 'ext']);
  });
});

describe('splitPathKey', () => {
  it('separates the template from query and fragment discriminators', () => {
    expect(splitPathKey('/v1/apps/{app_id}')).toEqual({ template: '/v1/apps/{app_id}', conditions: [] });
    expect(splitPathKey('/rest?method=flickr.favorites.getList')).toEqual({
      template: '/rest',
      conditions: [{ name: 'method', value: 'flickr.favorites.getList', from: 'query' }],
    });
    expect(splitPathKey('/tags/{resourceArn}#tagKeys')).toEqual({ template: '/tags/{resourceArn}', conditions: [{ name: 'tagKeys', value: undefined, from: 'fragment' }] });
    expect(splitPathKey('/#X-Amz-Target=DynamoDB_20120810.Query')).toEqual({
      template: '/',
      conditions: [{ name: 'X-Amz-Target', value: 'DynamoDB_20120810.Query', from: 'fragment' }],
    });
    expect(splitPathKey('/a?x=1&y#z=%20w').conditions).toEqual([
      { name: 'x', value: '1', from: 'query' },
      { name: 'y', value: undefined, from: 'query' },
      { name: 'z', value: ' w', from: 'fragment' },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { maskUrlCredentials, splitUrlCredentials } from '../../../src/core/index.js';

describe('URL credentials', () => {
  it('take the userinfo out as Basic credentials, keeping the rest of the URL as written', () => {
    const split = splitUrlCredentials('https://ops:p%40ss@api.example.io:8443/base');
    expect(split.url).toBe('https://api.example.io:8443/base');
    expect(split.authorization).toBe(`Basic ${Buffer.from('ops:p@ss').toString('base64')}`);
    expect(split.secrets).toEqual(['p@ss', 'p%40ss', Buffer.from('ops:p@ss').toString('base64')]);
    expect(splitUrlCredentials('http://127.0.0.1:4010')).toEqual({ url: 'http://127.0.0.1:4010', secrets: [] });
  });

  it('mask a password wherever a URL appears in a text, keeping the user', () => {
    expect(maskUrlCredentials("--target must be http, got 'ftp://ops:hunter2@h/x' and http://a:b@c:1")).toBe(
      "--target must be http, got 'ftp://ops:***@h/x' and http://a:***@c:1",
    );
    expect(maskUrlCredentials('http://user@host/no-password')).toBe('http://user@host/no-password');
  });
});

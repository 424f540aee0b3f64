/** A URL's userinfo, taken out of it. */
export interface UrlCredentials {
  /** The URL without its userinfo, otherwise as written. */
  url: string;
  /** `Basic` credentials for the userinfo (RFC 7617), when it has any. */
  authorization?: string;
  /** The password (as written and decoded) and the encoded credentials: masked wherever anything is printed or written. */
  secrets: string[];
}

const USERINFO = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)@/i;

/**
 * Takes the userinfo out of `http://user:pw@host/base`: the URL to send to, the Basic credentials
 * it stood for, and what must never be printed. RFC 3986 §3.2.1 deprecates a password in a URI;
 * clients still write one, so it is honoured and kept off the screen.
 */
export function splitUrlCredentials(text: string): UrlCredentials {
  const match = USERINFO.exec(text);
  if (!match || match[2] === '') return { url: text, secrets: [] };
  const userinfo = match[2]!;
  const colon = userinfo.indexOf(':');
  const rawUser = colon < 0 ? userinfo : userinfo.slice(0, colon);
  const rawPassword = colon < 0 ? '' : userinfo.slice(colon + 1);
  const password = safeDecode(rawPassword);
  const encoded = Buffer.from(`${safeDecode(rawUser)}:${password}`).toString('base64');
  return {
    url: text.replace(USERINFO, '$1'),
    authorization: `Basic ${encoded}`,
    secrets: [...new Set([password, rawPassword, encoded].filter((secret) => secret !== ''))],
  };
}

// `scheme://user:password@` anywhere in a text; the user is kept, the password is not.
const URL_PASSWORD = /\b([a-z][a-z0-9+.-]*:\/\/[^\s/?#:@'"]*):[^\s/?#@'"]*@/gi;

/** A text (a URL, a message naming one) as it may be shown: every URL password in it as `***`. */
export function maskUrlCredentials(text: string): string {
  return text.replace(URL_PASSWORD, '$1:***@');
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

// The request a start-up measurement waits for on a document it knows nothing about: the first GET
// in document order that needs no value the bench would have to invent (no path template, no
// required parameter), with credentials for its first security requirement, because both the mock
// and Prism answer 401 to a request that lacks them.

/** `{path, headers}` (the path with any query key) for the document's first plain GET; throws when it declares none. */
export function plainGet(document) {
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    const operation = item?.get;
    if (!operation || path.includes('{')) continue;
    const parameters = [...(item.parameters ?? []), ...(operation.parameters ?? [])].map((entry) => resolve(document, entry));
    if (parameters.some((parameter) => parameter?.required === true)) continue;
    // OAS 3.x §4.8.10.1: an operation's `security` replaces the document's; `[]` or `{}` needs nothing.
    const requirement = (operation.security ?? document.security ?? [])[0] ?? {};
    const { headers, query } = credentials(document, requirement);
    return { path: query.size === 0 ? path : `${path}?${query}`, headers };
  }
  throw new Error('the document declares no GET without a path template or required parameter');
}

function credentials(document, requirement) {
  const headers = {};
  const query = new URLSearchParams();
  for (const name of Object.keys(requirement)) {
    const scheme = resolve(document, document.components?.securitySchemes?.[name]);
    if (scheme?.type === 'apiKey' && scheme.in === 'query') query.set(scheme.name, 'bench-key');
    else if (scheme?.type === 'apiKey' && scheme.in === 'cookie') headers.cookie = `${scheme.name}=bench-key`;
    else if (scheme?.type === 'apiKey') headers[scheme.name.toLowerCase()] = 'bench-key';
    else if (scheme?.type === 'http' && scheme.scheme?.toLowerCase() === 'basic') headers.authorization = `Basic ${Buffer.from('bench:bench').toString('base64')}`;
    else headers.authorization = 'Bearer bench-token';
  }
  return { headers, query };
}

/** Follows a local `$ref` (`#/components/...`, RFC 6901 tokens) to what it names. */
function resolve(document, value) {
  if (typeof value?.$ref !== 'string' || !value.$ref.startsWith('#/')) return value;
  return value.$ref
    .slice(2)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((node, token) => node?.[token], document);
}

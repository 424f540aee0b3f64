import { SpecError } from '../core/index.js';
import { loadSpec, type LoadedSpec } from '../openapi/index.js';
import { BUNDLED_SPEC_PATH } from './bundled-spec.js';

/** A document as the library takes it: a file path, an http(s) URL, or one `loadSpec()` returned. */
export type SpecInput = string | LoadedSpec;

const FETCH_TIMEOUT_MS = 30_000;
const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;
const MAX_REDIRECTS = 5;

/** True for a spec given as an http(s) URL rather than a file. */
export function isSpecUrl(spec: string): boolean {
  return /^https?:\/\//i.test(spec);
}

/** Loads a document: the bundled Apps API when none is given, a URL fetched with undici, else a file. */
export async function resolveSpec(spec: SpecInput | undefined): Promise<LoadedSpec> {
  if (spec === undefined) return loadSpec(BUNDLED_SPEC_PATH);
  if (typeof spec !== 'string') return spec;
  if (!isSpecUrl(spec)) return loadSpec(spec);
  return loadSpec(spec, await fetchDocument(spec));
}

// Redirects are followed by hand (RFC 9110 §15.4): undici's request() does not follow them.
async function fetchDocument(url: string): Promise<string> {
  // The HTTP client loads only for a document that needs it.
  const { isTransportFailure, send } = await import('../transport/index.js');
  let location = url;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const answer = await send(
      { method: 'GET', url: location, headers: { accept: 'application/json, application/yaml, text/yaml, */*;q=0.5' } },
      { timeoutMs: FETCH_TIMEOUT_MS, maxBodyBytes: MAX_DOCUMENT_BYTES },
    );
    if (isTransportFailure(answer)) throw new SpecError(`cannot fetch spec ${url}: ${answer.message}`);
    const next = answer.headers.location;
    if (answer.status >= 300 && answer.status < 400 && next) {
      location = new URL(next, location).href;
      continue;
    }
    if (answer.status !== 200) throw new SpecError(`cannot fetch spec ${url}: the server answered ${answer.status}`);
    return answer.body.toString('utf8');
  }
  throw new SpecError(`cannot fetch spec ${url}: more than ${MAX_REDIRECTS} redirects`);
}

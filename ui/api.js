// The mock's administration endpoints, relative to /__mock/ so the page works behind any prefix.

/** Reads a JSON answer, turning a problem+json into an Error with its detail. */
async function json(response) {
  const text = await response.text();
  const body = text === '' ? undefined : JSON.parse(text);
  if (!response.ok) throw new Error(body?.detail ?? `${response.status} ${response.statusText}`);
  return body;
}

export const getState = () => fetch('./state').then(json);
// What Export saves: the state with its secrets, so that Load (or --load) restores it whole.
export const getRestorableState = () => fetch('./state?secrets=include').then(json);
export const getStats = () => fetch('./stats').then(json);
export const getExchange = (id) => fetch(`./exchanges/${id}`).then(json);
export const resetState = () => fetch('./reset', { method: 'POST' }).then(json);
export const loadState = (text) =>
  fetch('./state', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: text }).then(json);

/**
 * Subscribes to the live request log. EventSource reconnects by itself and sends Last-Event-ID,
 * so the mock replays only what was missed.
 */
export function subscribe({ onRequest, onStatus }) {
  const source = new EventSource('./events');
  source.addEventListener('open', () => onStatus('live'));
  source.addEventListener('error', () => onStatus(source.readyState === EventSource.CLOSED ? 'closed' : 'reconnecting'));
  source.addEventListener('request', (event) => onRequest(JSON.parse(event.data)));
  return () => source.close();
}

import { useEffect, useState } from 'preact/hooks';
import { getExchange } from './api.js';
import { html } from './html.js';

const statusClass = (status) => (status >= 500 ? 's5' : status >= 400 ? 's4' : status >= 300 ? 's3' : 's2');
const time = (iso) => iso.slice(11, 23);

/** The live request log, newest first; a click shows both sides of the exchange in full. */
export function RequestLog({ requests, onClear }) {
  const [open, setOpen] = useState(undefined);
  if (requests.length === 0) return html`<p class="muted" data-test="no-requests">No requests yet: send one to the mock.</p>`;
  return html`
    <div class="toolbar"><button onClick=${onClear}>Clear</button></div>
    <table class="log">
      <thead>
        <tr>
          <th>time</th>
          <th>method</th>
          <th>path</th>
          <th>status</th>
          <th>ms</th>
          <th>operation</th>
        </tr>
      </thead>
      <tbody>
        ${requests.map(
          (request) => html`
            <tr
              key=${request.id}
              class=${`row ${open === request.id ? 'selected' : ''}`}
              data-test="request-row"
              onClick=${() => setOpen(open === request.id ? undefined : request.id)}
            >
              <td>${time(request.at)}</td>
              <td class="method">${request.method}</td>
              <td class="path">${request.path}${request.query ? `?${request.query}` : ''}</td>
              <td class=${`status ${statusClass(request.status)}`} data-test="status">${request.status}</td>
              <td>${request.ms}</td>
              <td>${request.operation ?? html`<span class="muted">—</span>`}</td>
            </tr>
            ${
              request.violations.length > 0 &&
              html`<tr key=${`${request.id}-v`} class="violations">
                <td colspan="6"><${Violations} violations=${request.violations} /></td>
              </tr>`
            }
            ${
              open === request.id &&
              html`<tr key=${`${request.id}-d`} class="detail">
                <td colspan="6"><${Exchange} id=${request.id} /></td>
              </tr>`
            }
          `,
        )}
      </tbody>
    </table>
  `;
}

function Violations({ violations }) {
  return html`<ul class="violation-list">
    ${violations.map(
      (violation) =>
        html`<li data-test="violation">
          <code data-test="violation-pointer">#/${violation.in}${violation.pointer}</code>${' '}
          <span class="message">${violation.message}</span>
          <div class="rule">rule: <code data-test="violation-schema">${violation.schema}</code></div>
          <div class="hint" data-test="violation-hint">hint: ${violation.hint}</div>
        </li>`,
    )}
  </ul>`;
}

/** Both sides of one exchange, fetched when opened; secrets arrive already redacted. */
function Exchange({ id }) {
  const [exchange, setExchange] = useState(undefined);
  const [error, setError] = useState(undefined);
  useEffect(() => {
    getExchange(id).then(setExchange, (failure) => setError(failure.message));
  }, [id]);
  if (error) return html`<p class="error">${error}</p>`;
  if (!exchange) return html`<p class="muted">Loading…</p>`;
  const { request, response } = exchange;
  return html`<div class="exchange" data-test="exchange">
    <${Message} title=${`${request.method} ${request.path}${request.query ? `?${request.query}` : ''}`} message=${request} />
    <${Message} title=${`${response.status}`} message=${response} />
  </div>`;
}

function Message({ title, message }) {
  return html`<div class="message-side">
    <h3>${title}</h3>
    <pre class="headers">
${Object.entries(message.headers)
        .map(([name, value]) => `${name}: ${value}`)
        .join('\n')}</pre>
    ${
      message.omitted
        ? html`<p class="muted">body not shown: ${message.omitted}</p>`
        : message.body !== undefined && html`<pre class="body" data-test="body">${pretty(message)}</pre>`
    }
  </div>`;
}

function pretty(message) {
  if (message.encoding === 'base64') return `(base64) ${message.body}`;
  try {
    return JSON.stringify(JSON.parse(message.body), null, 2);
  } catch {
    return message.body;
  }
}

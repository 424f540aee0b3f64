import { useState } from 'preact/hooks';
import { getRestorableState, loadState, resetState } from './api.js';
import { html } from './html.js';

/**
 * The state as the mock exports it, resource by resource, without knowing the resources: every
 * top-level array is a collection (grouped further by a `collection` member when every item has
 * one), and each item shows its scalar fields, the sizes of its nested lists, and its JSON.
 */
export function StateView({ state, onChanged }) {
  const [message, setMessage] = useState(undefined);
  if (state === undefined) return html`<p class="muted">Loading…</p>`;
  const act = (promise, done) =>
    promise.then(
      () => (setMessage({ ok: true, text: done }), onChanged()),
      (failure) => setMessage({ ok: false, text: failure.message }),
    );
  const upload = (event) => {
    const file = event.currentTarget.files[0];
    event.currentTarget.value = '';
    if (file) file.text().then((text) => act(loadState(text), `loaded ${file.name}`));
  };
  const collections = collectionsOf(state);
  const scalars = Object.entries(state ?? {}).filter(([, value]) => value === null || typeof value !== 'object');
  return html`
    <div class="toolbar">
      <button data-test="reset" onClick=${() => act(resetState(), 'state reset')}>Reset</button>
      <button data-test="export" onClick=${() => getRestorableState().then(download, (failure) => setMessage({ ok: false, text: failure.message }))}>
        Export
      </button>
      <label class="button">Load <input type="file" accept="application/json,.json" data-test="load" onChange=${upload} hidden /></label>
      ${message && html`<span class=${message.ok ? 'ok' : 'error'} data-test="state-message">${message.text}</span>`}
    </div>
    ${scalars.length > 0 && html`<p class="muted">${scalars.map(([key, value]) => `${key}: ${value}`).join(' · ')}</p>`}
    ${collections.length === 0 && html`<p class="muted">No resources.</p>`}
    ${collections.map(([name, items]) => html`<${Collection} key=${name} name=${name} items=${items} />`)}
  `;
}

function collectionsOf(state) {
  const out = [];
  for (const [key, value] of Object.entries(state ?? {})) {
    if (!Array.isArray(value)) continue;
    const grouped = value.length > 0 && value.every((item) => typeof item?.collection === 'string');
    if (!grouped) out.push([key, value]);
    else
      for (const name of new Set(value.map((item) => item.collection))) out.push([name, value.filter((item) => item.collection === name)]);
  }
  return out;
}

const MAX_COLUMNS = 6;

function Collection({ name, items }) {
  const [open, setOpen] = useState(undefined);
  const columns = columnsOf(items);
  return html`<div class="collection" data-test="state-collection" data-collection=${name}>
    <h3>${name} <small class="muted">(${items.length})</small></h3>
    ${
      items.length > 0 &&
      html`<table>
        <thead>
          <tr>
            ${columns.map((column) => html`<th>${column}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${items.map(
            (item, index) => html`
              <tr key=${index} class="row" data-test="state-item" onClick=${() => setOpen(open === index ? undefined : index)}>
                ${columns.map((column) => html`<td>${cell(item[column])}</td>`)}
              </tr>
              ${
                open === index &&
                html`<tr>
                  <td colspan=${columns.length}><pre>${JSON.stringify(item, null, 2)}</pre></td>
                </tr>`
              }
            `,
          )}
        </tbody>
      </table>`
    }
  </div>`;
}

/** `id` first, then the members most items have, scalars and lists, up to a handful. */
function columnsOf(items) {
  const seen = new Map();
  for (const item of items) {
    for (const [key, value] of Object.entries(item ?? {})) {
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) continue;
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
  }
  const keys = [...seen.keys()].sort((a, b) => (a === 'id' ? -1 : b === 'id' ? 1 : 0));
  return keys.slice(0, MAX_COLUMNS);
}

function cell(value) {
  if (Array.isArray(value)) return html`<span class="muted">${value.length} item${value.length === 1 ? '' : 's'}</span>`;
  if (value === null || value === undefined) return html`<span class="muted">—</span>`;
  return String(value);
}

/** Saves the restorable snapshot (secrets included, unlike the view above) as a JSON file. */
function download(state) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([JSON.stringify(state, null, 2)], { type: 'application/json' }));
  link.download = `mock-state-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  link.click();
  URL.revokeObjectURL(link.href);
}

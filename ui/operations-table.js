import { useState } from 'preact/hooks';
import { html } from './html.js';

/** True when the document declares a response for this status: exactly, by range (`4XX`) or by `default`. */
function declares(declared, status) {
  return declared.includes(status) || declared.includes(`${status[0]}XX`) || declared.includes('default');
}

/** The document's operations with how often each was answered, and with which statuses. */
export function OperationsTable({ stats }) {
  const [calledOnly, setCalledOnly] = useState(false);
  if (!stats) return html`<p class="muted">Loading…</p>`;
  const rows = calledOnly ? stats.operations.filter((operation) => operation.calls > 0) : stats.operations;
  const called = stats.operations.filter((operation) => operation.calls > 0).length;
  return html`
    <div class="toolbar">
      <span data-test="operations-summary">${called} of ${stats.operations.length} operations called, ${stats.total} requests</span>
      <label
        ><input type="checkbox" checked=${calledOnly} onChange=${(event) => setCalledOnly(event.currentTarget.checked)} /> called
        only</label
      >
    </div>
    <table class="operations-table">
      <thead>
        <tr>
          <th>method</th>
          <th>path</th>
          <th>operation</th>
          <th>calls</th>
          <th>statuses</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (operation) =>
            html`<tr key=${operation.id} data-test="operation-row" data-operation=${operation.id}>
              <td class="method">${operation.method}</td>
              <td class="path">${operation.path}</td>
              <td>${operation.id}</td>
              <td data-test="calls">${operation.calls}</td>
              <td>
                ${Object.entries(operation.statuses).map(
                  ([status, count]) =>
                    html`<span
                      class=${`chip ${declares(operation.declared, status) ? '' : 'undeclared'}`}
                      title=${declares(operation.declared, status) ? 'declared by the document' : 'not declared by the document'}
                      >${status} × ${count}</span
                    >`,
                )}
              </td>
            </tr>`,
        )}
        ${
          stats.unrouted.calls > 0 &&
          html`<tr class="unrouted">
            <td colspan="3" class="muted">requests no operation matched</td>
            <td>${stats.unrouted.calls}</td>
            <td>
              ${Object.entries(stats.unrouted.statuses).map(([status, count]) => html`<span class="chip">${status} × ${count}</span>`)}
            </td>
          </tr>`
        }
      </tbody>
    </table>
  `;
}

import { render } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { getState, getStats, subscribe } from './api.js';
import { html } from './html.js';
import { OperationsTable } from './operations-table.js';
import { RequestLog } from './request-log.js';
import { RunsCharts } from './runs-chart.js';
import { StateView } from './state-view.js';

/** The newest requests the page keeps; the mock keeps its own bounded history. */
const MAX_ROWS = 500;
/** State and counters are fetched again at most this often while requests stream in. */
const REFRESH_MS = 300;

function App() {
  const [requests, setRequests] = useState([]);
  const [status, setStatus] = useState('connecting');
  const [state, setState] = useState(undefined);
  const [stats, setStats] = useState(undefined);
  const [error, setError] = useState(undefined);
  const timer = useRef(undefined);

  const refresh = useCallback(() => {
    Promise.all([getState(), getStats()])
      .then(([nextState, nextStats]) => {
        setState(nextState);
        setStats(nextStats);
        setError(undefined);
      })
      .catch((failure) => setError(failure.message));
  }, []);
  const refreshSoon = useCallback(() => {
    if (timer.current === undefined) timer.current = setTimeout(() => ((timer.current = undefined), refresh()), REFRESH_MS);
  }, [refresh]);

  useEffect(() => {
    refresh();
    return subscribe({
      onStatus: setStatus,
      onRequest: (request) => {
        setRequests((rows) => (rows.some((row) => row.id === request.id) ? rows : [request, ...rows].slice(0, MAX_ROWS)));
        refreshSoon();
      },
    });
  }, [refresh, refreshSoon]);

  return html`
    <header>
      <h1>everruns-contract mock</h1>
      <span class=${`connection ${status}`} data-test="connection">${status}</span>
      ${error && html`<span class="error">${error}</span>`}
    </header>
    <main>
      <section class="panel requests">
        <h2>Requests <small class="muted">(recorded while this page is open)</small></h2>
        <${RequestLog} requests=${requests} onClear=${() => setRequests([])} />
      </section>
      <section class="panel state">
        <h2>State</h2>
        <${StateView} state=${state} onChanged=${refresh} />
      </section>
      <section class="panel runs">
        <h2>Runs</h2>
        <${RunsCharts} state=${state} />
      </section>
      <section class="panel operations">
        <h2>Operations</h2>
        <${OperationsTable} stats=${stats} />
      </section>
    </main>
  `;
}

const root = document.getElementById('app');
root.textContent = '';
render(html`<${App} />`, root);

import { useEffect, useRef, useState } from 'preact/hooks';
import uPlot from 'uplot';
import { html } from './html.js';

/** The windows the charts offer, with the width of one bar (as list_app_runs' `window`). */
const WINDOWS = {
  '60m': { ms: 3_600_000, bucket: 60_000 },
  '24h': { ms: 86_400_000, bucket: 3_600_000 },
  '7d': { ms: 7 * 86_400_000, bucket: 6 * 3_600_000 },
};

/** For the Apps state (`apps` and `runs`): one histogram of runs over the window per app. */
export function RunsCharts({ state }) {
  const [span, setSpan] = useState('60m');
  if (!state || !Array.isArray(state.apps) || !Array.isArray(state.runs)) {
    return html`<p class="muted">Run histograms appear for the Apps state (apps and their runs).</p>`;
  }
  const live = state.apps.filter((app) => app.status !== 'archived');
  return html`
    <div class="toolbar">
      window
      ${Object.keys(WINDOWS).map(
        (name) => html`<button class=${name === span ? 'active' : ''} onClick=${() => setSpan(name)}>${name}</button>`,
      )}
    </div>
    ${live.length === 0 && html`<p class="muted">No apps.</p>`}
    ${live.map(
      (app) =>
        html`<${RunsChart} key=${app.id} app=${app} runs=${state.runs.filter((run) => run.app_id === app.id)} span=${WINDOWS[span]} />`,
    )}
  `;
}

/** Counts per bucket, oldest first: all runs and the failed ones (drawn over them, in red). */
function histogram(runs, { ms, bucket }, now) {
  const count = Math.ceil(ms / bucket);
  const start = Math.floor((now - ms) / bucket) * bucket + bucket;
  const xs = Array.from({ length: count }, (_, i) => (start + i * bucket) / 1000);
  const all = new Array(count).fill(0);
  const failed = new Array(count).fill(0);
  let inWindow = 0;
  for (const run of runs) {
    const i = Math.floor((Date.parse(run.created_at) - start) / bucket);
    if (i < 0 || i >= count) continue;
    all[i]++;
    if (run.outcome === 'err') failed[i]++;
    inWindow++;
  }
  return { data: [xs, all, failed], inWindow };
}

function RunsChart({ app, runs, span }) {
  const box = useRef(null);
  const { data, inWindow } = histogram(runs, span, Date.now());
  useEffect(() => {
    const bars = uPlot.paths.bars({ size: [0.8, 40] });
    const plot = new uPlot(
      {
        width: Math.max(280, box.current.clientWidth || 480),
        height: 140,
        legend: { show: true },
        scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
        axes: [{}, { size: 36, incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000] }],
        series: [
          {},
          { label: 'runs', fill: 'rgba(46, 160, 67, 0.7)', stroke: 'rgb(46, 160, 67)', paths: bars, points: { show: false } },
          { label: 'failed', fill: 'rgba(218, 54, 51, 0.8)', stroke: 'rgb(218, 54, 51)', paths: bars, points: { show: false } },
        ],
        hooks: { draw: [() => box.current?.setAttribute('data-drawn', 'true')] },
      },
      data,
      box.current,
    );
    return () => plot.destroy();
  }, [JSON.stringify(data)]);
  return html`<div class="runs-chart">
    <h3>${app.name} <small class="muted">${app.id} · ${inWindow} run${inWindow === 1 ? '' : 's'} in the window</small></h3>
    <div ref=${box} data-test="runs-chart" data-app=${app.id} data-runs=${inWindow}></div>
  </div>`;
}

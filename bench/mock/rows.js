// Which rows the table shows, what each is compared with, and its target (issue 2, "How we will
// know"). Rows without a target are context for the ones that have one.
import { row } from './report.js';

const throughput = (name, result) => ({ name, value: result.rps, p50Ms: result.p50Ms, p99Ms: result.p99Ms });
const broken = (...results) => results.some((result) => result.non2xx > 0 || result.errors > 0);

/** Builds the table rows from everything the run measured. */
export function buildRows({ startup, mock, bare, prism, persisted, platform, scale }, config) {
  const m = mock.cases;
  const ceiling = throughput('bare', bare.cases.getApp);
  const mockCases = Object.values(m);
  const worst = mockCases.reduce((a, b) => (b.p99Ms > a.p99Ms ? b : a));
  const req = { unit: 'req/s' };
  const prismPeak = { name: 'Prism peak', value: Math.max(...Object.values(prism.cases).map((entry) => entry.peakRssMb)) };
  // The stateful cases leave data behind: every POST create adds an app, every webhook call a run.
  const created = m.createApp.sent.toLocaleString('en-US');
  const runs = m.invokeWebhook.sent.toLocaleString('en-US');

  return [
    row('mock GET app ÷ bare ceiling', throughput('mock', m.getApp), ceiling, { ...req, target: { on: 'ratio', atLeast: 0.5 }, failed: broken(m.getApp, bare.cases.getApp) }),
    row('mock GET app ÷ Prism', throughput('mock', m.getApp), throughput('Prism', prism.cases.getApp), { ...req, target: { on: 'ratio', atLeast: 5 }, failed: broken(m.getApp, prism.cases.getApp) }),
    // Issue 9: a GET of an inferred resource (the platform's document) within 15 % of GET app.
    ...(platform.cases.getAgent
      ? [row('mock GET agent (inferred) ÷ GET app', throughput('mock', platform.cases.getAgent), throughput('GET app', m.getApp), { ...req, target: { on: 'ratio', atLeast: 0.85 }, failed: broken(platform.cases.getAgent) })]
      : []),
    row('mock POST create ÷ Prism', throughput('mock', m.createApp), throughput('Prism', prism.cases.createApp), { ...req, failed: broken(m.createApp, prism.cases.createApp) }),
    row('mock PATCH app', throughput('mock', m.updateApp), ceiling, { ...req, failed: broken(m.updateApp) }),
    row('mock webhook invoke', throughput('mock', m.invokeWebhook), ceiling, { ...req, failed: broken(m.invokeWebhook) }),
    row(`mock ${m.listRuns.name}`, throughput('mock', m.listRuns), ceiling, { ...req, failed: broken(m.listRuns) }),
    row('mock --state POST create ÷ in memory', throughput('--state', persisted.cases.createApp), throughput('in memory', m.createApp), { ...req, target: { on: 'ratio', atLeast: 0.5 }, failed: broken(persisted.cases.createApp) }),
    row('bare node:http GET (ceiling)', ceiling, undefined, { ...req, failed: broken(bare.cases.getApp) }),
    row('Prism GET app', throughput('Prism', prism.cases.getApp), ceiling, { ...req, failed: broken(prism.cases.getApp) }),
    row('Prism POST create', throughput('Prism', prism.cases.createApp), ceiling, { ...req, failed: broken(prism.cases.createApp) }),
    row(`p99 GET app, ${config.connections} connections`, { value: m.getApp.p99Ms }, { name: 'bare', value: bare.cases.getApp.p99Ms }, { unit: 'ms', target: { on: 'value', below: 5 } }),
    row(`p99 worst mock case (${worst.name})`, { value: worst.p99Ms }, { name: 'bare', value: bare.cases.getApp.p99Ms }, { unit: 'ms', target: { on: 'value', below: 5 } }),
    row('mock RSS under load, GET app (peak)', { value: m.getApp.peakRssMb }, prismPeak, { unit: 'MB', target: { on: 'value', below: 100 } }),
    row(`mock RSS peak over all 5 cases (+${created} apps, +${runs} runs)`, { value: Math.max(...mockCases.map((entry) => entry.peakRssMb)) }, prismPeak, { unit: 'MB', target: { on: 'value', below: 100 } }),
    row(`mock RSS with ${scale.count.toLocaleString('en-US')} apps`, { value: scale.vmRssMb }, { name: 'empty mock', value: scale.idleRssMb }, { unit: 'MB', target: { on: 'value', below: 250 } }),
    row('start-up to first answer, bundled spec', { value: startup.mockBundled.medianMs }, { name: 'Prism', value: startup.prismBundled.medianMs }, { unit: 'ms', target: { on: 'value', below: 300 } }),
    row('start-up to first answer, GitHub spec', { value: startup.mockGithub.medianMs }, { name: 'bare node', value: startup.bare.medianMs }, { unit: 'ms', target: { on: 'value', below: 3000 } }),
    row('Prism start-up, bundled spec', { value: startup.prismBundled.medianMs }, { name: 'bare node', value: startup.bare.medianMs }, { unit: 'ms' }),
  ];
}

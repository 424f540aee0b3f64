// Which rows the table shows, what each is compared with, and its target (issue 2, "How we will
// know", and issue 13's tighter ones). Rows without a target are context for the ones that have one.
import { row } from './report.js';

const throughput = (name, result) => ({ name, value: result.rps, p50Ms: result.p50Ms, p99Ms: result.p99Ms });
const broken = (...results) => results.some((result) => result.non2xx > 0 || result.errors > 0);

const idleSeconds = (target) => `${Math.round(target.idleSeconds)} s`;
const perAppKb = (filledMb, idleMb, count) => ((filledMb - idleMb) * 1024) / count;

/** Builds the table rows from everything the run measured (a part that did not run has no rows). */
export function buildRows(results, config) {
  return [
    ...(results.mock ? throughputRows(results, config) : []),
    ...(results.scale ? scaleRows(results.scale) : []),
    ...(results.startup ? startupRows(results.startup) : []),
    ...(results.large ? largeDocumentRows(results.large) : []),
    ...(results.constrained ? constrainedRows(results.constrained) : []),
  ];
}

function throughputRows({ mock, bare, prism, persisted, platform, mockDefaults, prismDefaults, idleMock, idleBare }, config) {
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
    row('mock GET app ÷ bare ceiling', throughput('mock', m.getApp), ceiling, { ...req, target: { on: 'ratio', atLeast: 0.8 }, failed: broken(m.getApp, bare.cases.getApp) }),
    row('mock GET app, nothing reused (a new X-Nonce header each time) ÷ bare', throughput('mock', m.getAppFresh), ceiling, { ...req, failed: broken(m.getAppFresh) }),
    // A trace id nothing reads does not tell requests apart, so a tracing client's polls are reused.
    // In CPU per answer: building a new request each time slows autocannon itself to ~45k req/s.
    row('mock GET app, a new traceparent each time, server CPU per answer ÷ GET app', { value: m.getAppTraced.cpuUsPerRequest }, { name: 'GET app', value: m.getApp.cpuUsPerRequest }, { unit: 'µs', failed: broken(m.getAppTraced) }),
    row('mock GET app, server CPU per answer ÷ bare', { value: m.getApp.cpuUsPerRequest }, { name: 'bare', value: bare.cases.getApp.cpuUsPerRequest }, { unit: 'µs', target: { on: 'ratio', below: 1.25 } }),
    // V8's memory reducer, run on an idle process, makes process.nextTick megamorphic for good; the
    // mock keeps one of its entries alive so it cannot (src/mock/tick-object-shape.ts, bench/README.md).
    row(`mock GET app, idle ${idleSeconds(idleMock)} before its first load, server CPU per answer ÷ loaded at once`, { value: idleMock.cases.getApp.cpuUsPerRequest }, { name: 'at once', value: m.getApp.cpuUsPerRequest }, { unit: 'µs', target: { on: 'ratio', below: 1.15 }, failed: broken(idleMock.cases.getApp) }),
    row(`plain node:http (no nextTick entry kept), idle ${idleSeconds(idleBare)} before its first load, server CPU per answer ÷ bare loaded at once`, { value: idleBare.cases.getApp.cpuUsPerRequest }, { name: 'at once', value: bare.cases.getApp.cpuUsPerRequest }, { unit: 'µs', failed: broken(idleBare.cases.getApp) }),
    row('mock GET app, nothing reused, server CPU per answer ÷ bare', { value: m.getAppFresh.cpuUsPerRequest }, { name: 'bare', value: bare.cases.getApp.cpuUsPerRequest }, { unit: 'µs' }),
    row('mock GET app ÷ Prism, request logs off', throughput('mock', m.getApp), throughput('Prism', prism.cases.getApp), { ...req, target: { on: 'ratio', atLeast: 5 }, failed: broken(m.getApp, prism.cases.getApp) }),
    // Issue 13's "≥ 20× Prism" is Prism as a user starts it; with its log off, Prism is a fifteenth of the bare server, so 20× would be above the ceiling.
    row('mock GET app ÷ Prism, both as started by default (request log on)', throughput('mock', mockDefaults.cases.getApp), throughput('Prism', prismDefaults.cases.getApp), { ...req, target: { on: 'ratio', atLeast: 20 }, failed: broken(mockDefaults.cases.getApp, prismDefaults.cases.getApp) }),
    // The most any Node server reaches here: machines differ in what they slow (on one, the bare server ran 4.9x slower than on another and Prism 2.1x), and 20x can lie above the ceiling.
    row('bare ceiling ÷ Prism as started by default (the ratio above at the ceiling)', ceiling, throughput('Prism', prismDefaults.cases.getApp), { ...req, failed: broken(bare.cases.getApp, prismDefaults.cases.getApp) }),
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
    // The records the POST and webhook cases stored are state a client asked for, not load: their cost is the per-app row's.
    row(`mock RSS peak over all ${mockCases.length} cases (+${created} apps, +${runs} runs)`, { value: Math.max(...mockCases.map((entry) => entry.peakRssMb)) }, prismPeak, { unit: 'MB' }),
  ];
}

function scaleRows(scale) {
  return [
    row(`mock RSS with ${scale.count.toLocaleString('en-US')} apps`, { value: scale.vmRssMb }, { name: 'empty mock', value: scale.idleRssMb }, { unit: 'MB', target: { on: 'value', below: 250 } }),
    // Issue 13: the cost of one more app held (with its channel), from the same process before and after.
    row(`mock memory per app at ${scale.count.toLocaleString('en-US')} apps (RSS growth ÷ apps)`, { value: perAppKb(scale.rssMb, scale.idleRssMb, scale.count) }, { name: 'JS heap growth ÷ apps', value: perAppKb(scale.heapUsedMb, scale.idleHeapUsedMb, scale.count) }, { unit: 'KB' }),
  ];
}

function startupRows(startup) {
  return [
    row('start-up to first answer, bundled spec', { value: startup.mockBundled.medianMs }, { name: 'Prism', value: startup.prismBundled.medianMs }, { unit: 'ms', target: { on: 'value', below: 300 } }),
    row('Prism start-up, bundled spec', { value: startup.prismBundled.medianMs }, { name: 'bare node', value: startup.bare.medianMs }, { unit: 'ms' }),
  ];
}

/**
 * Issue 13: start-up on the largest public documents, ours cold and warm beside Prism's on the same
 * document and the same GET. The GitHub warm row keeps issue 2's target for a large document.
 */
function largeDocumentRows(large) {
  return Object.values(large).flatMap(({ label, probePath, timeoutSeconds, cold, warm, prism }) => {
    // Prism's RSS after a timeout is what it had reached when it was stopped, still not answering.
    const peer = (key) => ({ name: prism.timedOut ? `Prism: no answer in ${timeoutSeconds} s` : 'Prism', value: prism[key] });
    const target = label === 'GitHub' ? { target: { on: 'value', below: 3000 } } : {};
    return [
      row(`start-up to first answer, ${label} (GET ${probePath}), mock cold ÷ Prism`, { value: cold.medianMs }, peer('medianMs'), { unit: 'ms', failed: cold.timedOut }),
      row(`start-up to first answer, ${label}, mock warm ÷ Prism`, { value: warm.medianMs }, peer('medianMs'), { unit: 'ms', ...target, failed: warm.timedOut }),
      row(`peak RSS during start-up, ${label}, mock cold ÷ Prism`, { value: cold.peakRssMb }, peer('peakRssMb'), { unit: 'MB' }),
      row(`peak RSS during start-up, ${label}, mock warm ÷ Prism`, { value: warm.peakRssMb }, peer('peakRssMb'), { unit: 'MB' }),
    ];
  });
}

/** Issue 13: Imposter's format, one CPU and a memory cap, with the bare ceiling under the same caps. */
function constrainedRows({ settings, mock, bare }) {
  const caps = `${settings.cpu}, ${settings.memory}, ${settings.connections} connections`;
  return [
    row(`Imposter's format (${caps}): mock GET app ÷ bare`, throughput('mock', mock), throughput('bare', bare), { unit: 'req/s', failed: broken(mock, bare) }),
    row("mock RSS peak under load, Imposter's format", { value: mock.peakRssMb }, { name: 'bare', value: bare.peakRssMb }, { unit: 'MB' }),
  ];
}

// Start-up figures: each is the median of several spawns of one server, from `spawn` to its first
// 2xx answer, with the peak RSS over that time. A server that never answers in time is a result
// (Prism on some large documents), so the figure records the timeout instead of failing the bench.
import { readFileSync } from 'node:fs';
import { plainGet } from './plain-get.js';
import { StartupTimeout, stop } from './processes.js';
import { startMock, startPrism } from './servers.js';

/** Median start-up of `runs` spawns of `start()`; after one timeout the remaining spawns are skipped. */
export async function medianStartup(name, start, runs, progress) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    progress(`start-up ${name} ${i + 1}/${runs}`);
    try {
      const server = await start();
      samples.push({ ms: server.startupMs, peakRssMb: server.startupPeakRssMb });
      await stop(server.child);
    } catch (error) {
      if (!(error instanceof StartupTimeout)) throw error;
      progress(`start-up ${name}: no answer in time`);
      return { medianMs: Number.NaN, peakRssMb: error.peakRssMb, samplesMs: samples.map((sample) => sample.ms), timedOut: true };
    }
  }
  return {
    medianMs: median(samples.map((sample) => sample.ms)),
    peakRssMb: median(samples.map((sample) => sample.peakRssMb)),
    samplesMs: samples.map((sample) => sample.ms),
    timedOut: false,
  };
}

/**
 * Our mock cold (`EVERRUNS_CONTRACT_NO_CACHE=1`: the document is checked against the OpenAPI schema
 * again) and warm (the record of that check, kept in the temp directory by the cold spawns, is
 * read back), and Prism, on one large document. All three wait for the same GET.
 */
export async function largeDocumentStartup(label, spec, { runs, timeoutMs, progress }) {
  const probe = plainGet(JSON.parse(readFileSync(spec, 'utf8')));
  const figure = (who, start) => medianStartup(`${who}, ${label}`, start, runs, progress);
  return {
    label,
    probePath: probe.path,
    timeoutSeconds: timeoutMs / 1000,
    cold: await figure('mock cold', () => startMock({ spec, probe, timeoutMs, env: { EVERRUNS_CONTRACT_NO_CACHE: '1' } })),
    // undefined drops the variable from the child's environment, should the bench's own set it.
    warm: await figure('mock warm', () => startMock({ spec, probe, timeoutMs, env: { EVERRUNS_CONTRACT_NO_CACHE: undefined } })),
    prism: await figure('Prism', () => startPrism(spec, { probe, timeoutMs })),
  };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

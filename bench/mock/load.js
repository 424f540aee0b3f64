// One load case: a discarded warm-up, then a measured run with autocannon, the same settings for
// every target. Latencies are collected from autocannon's per-response event because its own
// histogram keeps whole milliseconds, too coarse for a server that answers in a fraction of one.
import autocannon from 'autocannon';
import { cpuSeconds, sampleRss } from './processes.js';

/**
 * Fires `request` ({url, method, headers, body}) at a server and returns throughput, latency
 * percentiles, the share of non-2xx answers and (given `pid`) the server's peak RSS and CPU time per answer.
 */
export async function measure(request, { seconds, warmupSeconds, connections, pid, rssSampleMs }) {
  const warmup = warmupSeconds > 0 ? await fire(request, connections, warmupSeconds, undefined) : undefined;
  const latencies = [];
  const sampler = pid ? sampleRss(pid, rssSampleMs) : undefined;
  const cpuBefore = pid ? cpuSeconds(pid) : undefined;
  const result = await fire(request, connections, seconds, latencies);
  const cpuAfter = pid ? cpuSeconds(pid) : undefined;
  const peakRssMb = sampler?.stop();
  latencies.sort((a, b) => a - b);
  return {
    rps: result.requests.average,
    total: result.requests.total,
    /** Requests answered in warm-up and measurement together (what a stateful case left behind). */
    sent: result.requests.total + (warmup?.requests.total ?? 0),
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    ...(peakRssMb === undefined ? {} : { peakRssMb }),
    // The server's own CPU time per answer: unlike req/s, it does not depend on how the machine
    // shares its cores between the server and the load generator.
    ...(cpuBefore === undefined || cpuAfter === undefined ? {} : { cpuUsPerRequest: ((cpuAfter - cpuBefore) * 1e6) / result.requests.total }),
  };
}

/** Sends one request and fails loudly unless it gets `status`, so a case never measures errors. */
export async function probe(request, status) {
  const response = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body });
  const text = await response.text();
  if (response.status !== status) {
    throw new Error(`${request.method} ${request.url} answered ${response.status}, expected ${status}: ${text.slice(0, 300)}`);
  }
  return text;
}

function fire(request, connections, seconds, latencies) {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: request.url,
        method: request.method,
        headers: request.headers,
        body: request.body,
        connections,
        pipelining: 1,
        duration: seconds,
        // A case that names `freshHeader` sends a new value of it with every request (a nonce), so
        // no two requests are alike and the mock cannot answer one from what it kept for another.
        ...(request.freshHeader ? { requests: [{ setupRequest: withFreshHeader(request.freshHeader) }] } : {}),
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    if (latencies) instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  });
}

function withFreshHeader(name) {
  let sent = 0;
  return (req) => ({ ...req, headers: { ...req.headers, [name]: String(++sent) } });
}

function percentile(sorted, q) {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

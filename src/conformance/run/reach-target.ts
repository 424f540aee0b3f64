import { connect } from 'node:net';
import { UpstreamError } from '../../core/index.js';
import { isTransportFailure, type HttpClient } from '../../transport/index.js';

/**
 * Makes sure the target can be reached at all before anything is generated. Only a target nothing
 * answers on (refused, no such host, no connection within the timeout) is refused, as a toolkit
 * error; one that accepts the connection and then hangs, resets or sends garbage is under test, and
 * what it fails to answer becomes findings. Returns a warning when the probe got no usable answer.
 */
export async function reachTarget(client: HttpClient, baseUrl: string, timeoutMs: number): Promise<string | undefined> {
  const probe = await client.send({ method: 'GET', url: baseUrl + '/', headers: {} });
  if (!isTransportFailure(probe)) return undefined;
  if (probe.kind === 'refused' || (probe.kind === 'timeout' && !(await connects(baseUrl, timeoutMs)))) {
    throw new UpstreamError(`cannot reach ${baseUrl}: ${probe.message}`);
  }
  return `GET ${baseUrl}/ got no usable answer (${probe.kind}: ${probe.message}); checking it anyway, what it fails to answer is reported`;
}

/** True when a TCP connection to the URL's host and port opens within the timeout. */
function connects(baseUrl: string, timeoutMs: number): Promise<boolean> {
  const url = new URL(baseUrl);
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

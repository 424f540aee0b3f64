/** Why no complete HTTP response came back; a value, never a thrown error. */
export type TransportFailureKind = 'timeout' | 'reset' | 'refused' | 'body-too-large' | 'aborted' | 'error';

/** A request that did not yield a whole response (the target hung, dropped the connection, or sent too much). */
export interface TransportFailure {
  kind: TransportFailureKind;
  message: string;
  elapsedMs: number;
  /** The status line, when headers arrived before the failure (e.g. a body over the cap). */
  status?: number;
}

/** Sorts an undici or socket error into a failure kind by its code. */
export function classifyError(error: unknown, timedOut: boolean): TransportFailureKind {
  const code = (error as { code?: string } | undefined)?.code ?? '';
  const name = (error as { name?: string } | undefined)?.name ?? '';
  // The run's own deadline fired: whatever undici threw on its way out, the target was too slow.
  if (timedOut || name === 'TimeoutError') return 'timeout';
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'UND_ERR_CONNECT_TIMEOUT') return 'timeout';
  if (name === 'AbortError' || code === 'UND_ERR_ABORTED' || code === 'ABORT_ERR') return 'aborted';
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EHOSTUNREACH') return 'refused';
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET' || code === 'UND_ERR_CLOSED') return 'reset';
  return 'error';
}

/** True when a value returned by `send` is a failure rather than a response. */
export function isTransportFailure(value: unknown): value is TransportFailure {
  return typeof value === 'object' && value !== null && 'kind' in value && 'message' in value && !('body' in value);
}

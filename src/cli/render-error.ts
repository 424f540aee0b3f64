import { PlaybackMiss, SpecError, ToolkitError, UpstreamError, UsageError, maskSecrets } from '../core/index.js';

// How the CLI names each kind of toolkit error; any other ToolkitError is an "Error".
const KINDS: ReadonlyArray<readonly [new (...args: never[]) => ToolkitError, string]> = [
  [SpecError, 'Invalid spec'],
  [UpstreamError, 'Target unreachable'],
  [PlaybackMiss, 'Playback miss'],
  [UsageError, 'Usage error'],
];

/** What to do about an address that cannot be bound, by the code Node's listen() fails with. */
const LISTEN_ADVICE: Readonly<Record<string, (error: SystemError) => string>> = {
  EADDRINUSE: (error) =>
    `${address(error)} is already in use; stop what listens there, pick another --port, or use --port 0 for a free one`,
  EACCES: (error) => `permission denied for ${address(error)}; ports below 1024 need privileges: use a higher --port, or --port 0`,
  EADDRNOTAVAIL: (error) => `${error.address ?? 'that address'} is not an address of this machine; check --host`,
  ENOTFOUND: (error) => `cannot resolve --host ${error.hostname ?? ''}: it is neither an IP address nor a known host name`,
  EAI_AGAIN: (error) => `cannot resolve --host ${error.hostname ?? ''} (the name service did not answer)`,
};

interface SystemError extends Error {
  code: string;
  syscall?: string;
  address?: string;
  port?: number;
  hostname?: string;
  path?: string;
}

/**
 * The one line (exit code 2) that ends a command with an error: `<who>: <kind>: <detail>` for a
 * toolkit error, an address that cannot be bound (with what to do) or any other system error; the
 * stack only for anything else (a bug). Every command prints through here, `<who>` being
 * `everruns-contract <command>`. Secrets the command knows are masked.
 */
export function renderError(error: unknown, who: string, secrets: readonly string[] = []): string {
  let line: string;
  if (error instanceof ToolkitError) {
    const kind = KINDS.find(([type]) => error instanceof type)?.[1] ?? 'Error';
    line = `${who}: ${kind}: ${error.detail.replace(/\s+/g, ' ')}`;
  } else if (isSystemError(error)) {
    const advice = error.syscall === 'listen' || error.syscall === 'getaddrinfo' ? LISTEN_ADVICE[error.code] : undefined;
    line = advice ? `${who}: cannot listen: ${advice(error)}` : `${who}: System error: ${error.message.replace(/\s+/g, ' ')}`;
  } else {
    line = `${who}: internal error: ${(error as Error)?.stack ?? error}`;
  }
  return maskSecrets(line, secrets) + '\n';
}

// Node's own failures (fs, net, dns) carry a code and the call that failed; a bug does not.
function isSystemError(error: unknown): error is SystemError {
  return error instanceof Error && typeof (error as SystemError).code === 'string' && typeof (error as SystemError).syscall === 'string';
}

function address(error: SystemError): string {
  return error.address === undefined ? 'the address' : `${error.address}${error.port === undefined ? '' : `:${error.port}`}`;
}
